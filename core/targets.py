"""Rows that hang on exactly one goal-like item: a legal reference, a follow-up.

One nullable foreign key per kind of the registry (core.goalkinds) keeps referential
integrity and lets a page read all such rows in one joined query; a check constraint
makes sure exactly one is set. The model names its kinds in `target_kinds`.
"""

from django.db import models
from django.db.models import Q

from core.models import DRAFT, PublishedQuerySet, municipality_condition


def target_keys(kinds, related_name):
    """The foreign keys, by field name; a model puts them in its class body with
    `vars().update(...)` so that its history model gets them too."""
    return {
        kind.key: models.ForeignKey(
            kind.model_label,
            models.CASCADE,
            null=True,
            blank=True,
            related_name=related_name,
            verbose_name=kind.model_verbose_name,
        )
        for kind in kinds
    }


def exactly_one_target(kinds):
    keys = [kind.key for kind in kinds]
    condition = Q()
    for key in keys:
        only_this = Q(**{f"{key}__isnull": False})
        for other in keys:
            if other != key:
                only_this &= Q(**{f"{other}__isnull": True})
        condition |= only_this
    return condition


class TargetQuerySet(PublishedQuerySet):
    def for_municipality(self, municipality):
        condition = Q()
        for kind in self.model.target_kinds:
            condition |= Q(
                **municipality_condition(f"{kind.key}__{kind.model.municipality_lookup}", municipality)
            )
        return self.filter(condition)

    def published(self):
        """Rows of items that do not stand under a draft policy (core.models.published)."""
        draft = Q()
        for kind in self.model.target_kinds:
            lookup = getattr(kind.model, "publication_lookup", None)
            if lookup is not None:
                draft |= Q(**{f"{kind.key}__{lookup}": DRAFT})
        return self.exclude(draft)


class HasOneTarget(models.Model):
    target_kinds = ()

    class Meta:
        abstract = True

    @classmethod
    def target_fields(cls):
        return [kind.key for kind in cls.target_kinds]

    @property
    def target(self):
        """The item the row hangs on, or None."""
        return next((getattr(self, key) for key in self.target_fields() if getattr(self, f"{key}_id")), None)

    def targets_set(self):
        return [key for key in self.target_fields() if getattr(self, f"{key}_id")]

"""Rows that hang on exactly one goal-like item: a legal reference, a follow-up.

One nullable foreign key per kind of the registry (core.goalkinds) keeps referential
integrity and lets a page read all such rows in one joined query; a check constraint
makes sure exactly one is set. The model names its kinds in `target_kinds`.
"""

from functools import cache

from django.db import connections, models
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


def rows_on(model, ids, columns, order):
    """The `columns` (attnames) of the rows of `model` (a HasOneTarget) that hang on the items
    whose pks `ids` gives by kind key ({key: [pk, …]}), in `order` (attnames); one query.

    On PostgreSQL one select per kind, each with its pks as one array parameter, joined with
    UNION ALL (a row hangs on exactly one item, so none comes twice): the SQL is the same
    whatever the items, each select finds its rows by its own index, and nothing is joined. As
    one OR over the kinds PostgreSQL scanned the whole table; scoped by a municipality, each
    kind's path was joined to it, which cost more to plan than to run. The embedded SQLite of
    `make run` has no arrays: there the ORM's IN lists do.
    """
    connection = connections[model.objects.db]
    if connection.vendor != "postgresql":
        condition = Q(pk__in=[])
        for key, pks in ids.items():
            condition |= Q(**{f"{key}_id__in": pks})
        return list(model.objects.filter(condition).order_by(*order).values_list(*columns))
    sql = _rows_on_sql(model, tuple(ids), tuple(columns), tuple(order), connection.alias)
    with connection.cursor() as cursor:
        cursor.execute(sql, list(ids.values()))
        return cursor.fetchall()


@cache
def _rows_on_sql(model, keys, columns, order, alias):
    meta, quote = model._meta, connections[alias].ops.quote_name

    def names(attnames):
        return ", ".join(quote(meta.get_field(name).column) for name in attnames)

    select = f"SELECT {names(columns)} FROM {quote(meta.db_table)}"  # noqa: S608 - names from _meta
    parts = [f"({select} WHERE {quote(meta.get_field(key).column)} = ANY(%s))" for key in keys]
    return f"{' UNION ALL '.join(parts)} ORDER BY {names(order)}"

"""Abstract models and the queryset that every municipality-owned model shares.

Nothing here imports a domain app: relations to organisation's models are
named by label, so that the base stays below everything that uses it.
"""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

# The one policy status that is never public. Everything that stands under a
# policy is published exactly when its policy is (see `published()`).
DRAFT = "draft"


class PublishedQuerySet(models.QuerySet):
    """Models that stand under a policy name the path to that policy's status in
    `publication_lookup`; everything else is public as soon as it exists."""

    def published(self):
        """What the public may see: everything that does not stand under a draft policy.

        Every public read (pages, search index, sitemap) goes through this one rule.
        `exclude()` keeps rows whose policy is empty: a goal need not belong to a policy.
        """
        lookup = getattr(self.model, "publication_lookup", None)
        if lookup is None:
            return self.all()
        return self.exclude(**{lookup: DRAFT})


def municipality_condition(lookup, municipality):
    """The filter for one municipality (an instance or a pk) or several (a list, or the
    placeholder of core.prepared.rows_of_several); "pk" as a lookup compares with a pk only."""
    if isinstance(municipality, list | tuple):
        return {f"{lookup}__in": [getattr(one, "pk", one) for one in municipality]}
    if getattr(municipality, "stands_for_several", False):  # core.prepared.rows_of_several's
        return {f"{lookup}__in": municipality}
    return {lookup: getattr(municipality, "pk", municipality)}


def sees_only_published(user):
    """Whether `user` sees exactly `published()`: anyone but an active staff member. Pages read
    what such a visitor sees through querysets compiled once (core.prepared)."""
    return not getattr(user, "is_authenticated", False) or not user.is_staff or not user.is_active


def set_related(items, name, objects):
    """Set each item's related object `name` (a foreign key) from `objects` ({pk: object}), read
    once for the page: a list of hundreds of items shares a few dozen units or parents, and a
    join would make each of them again. One not among `objects` is left for Django to read."""
    for item in items:
        pk = getattr(item, f"{name}_id")
        if pk is None or pk in objects:
            item._state.fields_cache[name] = objects.get(pk)


def ordering_within_municipality(model, prefix=""):
    """The model's Meta.ordering as Django expands it (a relation by its model's ordering, reversed
    where the relation is; by its pk where that model has none), less the municipality: among one
    municipality's rows, or rows grouped by municipality, it orders nothing, and ordering by its
    name joins its table to every query."""
    terms = []
    for term in model._meta.ordering:
        name = term.removeprefix("-")
        sign = term[: len(term) - len(name)]
        field = model._meta.get_field(name)
        if not field.is_relation:
            terms.append(f"{sign}{prefix}{name}")
        elif field.related_model._meta.label != "organisation.Municipality":
            related = ordering_within_municipality(field.related_model, f"{prefix}{name}__")
            if sign:
                related = [item.removeprefix("-") if item.startswith("-") else f"-{item}" for item in related]
            terms += related or [f"{sign}{prefix}{field.attname}"]
    return terms


class ScopedQuerySet(PublishedQuerySet):
    """Reads that every municipality-owned model shares.

    Each model names the path from itself to its municipality in
    `municipality_lookup`, so that the admin, the views and the loader can
    scope any of them the same way without a copied municipality column that
    could drift from its parent's.
    """

    def for_municipality(self, municipality):
        return self.filter(**municipality_condition(self.model.municipality_lookup, municipality))

    def visible_to(self, user):
        """`published()`, and for a staff user also the drafts they may preview: their own
        municipality's (a superuser's: all). Anonymous visitors get exactly `published()`."""
        if sees_only_published(user):
            return self.published()
        lookup = getattr(self.model, "publication_lookup", None)
        if user.is_superuser or lookup is None:
            return self.all()
        membership = getattr(user, "membership", None)
        if membership is None:
            return self.published()
        own = models.Q(**{self.model.municipality_lookup: membership.municipality_id})
        return self.filter(own | ~models.Q(**{lookup: DRAFT}))


class Sourced(models.Model):
    """Provenance: the document an item was transcribed from."""

    source = models.ForeignKey(
        "organisation.SourceDocument",
        models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("kildedokument"),
        help_text=_("Det dokument, teksten står i."),
    )

    class Meta:
        abstract = True


class Ordered(models.Model):
    """A place in a list that the document orders."""

    order = models.PositiveIntegerField(_("rækkefølge"), default=0)

    class Meta:
        abstract = True


class Responsible(models.Model):
    """Who carries an item out, where the documents say so."""

    responsible_unit = models.ForeignKey(
        "organisation.OrganisationUnit",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="responsible_for_%(class)s",
        verbose_name=_("ansvarlig enhed"),
    )
    responsible_body = models.ForeignKey(
        "organisation.PoliticalBody",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="responsible_for_%(class)s",
        verbose_name=_("ansvarligt politisk organ"),
    )

    class Meta:
        abstract = True

    @property
    def responsible(self):
        return self.responsible_unit or self.responsible_body


class FollowedUp(models.Model):
    """The plan a goal is followed up against: when, how it is measured, what counts as reached.

    Its state (status, progress) is not stored here but in the dated follow-ups
    (goals.FollowUp), so that a goal keeps its timeline.
    """

    deadline = models.DateField(_("frist"), null=True, blank=True)
    indicator = models.TextField(
        _("indikator"), blank=True, help_text=_("Hvordan det måles, om målet er nået.")
    )
    target = models.TextField(
        _("målsætning"), blank=True, help_text=_("Hvad der skal til, før målet er nået.")
    )
    weight = models.PositiveSmallIntegerField(
        _("vægt"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Hvor meget et delmål tæller, når målsporets fremdrift beregnes. Tom tæller som 1."),
    )

    class Meta:
        abstract = True


class Period(models.Model):
    """A period in whole years, as the documents state them."""

    period_start = models.PositiveSmallIntegerField(_("gælder fra år"), null=True, blank=True)
    period_end = models.PositiveSmallIntegerField(_("gælder til år"), null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def period_label(self):
        if self.period_start and self.period_end:
            return f"{self.period_start}–{self.period_end}"
        if self.period_start:
            return _("fra %(year)s") % {"year": self.period_start}
        if self.period_end:
            return _("til %(year)s") % {"year": self.period_end}
        return ""

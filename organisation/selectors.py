"""Reads of the organisation that pages of several apps share."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from core import prepared, together
from organisation.models import (
    CoreTask,
    Municipality,
    OrganisationUnit,
    Person,
    PoliticalBody,
    SourceDocument,
)


def municipality_or_404(slug):
    return get_object_or_404(Municipality, slug=slug)


def _unit(municipality_slug, slug):
    return (
        OrganisationUnit.objects.filter(municipality__slug=municipality_slug, slug=slug)
        .select_related("municipality", "parent", "source")
        .order_by()
    )


# What a unit's page lists besides its goals: {attribute on the unit: rows of the unit with the
# slug in the municipality}. Ordered as the models are, less what is the same for every row.
UNIT_LISTS = {
    "people_list": lambda municipality_slug, slug: Person.objects.filter(
        unit__municipality__slug=municipality_slug, unit__slug=slug
    ).order_by("order", "name"),
    "core_task_list": lambda municipality_slug, slug: CoreTask.objects.filter(
        unit__municipality__slug=municipality_slug, unit__slug=slug
    ).order_by("order"),
    "child_list": lambda municipality_slug, slug: OrganisationUnit.objects.filter(
        parent__municipality__slug=municipality_slug, parent__slug=slug
    ).order_by("lft"),
    "body_list": lambda municipality_slug, slug: PoliticalBody.objects.filter(
        served_by__municipality__slug=municipality_slug, served_by__slug=slug
    ).order_by("order", "name"),
}


def _unit_list(municipality_slug, slug, attribute):
    return UNIT_LISTS[attribute](municipality_slug, slug)


_unit.placeholders = _unit_list.placeholders = 2
UNIT_PAGE = ((_unit,), *((_unit_list, attribute) for attribute in UNIT_LISTS))


def unit_with_details(municipality_slug, slug):
    """A unit of the municipality with everything its page shows as plain lists (`unit.people_list`
    …), its municipality joined; one query compiled once per process (core.together), with the
    addresses' slugs in its slots. Prefetching cost more in bookkeeping and compiling, and a query
    per list more in round trips, than running the one query."""
    units, *lists = together.objects(UNIT_PAGE, municipality_slug, slug)
    unit = prepared.one_or_404(units, _("Enheden findes ikke."))
    for attribute, rows in zip(UNIT_LISTS, lists, strict=True):
        setattr(unit, attribute, rows)
    return unit


def unit_tree(municipality):
    """(units, roots): the municipality's units in tree order, and the roots of its trees, each unit
    with `.subunits`, its children in order; one query. Plain lists, as a page walks the tree more
    than once and mptt's get_children() builds a new queryset on every call."""
    units = list(OrganisationUnit.objects.for_municipality(municipality).order_by("tree_id", "lft"))
    by_pk = {unit.pk: unit for unit in units}
    roots = []
    for unit in units:
        unit.municipality = municipality
        unit.subunits = []
    for unit in units:
        parent = by_pk.get(unit.parent_id)
        (parent.subunits if parent else roots).append(unit)
    return units, roots


def units_in_tree_order(municipality):
    return OrganisationUnit.objects.for_municipality(municipality).order_by("tree_id", "lft")


def source_documents(*groups):
    """The documents the items in the groups were transcribed from (`core.models.Sourced`),
    in the register's order; one query, however many items."""
    ids = {item.source_id for group in groups for item in group if getattr(item, "source_id", None)}
    # With no ids Django would skip the query: a page's query count would then depend on its content.
    return prepared.objects_of_several(_documents, sorted(ids) or [0])


def _documents(chosen):
    return SourceDocument.objects.filter(id__in=chosen).select_related("municipality")

"""Reads of the organisation that pages of several apps share."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from core import prepared
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


def contacts_of(municipality):
    return (
        Person.objects.for_municipality(municipality).filter(role=Person.Role.CONTACT).select_related("unit")
    )


def bodies_of(municipality):
    """The political bodies with the units that serve them, in tree order."""
    return (
        PoliticalBody.objects.for_municipality(municipality)
        .prefetch_related(Prefetch("served_by", queryset=OrganisationUnit.objects.order_by("lft")))
        .order_by("order", "name")
    )


# What a unit's page lists besides its goals: {attribute on the unit: rows of the unit}.
UNIT_LISTS = {
    "people_list": lambda unit: Person.objects.filter(unit=unit).order_by("order", "name"),
    "core_task_list": lambda unit: CoreTask.objects.filter(unit=unit),
    "child_list": lambda unit: OrganisationUnit.objects.filter(parent=unit).order_by("lft"),
    "body_list": lambda unit: PoliticalBody.objects.filter(served_by=unit),
}


def _unit_list(unit, attribute):
    return UNIT_LISTS[attribute](unit)


def unit_with_details(municipality_slug, slug):
    """A unit of the municipality with everything its page shows as plain lists (`unit.people_list`
    …); its municipality comes joined rather than read first. The lists are read by querysets
    compiled once per process (core.prepared) rather than prefetched: prefetch_related's
    bookkeeping and compiling cost more than running the queries."""
    units = OrganisationUnit.objects.filter(municipality__slug=municipality_slug).select_related(
        "municipality", "parent", "source"
    )
    unit = get_object_or_404(units, slug=slug)
    for attribute in UNIT_LISTS:
        setattr(unit, attribute, prepared.objects(_unit_list, unit, attribute))
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

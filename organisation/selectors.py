"""Reads of the organisation that pages of several apps share."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from organisation.models import Municipality, OrganisationUnit, Person, PoliticalBody, SourceDocument


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


def unit_with_details(municipality_slug, slug):
    """A unit of the municipality with everything its page shows; its municipality comes joined
    rather than read first."""
    units = (
        OrganisationUnit.objects.filter(municipality__slug=municipality_slug)
        .select_related("municipality", "parent", "source")
        .prefetch_related(
            Prefetch("people", queryset=Person.objects.order_by("order", "name")),
            "core_tasks",
            Prefetch("children", queryset=OrganisationUnit.objects.order_by("lft")),
            "serves",
        )
    )
    return get_object_or_404(units, slug=slug)


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
    return list(SourceDocument.objects.filter(id__in=ids or [0]).select_related("municipality"))

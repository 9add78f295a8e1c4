"""The front page, a municipality's page, a unit's page and the goal overview."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from chrome.history import last_changed
from chrome.pages import crumbs, municipality_crumb, render_page
from legal.basis import BasisIndex, references_for
from organisation.selectors import unit_with_details
from overview.selectors import (
    items_carried_out_by,
    municipalities_with_newest_policy,
    municipality_contents,
    newest_first,
    policies_of_items,
)


@require_safe
def home(request):
    municipalities = municipalities_with_newest_policy()
    policies = [m.newest_policy for m in municipalities if m.newest_policy is not None]
    return render_page(
        request,
        "overview/home.html",
        {
            "municipalities": municipalities,
            "last_changed": last_changed(municipalities, policies),
            "breadcrumbs": [],
        },
    )


@require_safe
def municipality(request, municipality):
    contents = municipality_contents(municipality)
    municipality = contents["municipality"]
    newest = newest_first(contents["policies"])[0] if contents["policies"] else None
    return render_page(
        request,
        "overview/municipality.html",
        {
            **contents,
            "newest_policy": newest,
            "last_changed": last_changed(
                [municipality], contents["policies"], contents["strategies"], contents["goal_tracks"]
            ),
            "breadcrumbs": crumbs((municipality.name, "")),
        },
    )


@require_safe
def unit(request, municipality, unit):
    unit = unit_with_details(municipality, unit)
    municipality = unit.municipality
    groups = items_carried_out_by(unit)
    items = [item for _heading, group in groups for item in group]
    index = BasisIndex(references_for(items))
    index.attach(items)
    return render_page(
        request,
        "overview/unit.html",
        {
            "municipality": municipality,
            "unit": unit,
            "goal_groups": [(heading, items) for heading, items in groups if items],
            "policies": policies_of_items(groups),
            "sources": [unit.source] if unit.source_id else [],
            "last_changed": last_changed([unit], unit.people_list, items),
            "breadcrumbs": crumbs(
                municipality_crumb(municipality),
                (_("Organisation"), reverse("organisation:organisation", args=[municipality.slug])),
                (unit.name, ""),
            ),
        },
    )

"""The front page, a municipality's page, a unit's page and the goal overview."""

import csv
from itertools import groupby

from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from chrome.pages import bad_request, crumbs, municipality_crumb, render_page
from legal.basis import BasisIndex, read_references
from organisation.models import Municipality
from organisation.selectors import bodies_of, contacts_of, municipality_or_404, unit_with_details
from overview.exports import write_goals
from overview.rows import InvalidFilter, filtered_rows
from overview.selectors import items_carried_out_by, municipality_contents, policies_of_items


@require_safe
def home(request):
    return render_page(
        request,
        "overview/home.html",
        {"municipalities": list(Municipality.objects.all()), "breadcrumbs": []},
    )


@require_safe
def municipality(request, municipality):
    municipality = municipality_or_404(municipality)
    contents = municipality_contents(municipality)
    index = BasisIndex(read_references(municipality))
    index.attach([*contents["strategies"], *contents["goal_tracks"]])
    return render_page(
        request,
        "overview/municipality.html",
        {
            "municipality": municipality,
            **contents,
            "bodies": list(bodies_of(municipality)),
            "contacts": list(contacts_of(municipality)),
            "breadcrumbs": crumbs((municipality.name, "")),
        },
    )


@require_safe
def unit(request, municipality, unit):
    municipality = municipality_or_404(municipality)
    unit = unit_with_details(municipality, unit)
    unit.municipality = municipality
    groups = items_carried_out_by(unit)
    index = BasisIndex(read_references(municipality))
    for _heading, items in groups:
        index.attach(items)
    return render_page(
        request,
        "overview/unit.html",
        {
            "municipality": municipality,
            "unit": unit,
            "goal_groups": [(heading, items) for heading, items in groups if items],
            "policies": policies_of_items(groups),
            "breadcrumbs": crumbs(
                municipality_crumb(municipality),
                (_("Organisation"), reverse("organisation:organisation", args=[municipality.slug])),
                (unit.name, ""),
            ),
        },
    )


INVALID_FILTER = gettext_lazy(
    "Et af filtrene har en værdi, som siden ikke kender. "
    "Vælg filtrene i formularen på målsiden, og prøv igen."
)
FILTER_LABELS = [
    ("politik", gettext_lazy("Politik")),
    ("tema", gettext_lazy("Tema")),
    ("enhed", gettext_lazy("Ansvarlig enhed")),
    ("periode", gettext_lazy("Periode")),
    ("grundlag", gettext_lazy("Retsgrundlag")),
]


@require_safe
def goals(request, municipality):
    municipality = municipality_or_404(municipality)
    try:
        rows, options, chosen = filtered_rows(request.GET, municipality)
    except InvalidFilter:
        return bad_request(request, INVALID_FILTER)
    csv_url = reverse("overview:goals_csv", args=[municipality.slug])
    if request.GET.urlencode():
        csv_url += "?" + request.GET.urlencode()
    return render_page(
        request,
        "overview/goals.html",
        {
            "municipality": municipality,
            "groups": [
                (label, list(members)) for label, members in groupby(rows, key=lambda r: r.kind_label)
            ],
            "row_count": len(rows),
            "filters": [(name, label, options[name], chosen.get(name, "")) for name, label in FILTER_LABELS],
            "is_filtered": bool(chosen),
            "csv_url": csv_url,
            "breadcrumbs": crumbs(municipality_crumb(municipality), (_("Mål"), "")),
        },
    )


@require_safe
def goals_csv(request, municipality):
    municipality = municipality_or_404(municipality)
    try:
        rows, _options, _chosen = filtered_rows(request.GET, municipality)
    except InvalidFilter:
        return bad_request(request, INVALID_FILTER)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="maal-{municipality.slug}.csv"'
    write_goals(csv.writer(response, delimiter=";"), rows, response)
    return response

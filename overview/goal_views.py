"""The goal overview (table, print, CSV, JSON) and a goal's own page."""

import csv
from functools import wraps

from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from chrome.history import last_changed, timelines
from chrome.pages import bad_request, crumbs, municipality_crumb, render_page
from core.goalkinds import parent_of, policy_of
from goals.followup import attach_follow_ups, attach_roll_ups, attach_timelines, progress_of
from goals.responsibility import responsible_of
from goals.selectors import goal_by_anchor
from legal.basis import Basis, BasisIndex
from organisation.selectors import municipality_or_404, source_documents
from overview.exports import goals_as_data, write_goals
from overview.filters import (
    FILTER_LABELS,
    InvalidFilter,
    describe_replaced,
    filtered,
    reads_state,
    unit_paths,
)
from overview.paging import PAGE_PARAMETER, paginate
from overview.rows import build_rows, period_of, read_states, references_along

INVALID_FILTER = gettext_lazy(
    "Et af filtrene har en værdi, som siden ikke kender. "
    "Vælg filtrene i formularen på målsiden, og prøv igen."
)

# (sorter key, column heading); the columns without a key are not sortable.
COLUMNS = [
    ("maal", gettext_lazy("Mål")),
    ("slags", gettext_lazy("Type")),
    ("politik", gettext_lazy("Politik og tema")),
    ("ansvarlig", gettext_lazy("Ansvarlig")),
    ("frist", gettext_lazy("Periode eller frist")),
    ("status", gettext_lazy("Status")),
    ("fremdrift", gettext_lazy("Fremdrift")),
    ("", gettext_lazy("Retsgrundlag")),
]


def with_filtered_goals(every_state):
    """The overview, its CSV and its JSON read the same filtered rows; a filter value the
    page does not know is the Danish 400 page for all three.

    Where each goal stands is read once (overview.rows.read_states): before filtering when a
    filter or the sorting needs it, else after, for the rows shown: every filtered row for the
    downloads (every_state), the page's rows for the overview (`result.states_read` is False).
    """

    def decorator(view):
        @require_safe
        @wraps(view)
        def filtered_view(request, municipality):
            municipality = municipality_or_404(municipality)
            register, units, rows = build_rows(municipality)
            units = unit_paths(units)
            states_first = reads_state(request.GET)
            if states_first:
                read_states(rows, rows)
            try:
                result = filtered(request.GET, municipality, rows, units, register)
            except InvalidFilter:
                return bad_request(request, INVALID_FILTER)
            if every_state and not states_first:
                read_states(rows, result.rows)
            result.states_read = states_first or every_state
            return view(request, municipality, result)

        return filtered_view

    return decorator


def _query(params, **changes):
    query = params.copy()
    for name, value in changes.items():
        query.pop(name, None)
        if value:
            query[name] = value
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"


def _headers(params, sorter):
    headers = []
    for key, label in COLUMNS:
        if not key:
            headers.append({"label": label})
            continue
        direction = "ascending" if sorter == key else "descending" if sorter == f"-{key}" else ""
        following = f"-{key}" if sorter == key else key
        # A new sorting starts again at the first page.
        href = _query(params, sorter=following, **{PAGE_PARAMETER: ""})
        headers.append({"key": key, "label": label, "sort": direction, "href": href})
    return headers


@with_filtered_goals(every_state=False)
def goals(request, municipality, result):
    # The downloads hold every row the filters select, whichever page is shown.
    export_params = request.GET.copy()
    export_params.pop(PAGE_PARAMETER, None)
    query = export_params.urlencode()
    suffix = f"?{query}" if query else ""
    page = paginate(result.rows, request.GET, _query)
    if not result.states_read:
        read_states(result.all_rows, page.object_list)
    # What this page shows: at a thousand goals, the history of all of them costs more than the page.
    items = attach_timelines([row.item for row in page.object_list])
    return render_page(
        request,
        "overview/goals.html",
        {
            "municipality": municipality,
            "rows": page.object_list,
            "page": page,
            "row_count": len(result.rows),
            "total_count": len(result.all_rows),
            "filters": [
                (name, label, result.options[name], result.chosen.get(name, ""))
                for name, label in FILTER_LABELS
            ],
            "chosen_labels": result.chosen_labels(),
            "replaced_note": describe_replaced(result),
            "is_filtered": bool(result.chosen),
            "sorter": result.sorter,
            "headers": _headers(request.GET, result.sorter),
            "csv_url": reverse("overview:goals_csv", args=[municipality.slug]) + suffix,
            "json_url": reverse("overview:goals_json", args=[municipality.slug]) + suffix,
            "page_address": request.build_absolute_uri(),
            "today": timezone.localdate(),
            "sources": source_documents(items),
            "last_changed": last_changed(items, timelines(items)),
            "breadcrumbs": crumbs(municipality_crumb(municipality), (_("Mål"), "")),
        },
    )


@with_filtered_goals(every_state=True)
def goals_csv(request, municipality, result):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="maal-{municipality.slug}.csv"'
    write_goals(
        csv.writer(response, delimiter=";"), result.rows, response, request.build_absolute_uri("/")[:-1]
    )
    return response


@with_filtered_goals(every_state=True)
def goals_json(request, municipality, result):
    data = goals_as_data(municipality, result.rows, request.build_absolute_uri("/")[:-1], result.chosen)
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 1})


@require_safe
def goal(request, municipality, anchor):
    municipality = municipality_or_404(municipality)
    kind, item = goal_by_anchor(municipality, anchor)
    # One track's sub-goals in its order: by the model's ordering (the track's, then the
    # municipality's) PostgreSQL joined both only to sort by values that are the same for all.
    sub_goals = (
        list(item.sub_goals.select_related("responsible_unit", "responsible_body").order_by("order"))
        if kind.key == "goal_track"
        else []
    )
    for sub_goal in sub_goals:
        sub_goal.track = item  # for the inherited responsible, without a query per sub-goal
    attach_follow_ups([item, *sub_goals])
    attach_roll_ups([item, *sub_goals])
    for sub_goal in sub_goals:
        sub_goal.progress, _computed = progress_of(sub_goal)
        sub_goal.responsibility = responsible_of(sub_goal)
    progress, computed = progress_of(item)
    policy = policy_of(item)
    parent = parent_of(item)
    text = getattr(item, "title", None) or item.text
    basis = BasisIndex(references_along(item)).basis_of(item)
    overview_url = reverse("overview:goals", args=[municipality.slug])
    return render_page(
        request,
        "overview/goal.html",
        {
            "municipality": municipality,
            "kind": kind,
            "item": item,
            "text": text,
            "policy": policy,
            "parent": parent if parent is not policy else None,
            "parent_url": _parent_url(municipality, kind, parent, item),
            "period_label": period_of(parent if kind.parent == "track" else item, policy)[1],
            "responsibility": responsible_of(item),
            # The whole basis, also where it is inherited: one click from the overview's short form.
            "basis": Basis(basis.references),
            "basis_inherited_from": basis.inherited_from,
            "progress": progress,
            "progress_is_computed": computed,
            "sub_goals": sub_goals,
            "text_url": item.get_absolute_url() if kind.parent == "theme" else "",
            "admin_add_url": reverse("admin:goals_followup_add") + f"?{kind.key}={item.pk}",
            "overview_url": overview_url,
            "sources": [item.source] if item.source_id else [],
            "last_changed": last_changed([item], sub_goals, timelines([item, *sub_goals])),
            "breadcrumbs": crumbs(
                municipality_crumb(municipality), (_("Mål"), overview_url), (_short(text), "")
            ),
        },
    )


def _short(text, length=60):
    return text if len(text) <= length else text[: length - 1].rsplit(" ", 1)[0] + " …"


def _parent_url(municipality, kind, parent, item):
    if parent is None:
        return ""
    if kind.parent == "track":
        return reverse("overview:goal", args=[municipality.slug, parent.anchor])
    if kind.parent == "theme":
        return parent.get_absolute_url()
    return ""

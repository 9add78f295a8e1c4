"""Every goal of a municipality in one view, filterable, printable and as CSV.

The goals and what they rest on are read with legal.basis.resolve_all (a
fixed number of queries); filtering is done in Python on the resolved rows.
"""

import csv
from dataclasses import dataclass
from itertools import groupby

from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from legal.basis import resolve_all
from legal.models import Instrument, Provision
from organisation.models import OrganisationUnit, SourceDocument
from organisation.views import bad_request, crumbs, get_municipality, municipality_crumb, render_page
from policies.models import Policy

# The kinds the overview shows, in the order of the page.
SHOWN_KINDS = [
    ("goal_track", gettext_lazy("Målspor")),
    ("sub_goal", gettext_lazy("Delmål")),
    ("council_commitment", gettext_lazy("Byrådet vil")),
    ("budget_goal", gettext_lazy("Budgetmål")),
    ("commitment", gettext_lazy("Vi vil")),
    ("initiative", gettext_lazy("Konkrete tiltag")),
]
KIND_ORDER = {field: position for position, (field, _label) in enumerate(SHOWN_KINDS)}

MAX_PARAMETER_LENGTH = 200


@dataclass
class GoalRow:
    goal: object  # legal.basis.GoalBasis
    kind_label: str
    text: str
    policy: object
    theme: object
    track: object
    responsible: object
    period_key: str
    period_label: str
    source: object

    @property
    def item(self):
        return self.goal.item

    @property
    def basis(self):
        return self.goal.basis

    @property
    def anchor(self):
        return self.goal.item.anchor


def _period(item, policy):
    if getattr(item, "from_year", None):
        return f"{item.from_year}-", _("fra %(year)s") % {"year": item.from_year}
    for owner in (item, policy):
        if owner is not None and (getattr(owner, "period_start", None) or getattr(owner, "period_end", None)):
            return f"{owner.period_start or ''}-{owner.period_end or ''}", str(owner.period_label)
    return "", ""


def build_rows(municipality):
    """The overview's rows: one per goal, with what it stands under resolved from the joined rows."""
    resolved = resolve_all(municipality)
    sources = {source.pk: source for source in SourceDocument.objects.for_municipality(municipality)}
    tracks = {goal.item.pk: goal.item for goal in resolved if goal.kind.field == "goal_track"}
    rows = []
    for goal in resolved:
        field = goal.kind.field
        if field not in KIND_ORDER:
            continue
        item = goal.item
        theme = item.theme if field in ("commitment", "initiative") else None
        track = tracks.get(item.track_id) if field == "sub_goal" else None
        if theme is not None:
            policy = theme.policy
        elif track is not None:
            policy = track.policy
        else:
            policy = item.policy
        if policy is not None and policy.status == Policy.Status.DRAFT:
            continue
        responsible = item.responsible_unit or item.responsible_body
        if responsible is None and track is not None:
            responsible = track.responsible_unit or track.responsible_body
        period_key, period_label = _period(track or item, policy)
        source_id = item.source_id or (track.source_id if track is not None else None)
        rows.append(
            GoalRow(
                goal=goal,
                kind_label=str(dict(SHOWN_KINDS)[field]),
                text=getattr(item, "title", None) or item.text,
                policy=policy,
                theme=theme,
                track=track,
                responsible=responsible,
                period_key=period_key,
                period_label=period_label,
                source=sources.get(source_id),
            )
        )
    rows.sort(key=lambda row: KIND_ORDER[row.goal.kind.field])
    return rows


class InvalidFilter(ValueError):
    pass


def filter_options(municipality, rows):
    """The values each filter accepts, as [(value, label)], read once."""
    policies = {}
    themes = {}
    periods = {}
    for row in rows:
        if row.policy is not None:
            policies[row.policy.slug] = row.policy.title
        if row.theme is not None:
            themes[row.theme.slug] = f"{row.theme.title} ({row.policy.title})"
        if row.period_key:
            periods[row.period_key] = row.period_label
    units = [
        (unit.slug, unit.name)
        for unit in OrganisationUnit.objects.for_municipality(municipality).order_by("tree_id", "lft")
    ]
    instruments = list(Instrument.objects.all())
    short_titles = {instrument.pk: instrument.short_title for instrument in instruments}
    bases = []
    slugs = {instrument.pk: instrument.slug for instrument in instruments}
    by_instrument = {instrument.pk: [] for instrument in instruments}
    for provision in Provision.objects.order_by("order", "label"):
        by_instrument[provision.instrument_id].append(provision)
    for instrument in instruments:
        bases.append((instrument.slug, instrument.short_title))
        for provision in by_instrument[instrument.pk]:
            bases.append(
                (
                    f"{slugs[instrument.pk]}/{provision.slug}",
                    f"{short_titles[instrument.pk]} {provision.label}",
                )
            )
    return {
        "politik": sorted(policies.items(), key=lambda pair: pair[1]),
        "tema": sorted(themes.items(), key=lambda pair: pair[1]),
        "enhed": units,
        "periode": sorted(periods.items()),
        "grundlag": bases,
    }


def read_filters(params, options):
    chosen = {}
    for name, choices in options.items():
        value = params.get(name, "")
        if not value:
            continue
        if len(value) > MAX_PARAMETER_LENGTH or value not in dict(choices):
            raise InvalidFilter(name)
        chosen[name] = value
    return chosen


def _rests_on(row, value):
    instrument, _sep, provision = value.partition("/")
    for reference in row.basis.references:
        if reference.instrument.slug != instrument:
            continue
        if not provision or (reference.provision_id and reference.provision.slug == provision):
            return True
    return False


def _unit_slug(row):
    responsible = row.responsible
    return responsible.slug if isinstance(responsible, OrganisationUnit) else None


def apply_filters(rows, chosen):
    tests = {
        "politik": lambda row, value: row.policy is not None and row.policy.slug == value,
        "tema": lambda row, value: row.theme is not None and row.theme.slug == value,
        "enhed": lambda row, value: _unit_slug(row) == value,
        "periode": lambda row, value: row.period_key == value,
        "grundlag": _rests_on,
    }
    for name, value in chosen.items():
        rows = [row for row in rows if tests[name](row, value)]
    return rows


def filtered_rows(request, municipality):
    rows = build_rows(municipality)
    options = filter_options(municipality, rows)
    chosen = read_filters(request.GET, options)
    return apply_filters(rows, chosen), options, chosen


INVALID_FILTER = gettext_lazy(
    "Et af filtrene har en værdi, som siden ikke kender. "
    "Vælg filtrene i formularen på målsiden, og prøv igen."
)


@require_safe
def overview(request, municipality):
    municipality = get_municipality(municipality)
    try:
        rows, options, chosen = filtered_rows(request, municipality)
    except InvalidFilter:
        return bad_request(request, INVALID_FILTER)
    groups = [(label, list(members)) for label, members in groupby(rows, key=lambda row: row.kind_label)]
    csv_url = reverse("goals:overview_csv", args=[municipality.slug])
    if request.GET.urlencode():
        csv_url += "?" + request.GET.urlencode()
    filters = [
        ("politik", _("Politik"), options["politik"]),
        ("tema", _("Tema"), options["tema"]),
        ("enhed", _("Ansvarlig enhed"), options["enhed"]),
        ("periode", _("Periode"), options["periode"]),
        ("grundlag", _("Retsgrundlag"), options["grundlag"]),
    ]
    return render_page(
        request,
        "goals/overview.html",
        {
            "municipality": municipality,
            "groups": groups,
            "row_count": len(rows),
            "filters": [(name, label, choices, chosen.get(name, "")) for name, label, choices in filters],
            "is_filtered": bool(chosen),
            "csv_url": csv_url,
            "breadcrumbs": crumbs(municipality_crumb(municipality), (_("Mål"), "")),
        },
    )


def basis_text(row):
    parts = []
    for reference in row.basis.references:
        label = reference.instrument.short_title
        if reference.provision_id:
            label = f"{label} {reference.provision.label}"
            replaced_by = reference.provision.replaced_by
            if replaced_by is not None:
                label += " " + _("(afløst af %(successor)s fra %(date)s)") % {
                    "successor": f"{replaced_by.instrument.short_title} {replaced_by.label}",
                    "date": reference.provision.replaced_on.isoformat(),
                }
        if reference.is_editorial:
            label += " " + _("(redaktionel henvisning)")
        parts.append(label)
    return "; ".join(parts)


def _responsible_name(row):
    return row.responsible.name if row.responsible is not None else ""


@require_safe
def overview_csv(request, municipality):
    municipality = get_municipality(municipality)
    try:
        rows, _options, _chosen = filtered_rows(request, municipality)
    except InvalidFilter:
        return bad_request(request, INVALID_FILTER)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="maal-{municipality.slug}.csv"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow(
        [
            _("Slags"),
            _("Mål"),
            _("Politik"),
            _("Tema"),
            _("Ansvarlig"),
            _("Periode"),
            _("Retsgrundlag"),
            _("Grundlag arvet fra"),
            _("Kilde"),
        ]
    )
    for row in rows:
        inherited = row.basis.inherited_from
        writer.writerow(
            [
                row.kind_label,
                row.text,
                row.policy.title if row.policy is not None else "",
                row.theme.title if row.theme is not None else "",
                _responsible_name(row),
                row.period_label,
                basis_text(row),
                getattr(inherited, "title", "") if inherited is not None else "",
                row.source.title if row.source is not None else "",
            ]
        )
    return response

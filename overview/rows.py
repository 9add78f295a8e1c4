"""The goal overview's rows: every published goal of a municipality, with what it stands
under, who carries it out and what it rests on, and the filters over them.

The goals and their basis are read with legal.basis.resolve_all (a fixed number
of queries); filtering is done in Python on the resolved rows.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from core.goalkinds import parent_of, policy_of
from legal.basis import resolve_all
from legal.models import Instrument, Provision
from organisation.models import OrganisationUnit, SourceDocument
from organisation.selectors import units_in_tree_order

MAX_PARAMETER_LENGTH = 200


@dataclass
class GoalRow:
    goal: object  # legal.basis.GoalBasis
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
    def kind_label(self):
        return str(self.goal.kind.plural_label)

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
    """One row per goal, in the registry's order of kinds and the documents' order within each."""
    sources = {source.pk: source for source in SourceDocument.objects.for_municipality(municipality)}
    resolved = resolve_all(municipality)
    # A sub-goal's own join reaches its track but not the track's responsible; the
    # resolved goal tracks carry that already.
    tracks = {goal.item.pk: goal.item for goal in resolved if goal.kind.key == "goal_track"}
    rows = []
    for goal in resolved:
        if not goal.kind.is_goal:
            continue
        item = goal.item
        theme = parent_of(item) if goal.kind.parent == "theme" else None
        track = tracks.get(item.track_id) if goal.kind.parent == "track" else None
        policy = policy_of(item)
        responsible = item.responsible
        if responsible is None and track is not None:
            responsible = track.responsible
        period_key, period_label = _period(track or item, policy)
        source_id = item.source_id or (track.source_id if track is not None else None)
        rows.append(
            GoalRow(
                goal=goal,
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
    return rows


class InvalidFilter(ValueError):
    pass


def _legal_bases():
    """Every instrument and provision as [(value, label)], in register order."""
    instruments = list(Instrument.objects.all())
    by_instrument = {instrument.pk: [] for instrument in instruments}
    for provision in Provision.objects.order_by("order", "label"):
        by_instrument[provision.instrument_id].append(provision)
    bases = []
    for instrument in instruments:
        bases.append((instrument.slug, instrument.short_title))
        bases.extend(
            (f"{instrument.slug}/{provision.slug}", f"{instrument.short_title} {provision.label}")
            for provision in by_instrument[instrument.pk]
        )
    return bases


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
    return {
        "politik": sorted(policies.items(), key=lambda pair: pair[1]),
        "tema": sorted(themes.items(), key=lambda pair: pair[1]),
        "enhed": [(unit.slug, unit.name) for unit in units_in_tree_order(municipality)],
        "periode": sorted(periods.items()),
        "grundlag": _legal_bases(),
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


FILTER_TESTS = {
    "politik": lambda row, value: row.policy is not None and row.policy.slug == value,
    "tema": lambda row, value: row.theme is not None and row.theme.slug == value,
    "enhed": lambda row, value: _unit_slug(row) == value,
    "periode": lambda row, value: row.period_key == value,
    "grundlag": _rests_on,
}


def apply_filters(rows, chosen):
    for name, value in chosen.items():
        rows = [row for row in rows if FILTER_TESTS[name](row, value)]
    return rows


def filtered_rows(params, municipality):
    """(rows, options, chosen) for the query parameters; raises InvalidFilter."""
    rows = build_rows(municipality)
    options = filter_options(municipality, rows)
    chosen = read_filters(params, options)
    return apply_filters(rows, chosen), options, chosen

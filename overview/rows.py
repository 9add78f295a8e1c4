"""The goal overview's rows: every published goal of a municipality, with what it stands
under, who carries it out, where it stands and what it rests on.

What counts as a goal is legal.basis.resolve_goals (the kinds in core.goalkinds.GOALS),
the one definition that the overview, its CSV and JSON, coverage and the comparison
share. Everything is read in a fixed number of queries; filtering and sorting are done
in Python on the rows (see overview/filters.py).
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from core.goalkinds import parent_of, policy_of
from goals.followup import attach_follow_ups, attach_roll_ups, progress_of
from goals.models import FollowUp
from goals.responsibility import responsible_of
from legal.basis import resolve_goals
from legal.models import Instrument

BINDINGNESS_ORDER = {value: index for index, value in enumerate(Instrument.Bindingness.values)}


@dataclass
class GoalRow:
    goal: object  # legal.basis.GoalBasis
    municipality: object
    text: str
    policy: object
    theme: object
    track: object
    responsibility: object  # goals.responsibility.Responsibility
    period_key: str
    period_label: str
    progress: int | None
    progress_is_computed: bool

    @property
    def item(self):
        return self.goal.item

    @property
    def kind(self):
        return self.goal.kind

    @property
    def kind_label(self):
        return str(self.goal.kind.label)

    @property
    def basis(self):
        return self.goal.basis

    @property
    def anchor(self):
        return self.goal.item.anchor

    @property
    def url(self):
        return reverse("overview:goal", args=[self.municipality.slug, self.anchor])

    @property
    def responsible(self):
        return self.responsibility.responsible

    @property
    def state(self):
        return self.item.state

    @property
    def status_key(self):
        return self.state.status if self.state is not None else FollowUp.NOT_FOLLOWED_UP

    @property
    def status_label(self):
        return self.state.get_status_display() if self.state is not None else FollowUp.NOT_FOLLOWED_UP_LABEL

    @property
    def deadline(self):
        return self.item.deadline

    @property
    def roll_up(self):
        return getattr(self.item, "roll_up", None)

    @property
    def instruments(self):
        """The laws and conventions the goal rests on, once each."""
        found = {}
        for reference in self.basis.references:
            found.setdefault(reference.instrument_id, reference.instrument)
        # Laws first, then conventions, declarations and political agendas: how binding they are.
        return sorted(
            found.values(), key=lambda instrument: BINDINGNESS_ORDER.get(instrument.bindingness, 99)
        )


def period_of(item, policy):
    """(key, label): a budget goal's year, else the track's, the goal's or the policy's period."""
    if getattr(item, "from_year", None):
        return f"{item.from_year}-", _("fra %(year)s") % {"year": item.from_year}
    for owner in (item, policy):
        if owner is not None and (getattr(owner, "period_start", None) or getattr(owner, "period_end", None)):
            return f"{owner.period_start or ''}-{owner.period_end or ''}", str(owner.period_label)
    return "", ""


def read_rows(municipality, resolved):
    """Rows for resolved goals (legal.basis.resolve_goals) of one municipality; one query more."""
    items = [goal.item for goal in resolved]
    attach_follow_ups(items)
    attach_roll_ups(items)
    rows = []
    for goal in resolved:
        item = goal.item
        kind = goal.kind
        theme = parent_of(item) if kind.parent == "theme" else None
        track = parent_of(item) if kind.parent == "track" else None
        policy = policy_of(item)
        period_key, period_label = period_of(track or item, policy)
        progress, computed = progress_of(item)
        rows.append(
            GoalRow(
                goal=goal,
                municipality=municipality,
                text=getattr(item, "title", None) or item.text,
                policy=policy,
                theme=theme,
                track=track,
                responsibility=responsible_of(item),
                period_key=period_key,
                period_label=period_label,
                progress=progress,
                progress_is_computed=computed,
            )
        )
    return rows


def build_rows(municipality):
    """One row per goal, in the registry's order of kinds and the documents' order within each."""
    return read_rows(municipality, resolve_goals(municipality))

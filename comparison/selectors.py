"""The municipalities side by side: how many goals rest on each law or convention, and
where they stand. Reads every municipality's goals at once (legal.basis.resolve_goals,
the one definition of a goal), so the number of queries does not grow with content."""

from collections import Counter
from dataclasses import dataclass

from core.goalkinds import municipality_of
from goals.followup import attach_follow_ups
from goals.models import FollowUp
from legal.basis import resolve_goals
from organisation.models import Municipality
from overview.filters import STATUS_VALUES, Filtering, LegalRegister


@dataclass
class Line:
    value: str  # the overview's filter value (?grundlag= or ?status=)
    label: str
    counts: list  # per municipality, in the order of the columns
    level: int = 0  # 1 for a provision under its instrument
    replaced: list = None  # provisions the line's basis replaced, which goals still cite

    @property
    def total(self):
        return sum(self.counts)


def _status_key(item):
    return item.state.status if item.state is not None else FollowUp.NOT_FOLLOWED_UP


def comparison():
    municipalities = list(Municipality.objects.order_by("name"))
    goals = resolve_goals()
    attach_follow_ups([goal.item for goal in goals])
    column = {municipality.pk: index for index, municipality in enumerate(municipalities)}
    by_column = [[] for _municipality in municipalities]
    for goal in goals:
        by_column[column[municipality_of(goal.item).pk]].append(goal)

    register = LegalRegister.read()
    by_instrument = {instrument.pk: [] for instrument in register.instruments}
    for provision in register.provisions.values():
        by_instrument[provision.instrument_id].append(provision)
    basis_lines = []
    for instrument in register.instruments:
        candidates = [(instrument.slug, instrument.short_title, 0)] + [
            (register.value_of(provision), provision.label_with_instrument, 1)
            for provision in by_instrument[instrument.pk]
        ]
        for value, label, level in candidates:
            filtering = Filtering(register)
            counts = [sum(1 for goal in members if filtering.rests_on(goal, value)) for members in by_column]
            if any(counts):
                replaced = sorted(
                    filtering.replaced.values(), key=lambda provision: provision.label_with_instrument
                )
                basis_lines.append(Line(value, label, counts, level, replaced))

    statuses = [Counter(_status_key(goal.item) for goal in members) for members in by_column]
    status_lines = [
        Line(value, str(label), [counter[value] for counter in statuses]) for value, label in STATUS_VALUES
    ]
    return {
        "municipalities": municipalities,
        "goal_counts": [len(members) for members in by_column],
        "basis_lines": basis_lines,
        "status_lines": status_lines,
    }

"""The municipalities side by side: how many goals rest on each law or convention, and
where they stand. Reads the chosen municipalities' goals at once (legal.basis.resolve_goals,
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


# Columns on one page: side by side, a handful of municipalities is what can be read, and
# reading the goals of a handful keeps the page as fast at 98 municipalities as at two.
MAX_COLUMNS = 6


class TooMany(ValueError):
    pass


def chosen_municipalities(every, slugs):
    """The municipalities of `slugs` in name order, or the first MAX_COLUMNS without a
    choice; raises TooMany, or KeyError for a slug of no municipality."""
    if not slugs:
        return every[:MAX_COLUMNS]
    by_slug = {municipality.slug: municipality for municipality in every}
    chosen = {by_slug[slug].pk for slug in slugs}
    if len(chosen) > MAX_COLUMNS:
        raise TooMany
    return [municipality for municipality in every if municipality.pk in chosen]


def every_municipality():
    return list(Municipality.objects.order_by("name"))


def comparison(municipalities):
    """The lines of the comparison of `municipalities` (a list, in column order)."""
    goals = resolve_goals(municipalities)
    attach_follow_ups([goal.item for goal in goals])
    column = {municipality.pk: index for index, municipality in enumerate(municipalities)}
    by_column = [[] for _municipality in municipalities]
    for goal in goals:
        by_column[column[municipality_of(goal.item).pk]].append(goal)

    register = LegalRegister.read()
    by_instrument = {instrument.pk: [] for instrument in register.instruments}
    for provision in register.provisions.values():
        by_instrument[provision.instrument_id].append(provision)
    # What each goal rests on, read once: {value: goals} per column, and the replaced
    # provisions found under each value.
    filtering = Filtering(register)
    counted = [Counter() for _municipality in municipalities]
    replaced_under = {}
    for column, members in zip(counted, by_column, strict=True):
        for goal in members:
            for value, replaced in filtering.bases_of(goal).items():
                column[value] += 1
                replaced_under.setdefault(value, {}).update(replaced)
    basis_lines = []
    for instrument in register.instruments:
        candidates = [(instrument.slug, instrument.short_title, 0)] + [
            (register.value_of(provision), provision.label_with_instrument, 1)
            for provision in by_instrument[instrument.pk]
        ]
        for value, label, level in candidates:
            counts = [column[value] for column in counted]
            if any(counts):
                replaced = sorted(
                    replaced_under.get(value, {}).values(),
                    key=lambda provision: provision.label_with_instrument,
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
        "goals": [goal.item for goal in goals],
    }

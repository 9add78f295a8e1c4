"""The follow-up of goals: each goal's current state, its timeline and the roll-up of a track.

All follow-ups of a list of goals are read in one query; the roll-up of a goal
track is computed from its sub-goals' latest progress whenever it is shown and
never stored, so it cannot disagree with them.
"""

from collections import defaultdict
from dataclasses import dataclass

from core import prepared
from core.goalkinds import key_of, kind_of
from core.targets import rows_on
from goals.models import FOLLOW_UP_TARGETS, FollowUp

# The columns of a follow-up in the model's order, so that FollowUp.from_db builds it directly.
_COLUMNS = [field.attname for field in FollowUp._meta.concrete_fields]
_TARGET_COLUMNS = [(key, _COLUMNS.index(f"{key}_id")) for key in FOLLOW_UP_TARGETS]


def _maker(db):
    return prepared.maker(FollowUp, _COLUMNS, db)


def _follow_ups(items):
    """The follow-up rows (the columns of _COLUMNS) of the items, oldest first; one query."""
    ids = {key: [] for key in FOLLOW_UP_TARGETS}
    for item in items:
        key = kind_of(item).key
        if key in ids:
            ids[key].append(item.pk)
    if not any(ids.values()):
        return []  # as FollowUp.objects.for_items() of no items: no query
    return rows_on(FollowUp, ids, _COLUMNS, ("date", "id"))


def attach_states(items):
    """Set `.state` (the latest follow-up, or None) on each item, and keep its follow-ups for
    attach_timelines; one query.

    For a list of a thousand goals: the follow-ups are read as tuples and only each goal's latest
    becomes an object (without its author, whom no public page names).
    """
    found = _follow_ups(items)
    make = _maker(FollowUp.objects.db)  # the router asked once, not for each follow-up
    by_target = defaultdict(list)
    for row in found:  # oldest first: by date, then by id
        for key, position in _TARGET_COLUMNS:
            if row[position]:
                by_target[(key, row[position])].append(row)
                break
    for item in items:
        rows = item.follow_up_rows = by_target.get(key_of(item), [])
        item.state = make(rows[-1]) if rows else None
    return items


def attach_timelines(items):
    """Set `.timeline` (newest first) on items that attach_states has read; no query."""
    make = _maker(FollowUp.objects.db)
    for item in items:
        item.timeline = [make(row) for row in reversed(item.follow_up_rows)]
    return items


def attach_follow_ups(items):
    """Set `.timeline` (newest first) and `.state` (the latest follow-up, or None) on each item;
    one query. Items of kinds that are not followed up get an empty timeline."""
    return attach_timelines(attach_states(items))


@dataclass(frozen=True)
class RollUp:
    """A goal track's progress computed from its sub-goals."""

    progress: int | None  # None when no sub-goal has a progress
    counted: int  # the sub-goals with a progress that went into it
    of: int  # the track's sub-goals in all

    @property
    def is_computed(self):
        return self.progress is not None


def roll_up(sub_goals):
    """The weighted mean of the sub-goals' latest progress, where they have one.

    A sub-goal without a weight counts once; a dropped sub-goal does not count,
    since it is no longer pursued. Needs `.state` (attach_follow_ups).
    """
    measured = [
        (goal.state.progress, goal.weight or 1)
        for goal in sub_goals
        if goal.state is not None
        and goal.state.progress is not None
        and goal.state.status != FollowUp.Status.DROPPED
    ]
    if not measured:
        return RollUp(None, 0, len(sub_goals))
    total_weight = sum(weight for _progress, weight in measured)
    mean = sum(progress * weight for progress, weight in measured) / total_weight
    return RollUp(round(mean), len(measured), len(sub_goals))


def attach_roll_ups(items):
    """Set `.roll_up` on every goal track among the items, from the sub-goals among them."""
    sub_goals = defaultdict(list)
    for item in items:
        if kind_of(item).key == "sub_goal":
            sub_goals[item.track_id].append(item)
    for item in items:
        if kind_of(item).key == "goal_track":
            item.roll_up = roll_up(sub_goals.get(item.pk, []))
    return items


def progress_of(item):
    """(progress, is_computed): a track's roll-up where it has one, else the latest follow-up's."""
    computed = getattr(item, "roll_up", None)
    if computed is not None and computed.is_computed:
        return computed.progress, True
    return (item.state.progress if item.state is not None else None), False

"""Reads across the domain apps for a municipality's page and a unit's page."""

from core import prepared
from core.goalkinds import BY_KEY, GOALS, policy_of
from goals.models import GoalTrack
from legal.basis import lineage
from organisation.models import Municipality
from policies.models import Policy
from strategies.models import Strategy


def _carried_out_by(unit, key):
    kind = BY_KEY[key]
    return (
        kind.model._default_manager.published()
        .filter(responsible_unit=unit)
        .select_related(*lineage(kind)[0])
    )


def items_carried_out_by(unit):
    """[(heading, items)] of everything a unit is responsible for, one query per goal kind, with
    the parents each item's basis and address need (not who is responsible for them: the unit).
    The queries are compiled once per process (core.prepared)."""
    groups = [(kind, prepared.objects(_carried_out_by, unit, kind.key)) for kind in GOALS]
    return [(kind.heading_for(len(items)), items) for kind, items in groups]


def policies_of_items(groups):
    """The distinct policies the items stand under, read from the joined rows."""
    found = {}
    for _heading, items in groups:
        for item in items:
            policy = policy_of(item)
            if policy is not None:
                found[policy.pk] = policy
    return sorted(found.values(), key=lambda policy: policy.title)


# What a municipality's page lists: {name: rows of the municipality}.
MUNICIPALITY_LISTS = {
    "policies": lambda municipality: (
        Policy.objects.for_municipality(municipality).published().current_first()
    ),
    "strategies": lambda municipality: (
        Strategy.objects.for_municipality(municipality)
        .published()
        .select_related("policy")
        .order_by("order", "title")
    ),
    "goal_tracks": lambda municipality: (
        GoalTrack.objects.for_municipality(municipality)
        .published()
        .select_related("policy")
        .order_by("order")
    ),
}


def _contents(municipality, name):
    return MUNICIPALITY_LISTS[name](municipality)


def municipality_contents(municipality):
    """What a municipality's page lists: its policies, strategies and goal tracks; the queries are
    compiled once per process (core.prepared)."""
    return {name: prepared.objects(_contents, municipality, name) for name in MUNICIPALITY_LISTS}


def newest_first(policies):
    """The policies with the newest period first: the one that says what applies now."""
    return sorted(
        policies, key=lambda policy: (policy.period_start or 0, policy.period_end or 0), reverse=True
    )


def municipalities_with_newest_policy():
    """Every municipality with `.newest_policy` (its newest published policy, or None); two queries."""
    municipalities = list(Municipality.objects.all())
    by_municipality = {}
    for policy in newest_first(Policy.objects.published()):
        by_municipality.setdefault(policy.municipality_id, policy)
    for municipality in municipalities:
        policy = by_municipality.get(municipality.pk)
        if policy is not None:
            policy.municipality = municipality
        municipality.newest_policy = policy
    return municipalities

"""Reads across the domain apps for a municipality's page and a unit's page."""

from core.goalkinds import GOALS, policy_of
from goals.models import GoalTrack
from legal.basis import lineage
from organisation.models import Municipality
from policies.models import Policy
from strategies.models import Strategy


def items_carried_out_by(unit):
    """[(heading, items)] of everything a unit is responsible for, one query per goal kind, with
    the parents each item's basis and address need (not who is responsible for them: the unit)."""
    groups = [
        (
            kind,
            list(
                kind.model._default_manager.published()
                .filter(responsible_unit=unit)
                .select_related(*lineage(kind)[0])
            ),
        )
        for kind in GOALS
    ]
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


def municipality_contents(municipality):
    """What a municipality's page lists: its policies, strategies and goal tracks."""
    return {
        "policies": list(Policy.objects.for_municipality(municipality).published().current_first()),
        "strategies": list(
            Strategy.objects.for_municipality(municipality)
            .published()
            .select_related("policy")
            .order_by("order", "title")
        ),
        "goal_tracks": list(
            GoalTrack.objects.for_municipality(municipality)
            .published()
            .select_related("policy")
            .order_by("order")
        ),
    }


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

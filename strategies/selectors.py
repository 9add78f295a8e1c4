"""Reads of a strategy with its parts and what it rests on."""

from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404

from legal.models import LegalReference
from strategies.models import Strategy, StrategyComponent, StrategyPassage, StrategyTheme


def strategy_with_parts(municipality, slug, user=None):
    """The strategy as the public sees it; a staff user may also preview their own drafts."""
    strategies = (
        Strategy.objects.for_municipality(municipality)
        .visible_to(user)
        .select_related("policy", "source")
        .prefetch_related(
            Prefetch("themes", queryset=StrategyTheme.objects.select_related("source").order_by("order")),
            Prefetch(
                "components", queryset=StrategyComponent.objects.select_related("source").order_by("order")
            ),
            Prefetch("passages", queryset=StrategyPassage.objects.select_related("source").order_by("order")),
        )
    )
    strategy = get_object_or_404(strategies, slug=slug)
    strategy.municipality = municipality
    if strategy.policy is not None:
        strategy.policy.municipality = municipality
    return strategy


def references_of(strategy):
    """References on the strategy, its components and the policy above it, in one query."""
    condition = Q(strategy=strategy) | Q(component__strategy=strategy)
    if strategy.policy_id:
        condition |= Q(policy_id=strategy.policy_id)
    return list(LegalReference.objects.with_provisions().filter(condition))


def sources_of(*groups):
    """The distinct source documents of the items shown, in the order met (read with the items)."""
    found = {}
    for group in groups:
        for item in group:
            if item.source_id and item.source_id not in found:
                found[item.source_id] = item.source
    return list(found.values())

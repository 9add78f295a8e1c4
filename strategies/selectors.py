"""Reads of a strategy with its parts and what it rests on."""

from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404

from legal.models import LegalReference
from strategies.models import Strategy, StrategyComponent, StrategyTheme


def strategy_with_parts(municipality, slug):
    strategies = (
        Strategy.objects.for_municipality(municipality)
        .published()
        .select_related("policy", "source")
        .prefetch_related(
            Prefetch("themes", queryset=StrategyTheme.objects.select_related("source").order_by("order")),
            Prefetch(
                "components", queryset=StrategyComponent.objects.select_related("source").order_by("order")
            ),
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

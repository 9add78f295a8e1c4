"""A strategy with its themes and components and what it rests on."""

from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from legal.basis import BasisIndex
from legal.models import LegalReference
from organisation.views import crumbs, get_municipality, municipality_crumb, render_page
from strategies.models import Strategy, StrategyComponent, StrategyTheme


def strategy_with_parts(municipality, slug):
    strategies = (
        Strategy.objects.for_municipality(municipality)
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


@require_safe
def strategy(request, municipality, strategy):
    municipality = get_municipality(municipality)
    strategy = strategy_with_parts(municipality, strategy)
    index = BasisIndex(references_of(strategy))
    components = index.attach(list(strategy.components.all()))
    pairs = [municipality_crumb(municipality)]
    if strategy.policy is not None:
        pairs.append((strategy.policy.title, strategy.policy.get_absolute_url()))
    pairs.append((strategy.title, ""))
    return render_page(
        request,
        "strategies/strategy.html",
        {
            "municipality": municipality,
            "strategy": strategy,
            "themes": list(strategy.themes.all()),
            "components": components,
            "basis": index.basis_of(strategy),
            "breadcrumbs": crumbs(*pairs),
        },
    )

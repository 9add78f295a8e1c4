"""Reads of a strategy with its parts and what it rests on, compiled once per process
(core.prepared) and run with the strategy's pk (or slug): building and compiling the querysets
took longer than running them."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from core import prepared
from core.models import sees_only_published
from legal.selectors import references_where
from strategies.models import Strategy, StrategyComponent, StrategyPassage, StrategyTheme


def strategy_of(municipality, slug, user=None):
    """The strategy as the public sees it, with the policy it stands under; a staff user may also
    preview their own drafts. For the public, compiled once per municipality."""
    if sees_only_published(user):
        found = prepared.objects(_published_strategy, slug, municipality.pk)
        if not found:
            raise Http404(_("Strategien findes ikke."))
        strategy = found[0]
    else:
        strategies = _strategies(Strategy.objects.visible_to(user), municipality.pk)
        strategy = get_object_or_404(strategies, slug=slug)
    strategy.municipality = municipality
    if strategy.policy is not None:
        strategy.policy.municipality = municipality
    return strategy


def _strategies(strategies, municipality_pk):
    return strategies.filter(municipality=municipality_pk).select_related("policy", "source")


def _published_strategy(slug, municipality_pk):
    return _strategies(Strategy.objects.published(), municipality_pk).filter(slug=slug)


# A strategy's parts, each ordered as in the document.
PARTS = {"themes": StrategyTheme, "components": StrategyComponent, "passages": StrategyPassage}


def _part(strategy, name):
    return PARTS[name].objects.filter(strategy=strategy).select_related("source").order_by("order")


def parts_of(strategy):
    """(themes, components, passages) of the strategy, each with its source document."""
    parts = tuple(prepared.objects(_part, strategy, name) for name in PARTS)
    for part in parts:
        for item in part:
            item.strategy = strategy
    return parts


def _references(strategy):
    return references_where(strategy, "strategy", "component__strategy", "policy__strategies")


def references_of(strategy):
    """References on the strategy, its components and the policy above it, in one query."""
    return prepared.objects(_references, strategy)


def sources_of(*groups):
    """The distinct source documents of the items shown, in the order met (read with the items)."""
    found = {}
    for group in groups:
        for item in group:
            if item.source_id and item.source_id not in found:
                found[item.source_id] = item.source
    return list(found.values())

"""Reads of a strategy with its parts and what it rests on, compiled once per process
(core.prepared, core.together) and run with the strategy's pk or the address's slugs: building
and compiling the querysets took longer than running them."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from core import prepared, together
from core.models import sees_only_published
from legal.selectors import references_where
from organisation.models import Municipality
from strategies.models import Strategy, StrategyComponent, StrategyPassage, StrategyTheme


def strategy_page(municipality_slug, slug, user=None):
    """(municipality, strategy, (themes, components, passages)): the strategy as the public sees
    it, with the policy it stands under and its parts, each part with its source document; a
    staff user may also preview their own drafts. For the public, one query compiled once per
    process (core.together) with the address's slugs in its slots."""
    if sees_only_published(user):
        municipalities, strategies, *parts = together.objects(PUBLIC_PAGE, municipality_slug, slug)
        municipality = prepared.one_or_404(municipalities, _("Kommunen findes ikke."))
        strategy = prepared.one_or_404(strategies, _("Strategien findes ikke."))
    else:
        municipality = get_object_or_404(Municipality, slug=municipality_slug)
        strategies = Strategy.objects.visible_to(user).filter(municipality=municipality)
        strategy = get_object_or_404(strategies.select_related("policy", "source"), slug=slug)
        parts = together.objects(tuple((_part, name) for name in PARTS), strategy)
    strategy.municipality = municipality
    if strategy.policy is not None:
        strategy.policy.municipality = municipality
    for part in parts:
        for item in part:
            item.strategy = strategy
    return municipality, strategy, tuple(parts)


# A strategy's parts, each ordered as in the document.
PARTS = {"themes": StrategyTheme, "components": StrategyComponent, "passages": StrategyPassage}


def _part(strategy, name):
    return PARTS[name].objects.filter(strategy=strategy).select_related("source").order_by("order")


def _municipality(municipality_slug, slug):
    return Municipality.objects.filter(slug=municipality_slug).order_by()


def _published(municipality_slug, slug):
    strategies = Strategy.objects.published().filter(municipality__slug=municipality_slug, slug=slug)
    return strategies.select_related("policy", "source").order_by()


def _published_part(municipality_slug, slug, name):
    return _part(_published(municipality_slug, slug).values("pk")[:1], name)


_municipality.placeholders = _published.placeholders = _published_part.placeholders = 2
PUBLIC_PAGE = ((_municipality,), (_published,), *((_published_part, name) for name in PARTS))


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

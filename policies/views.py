"""A policy with everything in it, and each of its themes on a page of its own."""

from itertools import groupby

from django.db.models import Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from legal.basis import BasisIndex
from legal.models import LegalReference
from organisation.views import crumbs, get_municipality, municipality_crumb, render_page
from policies.models import (
    Actor,
    Commitment,
    Initiative,
    KeyMessage,
    Policy,
    PolicyValue,
    Quote,
    Theme,
    ThemeSection,
)
from strategies.models import Strategy


def published_policy(municipality, slug):
    policies = (
        Policy.objects.for_municipality(municipality)
        .published()
        .select_related("adopted_by", "foreword_by", "predecessor", "successor", "source")
    )
    policy = get_object_or_404(policies, slug=slug)
    policy.municipality = municipality
    return policy


def theme_items():
    """What a theme page shows, each list ordered as in the document and with its source."""
    return [
        Prefetch("sections", queryset=ThemeSection.objects.select_related("source").order_by("order")),
        Prefetch(
            "commitments",
            queryset=Commitment.objects.select_related("source", "responsible_unit").order_by("order"),
        ),
        Prefetch(
            "initiatives",
            queryset=Initiative.objects.select_related("source", "responsible_unit").order_by("order"),
        ),
        Prefetch("key_messages", queryset=KeyMessage.objects.select_related("source").order_by("order")),
        Prefetch("quotes", queryset=Quote.objects.select_related("source").order_by("order")),
    ]


def themes_of(policy):
    themes = list(
        Theme.objects.filter(policy=policy)
        .select_related("source")
        .prefetch_related(*theme_items())
        .order_by("order")
    )
    for theme in themes:
        theme.policy = policy
    return themes


def references_within(policy):
    """Every reference on the policy, its themes, their items and its strategies, in one query."""
    return list(
        LegalReference.objects.with_provisions().filter(
            Q(policy=policy)
            | Q(theme__policy=policy)
            | Q(commitment__theme__policy=policy)
            | Q(initiative__theme__policy=policy)
            | Q(strategy__policy=policy)
        )
    )


def attach_bases(themes, index):
    """Each theme, commitment and initiative gets its basis, direct or inherited."""
    index.attach(themes)
    for theme in themes:
        index.attach([*theme.commitments.all(), *theme.initiatives.all()])


def sources_of(*groups):
    """The distinct source documents of the items shown, in the order met."""
    found = {}
    for group in groups:
        for item in group:
            if item is not None and item.source_id and item.source_id not in found:
                found[item.source_id] = item.source
    return list(found.values())


def theme_parts(theme):
    return [
        [theme],
        theme.sections.all(),
        theme.commitments.all(),
        theme.initiatives.all(),
        theme.key_messages.all(),
        theme.quotes.all(),
    ]


def policy_crumb(policy):
    return (policy.title, policy.get_absolute_url())


@require_safe
def policy(request, municipality, policy):
    municipality = get_municipality(municipality)
    policy = published_policy(municipality, policy)
    values = list(PolicyValue.objects.filter(policy=policy).select_related("source").order_by("order"))
    actors = list(Actor.objects.filter(policy=policy).select_related("source").order_by("order"))
    quotes = list(
        Quote.objects.filter(policy=policy, theme__isnull=True).select_related("source").order_by("order")
    )
    themes = themes_of(policy)
    strategies = list(Strategy.objects.filter(policy=policy).order_by("order", "title"))
    index = BasisIndex(references_within(policy))
    attach_bases(themes, index)
    for strategy in strategies:
        strategy.policy = policy
    index.attach(strategies)
    actor_groups = [(group, list(members)) for group, members in groupby(actors, key=lambda a: a.group)]
    parts = [[policy], values, actors, quotes]
    for theme in themes:
        parts.extend(theme_parts(theme))
    return render_page(
        request,
        "policies/policy.html",
        {
            "municipality": municipality,
            "policy": policy,
            "successor": getattr(policy, "successor", None),
            "values": values,
            "quotes": quotes,
            "themes": themes,
            "strategies": strategies,
            "actor_groups": actor_groups,
            "basis": index.basis_of(policy),
            "sources": sources_of(*parts),
            "breadcrumbs": crumbs(municipality_crumb(municipality), (policy.title, "")),
        },
    )


@require_safe
def theme(request, municipality, policy, theme):
    municipality = get_municipality(municipality)
    policy = published_policy(municipality, policy)
    themes = Theme.objects.filter(policy=policy).select_related("source").prefetch_related(*theme_items())
    theme = themes.filter(slug=theme).first()
    if theme is None:
        raise Http404(_("Temaet findes ikke."))
    theme.policy = policy
    index = BasisIndex(references_within(policy))
    attach_bases([theme], index)
    return render_page(
        request,
        "policies/theme.html",
        {
            "municipality": municipality,
            "policy": policy,
            "theme": theme,
            "successor": getattr(policy, "successor", None),
            "sources": sources_of(*theme_parts(theme)),
            "breadcrumbs": crumbs(municipality_crumb(municipality), policy_crumb(policy), (theme.title, "")),
        },
    )

"""A policy with everything in it, and each of its themes on a page of its own."""

from itertools import groupby

from django.http import Http404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from chrome.pages import crumbs, municipality_crumb, render_page
from legal.basis import BasisIndex
from organisation.selectors import municipality_or_404
from policies.selectors import (
    attach_bases,
    policy_parts,
    published_policy,
    references_within,
    sources_of,
    strategies_under,
    theme_of,
    theme_parts,
    themes_of,
)


def policy_crumb(policy):
    return (policy.title, policy.get_absolute_url())


@require_safe
def policy(request, municipality, policy):
    municipality = municipality_or_404(municipality)
    policy = published_policy(municipality, policy)
    values, actors, quotes = policy_parts(policy)
    themes = themes_of(policy)
    strategies = strategies_under(policy)
    index = BasisIndex(references_within(policy))
    attach_bases(themes, index)
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
    municipality = municipality_or_404(municipality)
    policy = published_policy(municipality, policy)
    theme = theme_of(policy, theme)
    if theme is None:
        raise Http404(_("Temaet findes ikke."))
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

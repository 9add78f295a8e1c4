"""A policy with everything in it, and each of its themes on a page of its own."""

from itertools import groupby

from django.http import Http404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from chrome.history import last_changed
from chrome.pages import crumbs, municipality_crumb, render_page
from legal.basis import BasisIndex
from policies.selectors import (
    attach_bases,
    attach_sources,
    editor_notes,
    policy_contents,
    published_policy,
    purpose_is_new,
    references_on,
    references_on_theme,
    theme_contents,
    theme_parts,
)


def policy_crumb(policy):
    return (policy.title, policy.get_absolute_url())


@require_safe
def policy(request, municipality, policy):
    policy = published_policy(municipality, policy, request.user)
    municipality = policy.municipality
    values, actors, quotes, passages, themes, strategies = policy_contents(policy)
    # Outside the themes, the document sets a quote either in its introduction or on a page of
    # its own after the themes.
    outside = [quote for quote in quotes if quote.theme_id is None]
    closing_quotes = [quote for quote in outside if quote.after_themes]
    opening_quotes = [quote for quote in outside if not quote.after_themes]
    references = references_on(policy)
    index = BasisIndex(references)
    attach_bases(themes, index)
    index.attach(strategies)
    actor_groups = [(group, list(members)) for group, members in groupby(actors, key=lambda a: a.group)]
    parts = [[policy], values, actors, outside, strategies, passages, references]
    for theme in themes:
        parts.extend(theme_parts(theme))
    show_purpose = purpose_is_new(policy)
    return render_page(
        request,
        "policies/policy.html",
        {
            "municipality": municipality,
            "policy": policy,
            "successor": getattr(policy, "successor", None),
            "values": values,
            "quotes": opening_quotes,
            "closing_quotes": closing_quotes,
            "passages": passages,
            "themes": themes,
            "strategies": strategies,
            "actor_groups": actor_groups,
            "basis": index.basis_of(policy),
            "show_purpose": show_purpose,
            "has_introduction": bool(
                policy.foreword
                or policy.introduction
                or show_purpose
                or policy.vision
                or policy.children_view
                or values
                or opening_quotes
            ),
            "sources": attach_sources(*parts),
            "last_changed": last_changed(*parts),
            "notes": editor_notes(policy, themes),
            "breadcrumbs": crumbs(municipality_crumb(municipality), (policy.title, "")),
        },
    )


@require_safe
def theme(request, municipality, policy, theme):
    policy = published_policy(municipality, policy, request.user)
    municipality = policy.municipality
    theme = theme_contents(policy, theme)
    if theme is None:
        raise Http404(_("Temaet findes ikke."))
    # What the theme and its items rest on: their own references, or the policy's.
    references = references_on_theme(theme)
    index = BasisIndex(references)
    attach_bases([theme], index)
    return render_page(
        request,
        "policies/theme.html",
        {
            "municipality": municipality,
            "policy": policy,
            "theme": theme,
            "successor": getattr(policy, "successor", None),
            "sources": attach_sources(*theme_parts(theme)),
            "last_changed": last_changed([policy], *theme_parts(theme), references),
            "notes": editor_notes(policy, [theme]),
            "breadcrumbs": crumbs(municipality_crumb(municipality), policy_crumb(policy), (theme.title, "")),
        },
    )

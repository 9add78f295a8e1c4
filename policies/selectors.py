"""Reads of a policy and its themes, each list in the document's order and with its source."""

from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from legal.models import LegalReference
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
from policies.passages import PolicyPassage
from strategies.models import Strategy


def published_policy(municipality, slug, user=None):
    """The policy as the public sees it; a staff user may also preview their own drafts."""
    policies = (
        Policy.objects.for_municipality(municipality)
        .visible_to(user)
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


def policy_parts(policy):
    """The values, actors, quotes outside the themes and other documents' passages, of a policy."""
    return (
        list(PolicyValue.objects.filter(policy=policy).select_related("source").order_by("order")),
        list(Actor.objects.filter(policy=policy).select_related("source").order_by("order")),
        list(
            Quote.objects.filter(policy=policy, theme__isnull=True).select_related("source").order_by("order")
        ),
        list(PolicyPassage.objects.filter(policy=policy).select_related("source").order_by("order")),
    )


def strategies_under(policy):
    strategies = list(
        Strategy.objects.filter(policy=policy).select_related("source").order_by("order", "title")
    )
    for strategy in strategies:
        strategy.policy = policy
    return strategies


def theme_of(policy, slug):
    """A published policy's theme with everything on it, or None."""
    themes = Theme.objects.filter(policy=policy).select_related("source").prefetch_related(*theme_items())
    theme = themes.filter(slug=slug).first()
    if theme is not None:
        theme.policy = policy
    return theme


def _words(text):
    return " ".join(text.split()).casefold()


def purpose_is_new(policy):
    """False when the purpose only repeats what the introduction already says, so it is shown once."""
    purpose = _words(policy.purpose)
    return bool(purpose) and purpose not in _words(policy.introduction)


def editor_notes(policy, themes):
    """[(label, text)] of the notes on how the sources disagree, for the end of the page."""
    notes = []
    if policy.status_note:
        notes.append((_("Om politikkens status"), policy.status_note))
    if policy.discrepancy_note:
        notes.append((policy.title, policy.discrepancy_note))
    notes.extend((theme.title, theme.discrepancy_note) for theme in themes if theme.discrepancy_note)
    return notes

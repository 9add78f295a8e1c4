"""Reads of a policy and its themes, each list in the document's order and with its source.

The source documents are read once for the whole page (attach_sources) rather than joined into
each list's query: a dozen lists share a handful of documents, and compiling the join into every
query cost more than the one extra query.
"""

from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from legal.models import LegalReference
from organisation.selectors import source_documents
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


def published_policy(municipality_slug, slug, user=None):
    """The policy, with its municipality, as the public sees it; a staff user may also preview
    their own drafts. One query: the municipality comes joined rather than read first."""
    policies = (
        Policy.objects.filter(municipality__slug=municipality_slug)
        .visible_to(user)
        .select_related("municipality", "adopted_by", "foreword_by", "predecessor", "successor")
    )
    return get_object_or_404(policies, slug=slug)


# What a theme page shows, each list ordered as in the document: (attribute on the theme, rows).
THEME_LISTS = (
    ("section_list", lambda: ThemeSection.objects.order_by("order")),
    ("commitment_list", lambda: Commitment.objects.select_related("responsible_unit").order_by("order")),
    ("initiative_list", lambda: Initiative.objects.select_related("responsible_unit").order_by("order")),
    ("key_message_list", lambda: KeyMessage.objects.order_by("order")),
)


def _fill(themes, within, lists=THEME_LISTS):
    """Each theme gets its lists as plain lists (`theme.section_list` …), one query per list for
    all the themes; templates read them many times, and a related manager (or prefetch_related's
    bookkeeping) would cost more than the grouping here."""
    by_pk = {theme.pk: theme for theme in themes}
    for attribute, rows in lists:
        for theme in themes:
            setattr(theme, attribute, [])
        for row in rows().filter(within):
            row.theme = by_pk[row.theme_id]
            getattr(row.theme, attribute).append(row)


def themes_of(policy, quotes):
    """The policy's themes with everything on them; `quotes` are all the policy's quotes
    (policy_parts), read once for the whole page, and each theme gets its own."""
    themes = list(Theme.objects.filter(policy=policy).order_by("order"))
    for theme in themes:
        theme.policy = policy
        theme.quote_list = [quote for quote in quotes if quote.theme_id == theme.pk]
    _fill(themes, Q(theme__policy=policy))
    return themes


def references_within(policy, themes, strategies=()):
    """Every reference on the policy, the themes (with their items, themes_of) and the strategies,
    in one query that names their ids rather than joining each kind up to the policy: it compiles
    in a third of the time and plans without joins."""
    return list(
        LegalReference.objects.with_provisions().filter(
            Q(policy=policy)
            | Q(theme__in=[theme.pk for theme in themes])
            | Q(commitment__in=[item.pk for theme in themes for item in theme.commitment_list])
            | Q(initiative__in=[item.pk for theme in themes for item in theme.initiative_list])
            | Q(strategy__in=[strategy.pk for strategy in strategies])
        )
    )


def attach_bases(themes, index):
    """Each theme, commitment and initiative gets its basis, direct or inherited."""
    index.attach(themes)
    for theme in themes:
        index.attach([*theme.commitment_list, *theme.initiative_list])


def attach_sources(*groups):
    """Each item's source document, read in one query for all the items; returns the distinct
    documents of the items shown, in the order met."""
    documents = {document.pk: document for document in source_documents(*groups)}
    found = {}
    for group in groups:
        for item in group:
            if item is not None and item.source_id:
                item.source = found[item.source_id] = documents[item.source_id]
    return list(found.values())


def theme_parts(theme):
    return [
        [theme],
        theme.section_list,
        theme.commitment_list,
        theme.initiative_list,
        theme.key_message_list,
        theme.quote_list,
    ]


def policy_parts(policy):
    """The values, actors, quotes (in the themes and outside them) and other documents' passages,
    of a policy."""
    return (
        list(PolicyValue.objects.filter(policy=policy).order_by("order")),
        list(Actor.objects.filter(policy=policy).order_by("order")),
        list(Quote.objects.filter(policy=policy).order_by("order")),
        list(PolicyPassage.objects.filter(policy=policy).order_by("order")),
    )


def strategies_under(policy):
    strategies = list(Strategy.objects.filter(policy=policy).order_by("order", "title"))
    for strategy in strategies:
        strategy.policy = policy
        strategy.municipality = policy.municipality
    return strategies


def theme_of(policy, slug):
    """A published policy's theme with everything on it, or None."""
    theme = Theme.objects.filter(policy=policy, slug=slug).first()
    if theme is not None:
        theme.policy = policy
        _fill(
            [theme], Q(theme=theme), (*THEME_LISTS, ("quote_list", lambda: Quote.objects.order_by("order")))
        )
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

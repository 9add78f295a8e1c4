"""Reads of a policy and its themes, each list in the document's order and with its source.

The source documents are read once for the whole page (attach_sources) rather than joined into
each list's query: a dozen lists share a handful of documents, and compiling the join into every
query cost more than the one extra query.

The lists of one policy or one theme are built and compiled by the ORM once per process and run
with the policy's or the theme's pk (core.prepared): compiling a dozen small querysets cost more
than running them.
"""

from functools import reduce
from operator import or_

from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from core import prepared, together
from core.models import sees_only_published, set_related
from legal.selectors import references_where
from organisation.models import OrganisationUnit
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
    their own drafts. One query: the municipality comes joined rather than read first. For the
    public, compiled once per process (core.prepared) with the municipality's slug in its slot:
    the municipality's few policies are read and the one asked for picked here, as a second
    value from the address compiled into the SQL would let any address add to the compiled."""
    if sees_only_published(user):
        policies = prepared.objects(_published_policies, municipality_slug)
        policy = next((policy for policy in policies if policy.slug == slug), None)
        if policy is None:
            raise Http404(_("Politikken findes ikke."))
        return policy
    return get_object_or_404(_policies(Policy.objects.visible_to(user), municipality_slug), slug=slug)


def _policies(policies, municipality_slug):
    return policies.filter(municipality__slug=municipality_slug).select_related(
        "municipality", "adopted_by", "foreword_by", "predecessor", "successor"
    )


def _published_policies(municipality_slug):
    return _policies(Policy.objects.published(), municipality_slug)


# What a theme page shows, each list ordered as in the document: {attribute on the theme: rows}.
THEME_LISTS = {
    "section_list": lambda: ThemeSection.objects.order_by("order"),
    # Who is responsible is read once for the page (_units), not joined to each of the items.
    "commitment_list": lambda: Commitment.objects.order_by("order"),
    "initiative_list": lambda: Initiative.objects.order_by("order"),
    "key_message_list": lambda: KeyMessage.objects.order_by("order"),
}


def _policy_lists(policy, attribute):
    return THEME_LISTS[attribute]().filter(theme__policy=policy)


def _theme_lists(policy, slug, attribute):
    """A list of the theme with the slug in the policy; the theme's pk is not known before the
    one query that reads the page."""
    if attribute == "quote_list":
        return Quote.objects.filter(theme__policy=policy, theme__slug=slug).order_by("order")
    return THEME_LISTS[attribute]().filter(theme__policy=policy, theme__slug=slug)


_theme_lists.placeholders = 2


def _units(**on):
    """The units responsible for the commitments and initiatives `on` finds (filter arguments)."""
    responsible = (
        Q(pk__in=model.objects.filter(**on).values("responsible_unit")) for model in (Commitment, Initiative)
    )
    return OrganisationUnit.objects.filter(reduce(or_, responsible)).order_by()


def _policy_units(policy):
    return _units(theme__policy=policy)


def _theme_units(policy, slug):
    return _units(theme__policy=policy, theme__slug=slug)


_theme_units.placeholders = 2


def _attach_units(units, *groups):
    """Each item gets the unit responsible for it, each unit made once for the page: a national
    policy has hundreds of items and a few dozen units."""
    by_pk = {unit.pk: unit for unit in units}
    for group in groups:
        set_related(group, "responsible_unit", by_pk)


def _fill(themes, lists, attributes=tuple(THEME_LISTS)):
    """Each theme gets its lists as plain lists (`theme.section_list` …) from `lists`, one list
    of rows for all the themes per attribute; templates read them many times, and a related
    manager (or prefetch_related's bookkeeping) would cost more than the grouping here."""
    by_pk = {theme.pk: theme for theme in themes}
    for attribute, rows in zip(attributes, lists, strict=True):
        for theme in themes:
            setattr(theme, attribute, [])
        for row in rows:
            row.theme = by_pk[row.theme_id]
            getattr(row.theme, attribute).append(row)


def _themes(policy):
    return Theme.objects.filter(policy=policy).order_by("order")


def _references_on(policy):
    return references_where(
        policy,
        "policy",
        "theme__policy",
        "commitment__theme__policy",
        "initiative__theme__policy",
        "strategy__policy",
    )


def _the_theme(policy, slug):
    return Theme.objects.filter(policy=policy, slug=slug).order_by()


_the_theme.placeholders = 2


def _references_on_theme(theme):
    return references_where(theme, "policy__themes", "theme", "commitment__theme", "initiative__theme")


def references_on_theme(theme):
    """Every reference on the theme, its commitments and initiatives, and its policy: what the
    theme's page shows."""
    return prepared.objects(_references_on_theme, theme)


def references_on(policy):
    """Every reference on the policy, its themes, their commitments and initiatives, and the
    strategies under it: what the policy's page shows. Not in the policy's one query (POLICY_PAGE):
    joined into it, PostgreSQL took longer to plan and run the union than the two queries."""
    return prepared.objects(_references_on, policy)


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


# A policy's own lists, each ordered as in the document.
POLICY_LISTS = {
    "values": PolicyValue,
    "actors": Actor,
    "quotes": Quote,
    "passages": PolicyPassage,
}


def _policy_part(policy, name):
    return POLICY_LISTS[name].objects.filter(policy=policy).order_by("order")


def _strategies(policy):
    return Strategy.objects.filter(policy=policy).order_by("order", "title")


# What a policy's page lists, read in one query (core.together), in the order policy_contents gives them.
POLICY_PAGE = (
    *((_policy_part, name) for name in POLICY_LISTS),
    (_themes,),
    *((_policy_lists, attribute) for attribute in THEME_LISTS),
    (_strategies,),
    (_policy_units,),
)


def policy_contents(policy):
    """(values, actors, quotes, passages, themes, strategies) of a policy's page, in one query.
    The quotes are all the policy's quotes, and each theme gets its own as well as its lists."""
    values, actors, quotes, passages, themes, *lists, strategies, units = together.objects(
        POLICY_PAGE, policy
    )
    _attach_units(units, lists[1], lists[2])  # the commitments and initiatives (THEME_LISTS)
    for theme in themes:
        theme.policy = policy
        theme.quote_list = [quote for quote in quotes if quote.theme_id == theme.pk]
    _fill(themes, lists)
    for strategy in strategies:
        strategy.policy = policy
        strategy.municipality = policy.municipality
    return values, actors, quotes, passages, themes, strategies


# What a theme's page lists, read in one query, as theme_contents gives them.
THEME_PAGE = (
    (_the_theme,),
    *((_theme_lists, attribute) for attribute in (*THEME_LISTS, "quote_list")),
    (_theme_units,),
)


def theme_contents(policy, slug):
    """The published policy's theme with everything on it, in one query, or None."""
    themes, *lists, units = together.objects(THEME_PAGE, policy, slug)
    _attach_units(units, lists[1], lists[2])  # the commitments and initiatives (THEME_LISTS)
    if not themes:
        return None
    (theme,) = themes
    theme.policy = policy
    _fill(themes, lists, (*THEME_LISTS, "quote_list"))
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

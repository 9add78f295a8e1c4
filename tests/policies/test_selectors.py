"""The reads of a policy's page and a theme's page, each compiled once per process and run for
whichever policy or theme is asked for (core.prepared): every policy gets its own rows."""

import pytest

from legal.models import LegalReference
from policies.models import Policy
from policies.selectors import policy_parts, references_on, references_on_theme, theme_of, themes_of

pytestmark = pytest.mark.django_db


def _owner(reference):
    """(policy pk, theme pk or None) of what a reference hangs on, walked up by the models."""
    if reference.policy_id:
        return reference.policy_id, None
    if reference.strategy_id:
        return reference.strategy.policy_id, None
    theme = reference.theme or getattr(reference.commitment or reference.initiative, "theme", None)
    return (theme.policy_id, theme.pk) if theme else (None, None)


def test_each_policy_gets_the_references_on_it_and_everything_in_it(herning, lyngby):
    owners = [(reference, _owner(reference)) for reference in LegalReference.objects.order_by("order", "pk")]
    policies = list(Policy.objects.filter(municipality__in=[herning, lyngby]))
    assert len(policies) == 2
    for policy in policies:
        expected = [reference.pk for reference, (owner, _theme) in owners if owner == policy.pk]
        assert expected
        assert [reference.pk for reference in references_on(policy)] == expected
        for theme in policy.themes.all():
            on_theme = [
                reference.pk
                for reference, (owner, theme_pk) in owners
                if owner == policy.pk and theme_pk in (None, theme.pk) and not reference.strategy_id
            ]
            assert [reference.pk for reference in references_on_theme(theme)] == on_theme


def test_each_theme_gets_its_own_lists_in_the_documents_order(herning, lyngby):
    for policy in Policy.objects.filter(municipality__in=[herning, lyngby]).select_related("municipality"):
        quotes = policy_parts(policy)[2]
        assert [quote.pk for quote in quotes] == list(
            policy.quotes.order_by("order").values_list("pk", flat=True)
        )
        themes = themes_of(policy, quotes)
        assert [theme.pk for theme in themes] == list(
            policy.themes.order_by("order").values_list("pk", flat=True)
        )
        for theme in themes:
            alone = theme_of(policy, theme.slug)
            for attribute, related in (
                ("section_list", theme.sections),
                ("commitment_list", theme.commitments),
                ("initiative_list", theme.initiatives),
                ("key_message_list", theme.key_messages),
                ("quote_list", theme.quotes),
            ):
                expected = list(related.order_by("order").values_list("pk", flat=True))
                assert [row.pk for row in getattr(theme, attribute)] == expected, attribute
                assert [row.pk for row in getattr(alone, attribute)] == expected, attribute
        assert theme_of(policy, "intet-tema-hedder-saadan") is None

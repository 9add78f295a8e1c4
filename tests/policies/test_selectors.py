"""The reads of a policy's page and a theme's page, each compiled once per process and run for
whichever policy or theme is asked for (core.prepared, core.together): every policy gets its own rows."""

import pytest

from legal.models import LegalReference
from policies.models import Policy
from policies.selectors import policy_contents, references_on, references_on_theme, theme_contents

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
        values, actors, quotes, passages, themes, strategies = policy_contents(policy)
        for rows, related in (
            (values, policy.values),
            (actors, policy.actors),
            (quotes, policy.quotes),
            (passages, policy.passages),
            (themes, policy.themes),
            (strategies, policy.strategies),
        ):
            expected = list(
                related.order_by("order", "title" if rows is strategies else "pk").values_list(
                    "pk", flat=True
                )
            )
            assert [row.pk for row in rows] == expected, related.model
        for theme in themes:
            alone = theme_contents(policy, theme.slug)
            assert alone == theme
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
        assert theme_contents(policy, "intet-tema-hedder-saadan") is None

"""The legal_coverage command."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from goals.models import BudgetGoal
from legal.models import LegalReference

pytestmark = pytest.mark.django_db


def test_legal_coverage_names_both_municipalities_and_passes(herning, lyngby):
    out = io.StringIO()
    call_command("legal_coverage", stdout=out)
    text = out.getvalue()
    assert "Herning Kommune" in text
    assert "Lyngby-Taarbæk Kommune" in text
    assert "Barnets lov § 15, stk. 1" in text


def test_legal_coverage_fails_when_a_goal_rests_on_nothing(herning):
    goal = BudgetGoal.objects.get(municipality=herning, slug="elevfravaer")
    LegalReference.objects.filter(budget_goal=goal).delete()
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("legal_coverage", stdout=out)
    assert "Elevfravær" in out.getvalue()

"""The coverage page counts in the database what legal.basis.coverage() finds goal by goal."""

import pytest

from content.synthetic import Shape, generate
from goals.models import BudgetGoal, SubGoal
from legal.basis import coverage
from legal.coverage import coverage_counts
from legal.models import LegalReference

pytestmark = pytest.mark.django_db


def counted():
    reports, _sources, _newest = coverage_counts()
    return {
        report.municipality.slug: (
            report.total,
            report.direct,
            report.inherited,
            report.nothing,
            report.on_replaced,
        )
        for report in reports
    }


def resolved():
    return {
        report.municipality.slug: (
            report.total,
            report.direct,
            report.inherited,
            len(report.nothing),
            len(report.on_replaced),
        )
        for report in coverage()
    }


def test_counts_agree_with_resolving_every_goal(herning, lyngby):
    assert counted() == resolved()
    assert counted()["herning"] == (27, 4, 23, 0, 20)


def test_counts_follow_a_goal_that_loses_its_basis_and_one_that_gains_its_own(herning, lyngby):
    goal = BudgetGoal.objects.for_municipality(herning).first()
    LegalReference.objects.filter(budget_goal=goal).delete()
    sub_goal = SubGoal.objects.for_municipality(herning).first()
    replaced = LegalReference.objects.get(policy__municipality=herning, provision__slug="par-19-stk-2")
    LegalReference.objects.create(sub_goal=sub_goal, instrument=replaced.instrument, relation="implements")
    assert counted() == resolved()
    assert counted()["herning"] == (27, 4, 22, 1, 19)


def test_the_page_names_each_replaced_provision_once_with_its_goals_and_the_filtered_overview(
    client, herning, lyngby
):
    html = client.get("/daekning/").content.decode()
    assert html.count("Serviceloven § 19, stk. 2 <span") == 1
    assert (
        '<a href="/herning/maal/?grundlag=serviceloven%2Fpar-19-stk-2">20 mål</a>'
        " hviler på Serviceloven § 19, stk. 2 <span" in html
    )
    assert '<a href="/herning/maal/">Se kommunens mål og deres retsgrundlag i måloversigten</a>' in html
    # The filter the page links to lists the same goals.
    overview = client.get("/herning/maal/?grundlag=serviceloven%2Fpar-19-stk-2").content.decode()
    assert "20 af 27 mål vises." in overview


def test_the_page_lists_no_goal_and_stays_small_however_many_goals_lack_a_basis(client, herning, lyngby):
    # Synthetic municipalities cite no law: every one of their goals rests on nothing.
    generate(8, Shape(themes=2, commitments_per_theme=30, initiatives_per_theme=30), alongside_real=True)
    reports, _sources, _newest = coverage_counts()
    without = {report.municipality.slug: report.nothing for report in reports}
    assert without["syntetisk-001"] > 100 and without["herning"] == 0
    html = client.get("/daekning/").content.decode()
    assert f"<td>{without['syntetisk-001']}</td>" in html
    # Linked to the municipality's goal overview, not to each goal.
    assert '<a href="/syntetisk-001/maal/">' in html and "/syntetisk-001/politikker/" not in html
    assert len(html) < 40_000

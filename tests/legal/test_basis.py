"""What each goal rests on: direct, inherited from what it stands under, or nothing."""

import pytest

from goals.models import BudgetGoal, SubGoal
from legal.basis import BasisIndex, coverage, references_for, resolve_all
from legal.models import LegalReference, Provision
from legal.resting import goals_resting_on
from legal.templatetags.resting_goals import resting_rows
from policies.models import Commitment, Initiative, Policy

pytestmark = pytest.mark.django_db


def basis_of(item):
    return next(goal.basis for goal in resolve_all() if goal.item == item)


def test_commitment_inherits_from_its_own_theme_before_the_policy(herning):
    commitment = Commitment.objects.for_municipality(herning).filter(theme__slug="dannelse").first()
    basis = basis_of(commitment)
    assert basis.is_inherited
    assert basis.inherited_from == commitment.theme  # Dannelse cites "FN's 17 verdensmål" itself
    assert [ref.instrument.slug for ref in basis.references] == ["verdensmaalene"]


def test_commitment_under_a_theme_without_references_inherits_the_policy(herning):
    commitment = (
        Commitment.objects.for_municipality(herning).filter(theme__slug="foraeldre-og-netvaerk").first()
    )
    basis = basis_of(commitment)
    assert basis.inherited_from == Policy.objects.get(municipality=herning)
    assert "serviceloven" in {ref.instrument.slug for ref in basis.references}


def test_sub_goal_inherits_through_its_goal_track_to_the_policy(herning):
    sub_goal = SubGoal.objects.for_municipality(herning).first()
    assert basis_of(sub_goal).inherited_from == Policy.objects.get(municipality=herning)


def test_budget_goals_rest_on_editorial_links_marked_as_such(herning):
    for goal in BudgetGoal.objects.for_municipality(herning):
        basis = basis_of(goal)
        assert basis.is_direct
        assert all(ref.is_editorial for ref in basis.references)


def test_an_item_with_nothing_above_it_and_no_reference_rests_on_nothing(herning):
    goal = BudgetGoal.objects.for_municipality(herning).first()
    LegalReference.objects.filter(budget_goal=goal).delete()
    assert basis_of(goal).rests_on_nothing
    report = next(report for report in coverage() if report.municipality == herning)
    assert [entry.item for entry in report.nothing] == [goal]


def test_serviceloven_19_2_carries_both_policies_and_is_replaced():
    provision = Provision.objects.get(instrument__slug="serviceloven", slug="par-19-stk-2")
    assert provision.replaced_by.label == "§ 15, stk. 1"
    assert provision.replaced_by.instrument.slug == "barnets-lov"
    assert str(provision.replaced_on) == "2024-01-01"
    grouped = dict(goals_resting_on(provision=provision))
    # Lyngby-Taarbæk's policy cites "§19 i Serviceloven", not stk. 2, so it rests on the act as cited.
    assert {municipality.slug for municipality in grouped} == {"herning"}
    for goals in grouped.values():
        policies = [goal.item for goal in goals if isinstance(goal.item, Policy)]
        assert len(policies) == 1 and policies[0].legal_references.filter(provision=provision).exists()
        # Everything under the policy that has no basis of its own rests on it too, by inheritance.
        assert any(goal.basis.is_inherited for goal in goals)


def test_lyngby_initiatives_inherit_the_policy_basis(lyngby):
    initiative = Initiative.objects.for_municipality(lyngby).first()
    basis = basis_of(initiative)
    assert basis.is_inherited and basis.inherited_from == initiative.theme.policy


def test_coverage_of_the_bundled_content_has_no_goal_without_basis():
    reports = coverage()
    assert {report.municipality.slug for report in reports} == {"herning", "lyngby-taarbaek"}
    for report in reports:
        assert report.nothing == []
        assert report.inherited > 0
        # Coverage counts goals only (core.goalkinds.GOALS): Lyngby-Taarbæk's initiatives all rest
        # on what their policy rests on; Herning's goal tracks and budget goals cite laws themselves.
        assert (report.direct > 0) == (report.municipality.slug == "herning")
        # Herning's policy cites Serviceloven § 19, stk. 2, which was replaced in 2024; Lyngby-Taarbæk's
        # cites § 19 without a stk., so the act as a whole, which is not replaced.
        assert bool(report.on_replaced) == (report.municipality.slug == "herning")


def test_resolving_reads_a_constant_number_of_queries(django_assert_num_queries, herning):
    # One query for the references, one per kind of goal-like item (ten kinds).
    with django_assert_num_queries(11):
        resolve_all(herning)
    for index in range(20):
        Commitment.objects.create(
            theme=Commitment.objects.for_municipality(herning).first().theme,
            order=100 + index,
            text=f"Nyt punkt {index}",
        )
    with django_assert_num_queries(11):
        resolve_all(herning)


def test_editorial_links_claim_no_source_document():
    editorial = LegalReference.objects.filter(is_editorial=True)
    assert editorial.count() == 6  # four on Herning's budget goals, two on Lyngby's themes
    assert not editorial.filter(source__isnull=False).exists()
    assert not LegalReference.objects.filter(is_editorial=False, source__isnull=True).exists()


def resting_by_resolving_everything(**target):
    """goals_resting_on's answer as the definition gives it: every item resolved, then filtered."""
    cites = (
        (lambda ref: ref.provision_id == target["provision"].pk)
        if "provision" in target
        else (lambda ref: ref.instrument_id == target["instrument"].pk)
    )
    found = {}
    for goal in resolve_all():
        if any(cites(ref) for ref in goal.basis.references):
            found.setdefault(goal.municipality, []).append((goal.kind.key, goal.item, goal.basis))
    return sorted(found.items(), key=lambda pair: pair[0].name)


def shown(resting):
    return [
        (
            (municipality.pk, municipality.name),
            [
                # The items goals_resting_on makes from its one query's columns answer as those
                # the ORM reads: their address, what the page calls them, their source document.
                (
                    key,
                    item.pk,
                    item.get_absolute_url(),
                    getattr(item, "title", "") or item.text,
                    item.source_id,
                    basis.inherited_from,
                    basis.inherited_from and basis.inherited_from.title,
                    basis.references,
                )
                for key, item, basis in goals
            ],
        )
        for municipality, goals in resting
    ]


def test_goals_resting_on_reads_only_what_may_rest_on_it_and_finds_what_resolving_everything_finds(
    django_assert_num_queries,
):
    provision = Provision.objects.get(instrument__slug="serviceloven", slug="par-19-stk-2")
    # A commitment under a theme without references inherits the policy, which cites § 19, stk. 2;
    # with a reference of its own it rests on that instead, and no longer on § 19, stk. 2.
    commitment = Commitment.objects.filter(theme__slug="foraeldre-og-netvaerk").first()
    before = [goal.item for _m, goals in goals_resting_on(provision=provision) for goal in goals]
    assert commitment in before
    other = LegalReference.objects.exclude(instrument=provision.instrument).first()
    LegalReference.objects.create(commitment=commitment, instrument=other.instrument, relation="in_line_with")
    after = [goal.item for _m, goals in goals_resting_on(provision=provision) for goal in goals]
    assert commitment not in after
    assert len(after) == len(before) - 1
    for target in [{"provision": p} for p in Provision.objects.all()] + [
        {"instrument": reference.instrument} for reference in LegalReference.objects.all()
    ]:
        expected = shown(resting_by_resolving_everything(**target))
        got = [
            (municipality, [(goal.kind.key, goal.item, goal.basis) for goal in goals])
            for municipality, goals in goals_resting_on(**target)
        ]
        assert shown(got) == expected, target
    # One query for the references and one for the items of every kind, whether anything cites it
    # or not; what the page shows of them reads no more.
    uncited = Provision.objects.filter(references__isnull=True).first()
    assert uncited is not None
    for target in [provision, uncited]:
        with django_assert_num_queries(2):
            [resting_rows(goals) for _municipality, goals in goals_resting_on(provision=target)]


def test_the_references_read_for_some_items_resolve_them_as_all_references_do(django_assert_num_queries):
    goals = resolve_all()
    for goal in goals:
        with django_assert_num_queries(1):
            basis = BasisIndex(references_for([goal.item])).basis_of(goal.item)
        assert (basis.inherited_from, basis.references) == (goal.basis.inherited_from, goal.basis.references)
    with django_assert_num_queries(1):
        assert references_for([]) == []

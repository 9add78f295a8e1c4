"""The comparison's figures, counted in the database, against a municipality counted by hand
and against the goals resolved one by one (legal.basis, goals.followup): what each goal rests
on (its own references, else those of the nearest item above it), a replaced provision
counted under its successor, and where each goal stands (its latest follow-up)."""

import datetime
import re
from collections import Counter

import pytest

from comparison.selectors import comparison
from content.synthetic import generate
from goals.followup import attach_follow_ups
from goals.models import BudgetGoal, CouncilCommitment, FollowUp, GoalTrack, SubGoal
from legal.basis import resolve_goals
from legal.models import Instrument, LegalReference, Provision
from organisation.models import Municipality
from overview.filters import Filtering, LegalRegister
from policies.models import Commitment, Initiative, Policy, Theme
from tests.comparison.test_choice import SMALL

pytestmark = pytest.mark.django_db


def figures(response, parameter):
    """{(municipality slug, value): goals} of the links to the overview filtered by `parameter`."""
    assert response.status_code == 200
    found = re.findall(
        rf'href="/([\w-]+)/maal/\?{parameter}=([^"]+)">(\d+) mål</a>', response.content.decode()
    )
    return {(slug, value.replace("%2F", "/")): int(count) for slug, value, count in found}


def reference(target, instrument, provision=None):
    key = {Policy: "policy", Theme: "theme", GoalTrack: "goal_track", Commitment: "commitment"}[type(target)]
    return LegalReference.objects.create(
        **{key: target}, instrument=instrument, provision=provision, relation="required_by"
    )


def follow(goal, date, status):
    key = {GoalTrack: "goal_track", SubGoal: "sub_goal", Commitment: "commitment", BudgetGoal: "budget_goal"}
    return FollowUp.objects.create(
        **{key[type(goal)]: goal}, date=datetime.date.fromisoformat(date), status=status
    )


def test_the_figures_of_a_municipality_counted_by_hand(client, herning, instrument):
    # Eight goals: a track with one sub-goal, a council commitment, a budget goal, and
    # three "Vi vil" and one initiative under the policy's one theme.
    generate(2, SMALL, alongside_real=True)
    municipality = Municipality.objects.get(slug="syntetisk-001")
    policy = Policy.objects.get(municipality=municipality)
    theme = Theme.objects.get(policy=policy)
    track = GoalTrack.objects.get(municipality=municipality)
    sub_goal = SubGoal.objects.get(track=track)
    first, _second, third = Commitment.objects.filter(theme=theme).order_by("order")
    FollowUp.objects.for_municipality(municipality).delete()

    other = Instrument.objects.create(
        title="Lov om næsehorn",
        short_title="Næsehornsloven",
        slug="naesehornsloven",
        kind="act",
        bindingness="danish_law",
        summary="En lov til prøve.",
    )
    new = Provision.objects.create(instrument=instrument, label="§ 2", slug="par-2", summary="Ny.", order=2)
    old = Provision.objects.create(
        instrument=instrument,
        label="§ 1",
        slug="par-1",
        summary="Gammel.",
        order=1,
        replaced_by=new,
        replaced_on=datetime.date(2024, 1, 1),
    )
    # The policy rests on the whole other law: the track has it too, the council commitment
    # and the budget goal inherit it, and the sub-goal inherits the track's.
    reference(policy, other)
    reference(track, other)
    # The theme rests on a provision replaced since: two "Vi vil" and the initiative inherit
    # it, and count under its successor as well; the first "Vi vil" rests on the successor
    # only, and the third on both (counted once under each value).
    reference(theme, instrument, old)
    reference(first, instrument, new)
    reference(third, instrument, new)
    reference(third, instrument, old)

    # The latest follow-up is the state: by date, then by entry.
    follow(track, "2025-06-01", "in_progress")
    follow(track, "2025-06-01", "achieved")
    follow(sub_goal, "2025-09-01", "not_started")
    follow(sub_goal, "2025-01-01", "achieved")  # entered later, dated earlier
    follow(first, "2025-03-01", "achieved")

    response = client.get("/sammenlign/", {"kommune": ["syntetisk-001", "syntetisk-002"]})
    assert {
        value: count
        for (slug, value), count in figures(response, "grundlag").items()
        if slug == "syntetisk-001"
    } == {
        "naesehornsloven": 4,
        "zebraloven": 4,
        "zebraloven/par-1": 3,  # the second and third "Vi vil", the initiative
        "zebraloven/par-2": 4,  # all four under the theme
    }
    # The other municipality rests on nothing, and the page shows it no basis.
    assert not any(slug == "syntetisk-002" for slug, _value in figures(response, "grundlag"))
    page = response.content.decode()
    assert "inkl. den afløste Zebraloven § 1" in page
    statuses = {
        value: count
        for (slug, value), count in figures(response, "status").items()
        if slug == "syntetisk-001"
    }
    assert statuses == {"achieved": 2, "not_started": 1, "none": 5}
    assert 'href="/syntetisk-001/maal/">8 mål</a>' in page
    assert 'href="/syntetisk-002/maal/">8 mål</a>' in page

    # A draft policy's goals are not counted.
    Policy.objects.filter(pk=policy.pk).update(status="draft")
    page = client.get("/sammenlign/", {"kommune": ["syntetisk-001", "syntetisk-002"]}).content.decode()
    assert 'href="/syntetisk-001/maal/">0 mål</a>' in page
    assert not any(
        slug == "syntetisk-001" for slug, _value in figures(client.get("/sammenlign/"), "grundlag")
    )


def resolved_one_by_one(municipalities):
    """The figures of comparison() counted from every goal resolved in Python."""
    goals = resolve_goals(municipalities)
    attach_follow_ups([goal.item for goal in goals])
    filtering = Filtering(LegalRegister.read())
    bases, statuses, totals = Counter(), Counter(), Counter()
    for goal in goals:
        slug = goal.municipality.slug
        totals[slug] += 1
        state = goal.item.state
        statuses[slug, state.status if state else FollowUp.NOT_FOLLOWED_UP] += 1
        for value in filtering.bases_of(goal):
            bases[slug, value] += 1
    return bases, statuses, totals


def test_the_figures_are_those_of_the_goals_resolved_one_by_one(herning, lyngby):
    """The real content inherits its basis on every level and cites replaced provisions."""
    for goal in [*GoalTrack.objects.all()[:2], *Commitment.objects.all()[:3]]:
        follow(goal, "2025-05-01", "in_progress")
    follow(BudgetGoal.objects.first(), "2025-05-01", "partly_achieved")
    assert CouncilCommitment.objects.exists() and Initiative.objects.exists()
    municipalities = [herning, lyngby]
    data = comparison(municipalities, LegalRegister.read())
    slugs = [municipality.slug for municipality in municipalities]
    bases = {
        (slug, line.value): count
        for line in data["basis_lines"]
        for slug, count in zip(slugs, line.counts, strict=True)
        if count
    }
    statuses = {
        (slug, line.value): count
        for line in data["status_lines"]
        for slug, count in zip(slugs, line.counts, strict=True)
        if count
    }
    expected_bases, expected_statuses, totals = resolved_one_by_one(municipalities)
    assert bases == dict(expected_bases)
    assert statuses == dict(expected_statuses)
    assert data["goal_counts"] == [totals[slug] for slug in slugs]
    assert any(line.replaced for line in data["basis_lines"])

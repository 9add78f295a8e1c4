"""Follow-up of goals: the roll-up, inherited responsibility, the filters that walk trees and
successions, the goal page, and one count of goals on every page."""

import datetime
import re

import pytest

from core.goalkinds import GOALS
from goals.followup import attach_follow_ups, attach_roll_ups, attach_states, progress_of, roll_up
from goals.models import FollowUp, GoalTrack, SubGoal
from goals.responsibility import responsible_of
from legal.basis import coverage, resolve_goals
from organisation.models import OrganisationUnit, PoliticalBody
from policies.models import Commitment, Initiative, Policy
from search.models import SearchEntry

pytestmark = pytest.mark.django_db

OVERVIEW = "/herning/maal/"


def rows(response):
    return re.findall(r'<tr id="([\w-]+)"', response.content.decode())


def follow(target, date, status, progress=None, **extra):
    key = {GoalTrack: "goal_track", SubGoal: "sub_goal", Commitment: "commitment"}[type(target)]
    return FollowUp.objects.create(
        **{key: target}, date=datetime.date.fromisoformat(date), status=status, progress=progress, **extra
    )


@pytest.fixture
def track(herning):
    return GoalTrack.objects.filter(municipality=herning).order_by("order").first()


def test_the_latest_follow_up_is_the_state(track):
    follow(track, "2025-06-01", "in_progress")
    latest = follow(track, "2025-09-01", "partly_achieved")
    same_day = follow(track, "2025-09-01", "achieved")  # same date: the later entry wins
    [item] = attach_follow_ups([track])
    assert item.state == same_day
    assert [entry.pk for entry in item.timeline][:2] == [same_day.pk, latest.pk]


def test_roll_up_is_the_weighted_mean_of_sub_goals_with_progress(track):
    first, second, *_others = list(track.sub_goals.order_by("order"))
    first.weight = 3
    first.save()
    follow(first, "2025-01-01", "in_progress", 20)
    follow(first, "2025-06-01", "in_progress", 80)  # only the latest counts
    follow(second, "2025-06-01", "in_progress", 40)
    sub_goals = attach_follow_ups(list(track.sub_goals.order_by("order")))
    result = roll_up(sub_goals)
    assert (result.progress, result.counted, result.of) == (round((80 * 3 + 40) / 4), 2, len(sub_goals))
    items = attach_roll_ups(attach_follow_ups([track, *sub_goals]))
    assert progress_of(items[0]) == (70, True)


def test_roll_up_leaves_out_dropped_sub_goals_and_says_when_nothing_is_measured(track):
    first, second, *_rest = list(track.sub_goals.order_by("order"))
    sub_goals = attach_follow_ups(list(track.sub_goals.order_by("order")))
    assert not roll_up(sub_goals).is_computed
    follow(first, "2025-06-01", "dropped", 10)
    follow(second, "2025-06-01", "in_progress", 50)
    assert roll_up(attach_follow_ups(list(track.sub_goals.order_by("order")))).progress == 50


def test_a_track_with_sub_goals_refuses_a_progress_of_its_own(track):
    entry = FollowUp(goal_track=track, date=datetime.date(2025, 1, 1), status="in_progress", progress=50)
    with pytest.raises(Exception, match="beregnes ud fra delmålene"):
        entry.full_clean()


def test_the_goal_page_shows_the_roll_up_as_computed(client, track):
    first = track.sub_goals.order_by("order").first()
    follow(first, "2025-06-01", "in_progress", 40, text="Halvvejs.")
    html = client.get(f"/herning/maal/{track.anchor}/").content.decode()
    assert "40 %" in html and "beregnet ud fra 1 delmål" in html
    sub_html = client.get(f"/herning/maal/{first.anchor}/").content.decode()
    assert "Halvvejs." in sub_html and "I gang" in sub_html


def test_responsibility_is_inherited_and_said_so(herning, track):
    sub_goal = SubGoal.objects.select_related("track__responsible_unit").filter(track=track).first()
    responsibility = responsible_of(sub_goal)
    assert responsibility.responsible.slug == "bou"
    assert responsibility.inherited_from == track
    commitment = Commitment.objects.filter(theme__policy__municipality=herning).first()
    assert not responsible_of(commitment).is_named  # the documents name no one for the chain
    policy = commitment.theme.policy
    policy.responsible_body = PoliticalBody.objects.filter(municipality=herning).first()
    policy.save()
    commitment = Commitment.objects.select_related("theme__policy__responsible_body").get(pk=commitment.pk)
    assert responsible_of(commitment).responsible == policy.responsible_body
    assert responsible_of(commitment).inherited_from == commitment.theme.policy


def test_the_overview_says_via_and_not_named(client, herning):
    html = client.get(OVERVIEW).content.decode()
    assert "via Alle børn skal være en del af fællesskabet" in html
    assert "ikke angivet i dokumenterne" in html


def test_a_centre_includes_its_units(client, herning):
    assert rows(client.get(OVERVIEW, {"enhed": "cbl"})) == []
    skoler = OrganisationUnit.objects.get(municipality=herning, slug="cbl-skoler")
    commitment = Commitment.objects.filter(theme__policy__municipality=herning).first()
    commitment.responsible_unit = skoler
    commitment.save()
    assert rows(client.get(OVERVIEW, {"enhed": "cbl"})) == [commitment.anchor]
    assert rows(client.get(OVERVIEW, {"enhed": "cbl-skoler"})) == [commitment.anchor]
    assert commitment.anchor not in rows(client.get(OVERVIEW, {"enhed": "cbf"}))
    assert commitment.anchor in rows(client.get(OVERVIEW, {"enhed": "bou"}))  # the root includes all


def test_status_filter(client, herning, track):
    follow(track, "2025-06-01", "achieved")
    assert rows(client.get(OVERVIEW, {"status": "achieved"})) == [track.anchor]
    assert track.anchor not in rows(client.get(OVERVIEW, {"status": "none"}))
    assert len(rows(client.get(OVERVIEW, {"status": "none"}))) == 26


def test_sort_by_progress_puts_the_unmeasured_last(client, track):
    first, second, *_rest = list(track.sub_goals.order_by("order"))
    follow(first, "2025-06-01", "in_progress", 30)
    follow(second, "2025-06-01", "in_progress", 90)
    anchors = rows(client.get(OVERVIEW, {"sorter": "-fremdrift"}))
    assert anchors[:3] == [second.anchor, track.anchor, first.anchor]  # 90, the mean 60, 30
    anchors = rows(client.get(OVERVIEW, {"sorter": "fremdrift"}))
    assert anchors[:3] == [first.anchor, track.anchor, second.anchor]


def goal_count_on(client, path):
    return len(rows(client.get(path)))


@pytest.mark.parametrize("slug", ["herning", "lyngby-taarbaek"])
def test_every_page_counts_the_same_goals(client, slug):
    goals = resolve_goals()
    expected = sum(1 for goal in goals if goal.municipality.slug == slug)
    assert goal_count_on(client, f"/{slug}/maal/") == expected
    csv_lines = client.get(f"/{slug}/maal/maal.csv").content.decode().strip().splitlines()
    assert len(csv_lines) - 1 == expected
    assert client.get(f"/{slug}/maal/maal.json").json()["count"] == expected
    [report] = [report for report in coverage() if report.municipality.slug == slug]
    assert report.total == expected
    coverage_html = client.get("/daekning/").content.decode()
    assert str(expected) in coverage_html
    compare_html = client.get("/sammenlign/").content.decode()
    assert f'href="/{slug}/maal/">{expected} mål</a>' in compare_html
    # Search indexes the same goals, under the registry's labels.
    labels = [str(kind.label) for kind in GOALS]
    assert SearchEntry.objects.filter(municipality__slug=slug, kind__in=labels).count() == expected


def test_coverage_counts_goals_only(herning):
    [report] = [report for report in coverage() if report.municipality == herning]
    assert report.total == 27  # not the policies, themes, strategies and components they rest on


def test_goal_page_shows_its_place_basis_plan_and_timeline(client, herning):
    commitment = (
        Commitment.objects.filter(theme__policy__municipality=herning).select_related("theme__policy").first()
    )
    commitment.indicator = "Andelen af elever, der trives"
    commitment.target = "90 % i 2026"
    commitment.deadline = datetime.date(2026, 12, 31)
    commitment.save()
    follow(commitment, "2025-05-02", "partly_achieved", 60, text="Elevrådene er inddraget.")
    response = client.get(f"/herning/maal/{commitment.anchor}/")
    html = response.content.decode()
    assert response.status_code == 200
    for text in (
        commitment.text,
        commitment.theme.title,
        commitment.theme.policy.title,
        "Andelen af elever, der trives",
        "90 % i 2026",
        "31. december 2026",
        "Delvist nået",
        "Elevrådene er inddraget.",
        "Retsgrundlag",
        "ikke angivet i dokumenterne",
    ):
        assert text in html, text
    overview = client.get(OVERVIEW).content.decode()
    assert f'href="/herning/maal/{commitment.anchor}/"' in overview
    assert "60 %" in overview


def test_goal_models_link_to_their_goal_page(herning, track):
    assert track.get_absolute_url() == f"/herning/maal/{track.anchor}/"
    commitment = Commitment.objects.filter(theme__policy__municipality=herning).first()
    assert "#vi-vil-" in commitment.get_absolute_url()  # the text stays in its theme


@pytest.mark.parametrize("anchor", ["vi-vil-abc", "maalspor-findes-ikke", "noget-andet", "vi-vil-999999"])
def test_unknown_goal_is_404(client, herning, anchor):
    assert client.get(f"/herning/maal/{anchor}/").status_code == 404


def test_a_goal_of_another_municipality_is_404(client, lyngby):
    commitment = Commitment.objects.filter(theme__policy__municipality=lyngby).first()
    assert commitment is None or client.get(f"/herning/maal/{commitment.anchor}/").status_code == 404


def test_draft_goals_and_their_follow_ups_are_not_public(client, herning, track):
    follow(track, "2025-06-01", "achieved", text="Hemmelig opfølgning")
    Policy.objects.filter(pk=track.policy_id).update(status="draft")
    assert client.get(f"/herning/maal/{track.anchor}/").status_code == 404
    assert "Hemmelig opfølgning" not in client.get("/herning/aendringer/").content.decode()
    assert "Hemmelig opfølgning" not in client.get("/herning/aendringer/atom.xml").content.decode()
    assert FollowUp.objects.published().count() == 0


def test_changes_page_and_feed_show_follow_ups_newest_first(client, herning, track):
    follow(track, "2025-06-01", "in_progress", text="Første opfølgning")
    follow(track, "2025-09-01", "achieved", text="Anden opfølgning")
    html = client.get("/herning/aendringer/").content.decode()
    assert html.index("Anden opfølgning") < html.index("Første opfølgning")
    feed = client.get("/herning/aendringer/atom.xml")
    assert feed["Content-Type"].startswith("application/atom+xml")
    body = feed.content.decode()
    assert "Anden opfølgning" in body and f"/herning/maal/{track.anchor}/" in body
    assert body.count("<entry>") <= 30


def test_comparison_counts_succession_and_status(client, herning, track):
    follow(track, "2025-06-01", "achieved")
    html = client.get("/sammenlign/").content.decode()
    assert 'href="/herning/maal/?grundlag=barnets-lov/par-15-stk-1">20 mål</a>' in html
    assert "inkl. den afløste" in html
    assert 'href="/herning/maal/?status=achieved">1 mål</a>' in html


def test_staff_enter_a_follow_up_and_are_recorded_as_its_author(editor, editor_client, herning):
    commitment = Commitment.objects.filter(theme__policy__municipality=herning).first()
    add = f"/admin/goals/followup/add/?commitment={commitment.pk}"
    assert editor_client.get(add).status_code == 200
    response = editor_client.post(
        "/admin/goals/followup/add/",
        {"date": "2025-10-01", "status": "in_progress", "progress": "30", "commitment": commitment.pk},
    )
    assert response.status_code == 302
    entry = FollowUp.objects.get(commitment=commitment)
    assert entry.entered_by == editor
    assert entry.history.latest().history_user == editor


def test_the_states_read_by_arrays_of_pks_are_those_of_the_models_definition(herning, lyngby, track):
    """attach_states reads the follow-ups in SQL of its own (an array of pks per kind, the same
    SQL for any goals); each goal must get the follow-ups that FollowUp.objects.for_items gives
    it, oldest first, and the latest as its state."""
    sub_goal = track.sub_goals.order_by("order").first()
    follow(track, "2025-01-01", "in_progress", 10)
    follow(sub_goal, "2025-03-01", "in_progress", 30)
    follow(sub_goal, "2025-03-01", "achieved", 100)  # the same day: the later entry is the latest
    follow(sub_goal, "2025-02-01", "delayed", 20)
    # Another municipality's goal whose pk a goal of Herning of another kind may have.
    FollowUp.objects.create(
        initiative=Initiative.objects.for_municipality(lyngby).first(),
        date=datetime.date(2026, 1, 1),
        status="achieved",
    )
    every_goal = [
        item
        for kind in GOALS
        for item in kind.model._default_manager.published().for_municipality(herning).order_by("pk")
    ]

    attach_states(every_goal)
    expected = {}
    for row in FollowUp.objects.for_items(every_goal).values_list(
        *[f.attname for f in FollowUp._meta.concrete_fields]
    ):
        expected.setdefault(FollowUp(*row).target, []).append(row)
    assert [item.follow_up_rows for item in every_goal] == [expected.get(item, []) for item in every_goal]
    states = {item: item.state for item in every_goal}
    assert states[sub_goal].status == "achieved" and states[sub_goal].progress == 100
    assert states[track].progress == 10
    assert sum(bool(item.follow_up_rows) for item in every_goal) == 2

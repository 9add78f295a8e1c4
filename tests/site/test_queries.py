"""Every page reads a fixed number of queries, however much content there is."""

import pytest

from content.synthetic import Shape, generate
from goals.models import FollowUp, GoalTrack, SubGoal
from organisation.models import OrganisationUnit
from organisation.services import save_unit
from policies.models import Commitment, Initiative, Policy, Quote, Theme
from tests.helpers.pages import HERNING_POLICY, LYNGBY_POLICY

pytestmark = pytest.mark.django_db

HERNING_THEME = HERNING_POLICY + "dannelse/"
LYNGBY_THEME = LYNGBY_POLICY + "fritid-og-kultur/"

# (path, expected queries) with what each query is for.
PAGES = [
    # 1 municipalities, 2 published policies (each one's newest, with its standing),
    # 3 when the content was last changed (one UNION ALL over the history tables)
    ("/", 3),
    # 1 municipality, its policies, strategies, goal tracks with their policy, source documents,
    # political bodies, the units serving them and contacts (one UNION ALL, core.together),
    # 2 last changed
    ("/herning/", 2),
    ("/lyngby-taarbaek/", 2),
    # 1 municipality, 2 the whole unit tree (unit_tree: one query, walked in Python), 3 last changed
    ("/herning/organisation/", 3),
    ("/lyngby-taarbaek/organisation/", 3),
    # 1 unit with its municipality, parent and source, its people, core tasks, sub-units and the
    # bodies it serves (one UNION ALL, core.together), 2-7 goal tracks, sub-goals, council
    # commitments, budget goals, commitments, initiatives it carries out (with their parents, for
    # their basis and address), 8 the legal references on those goals and on what they stand
    # under, for the basis each shows, 9 last changed
    ("/herning/organisation/bou/", 9),
    ("/lyngby-taarbaek/organisation/but/", 9),
    # 1 policy with its municipality, adopted_by/foreword_by/predecessor/successor, 2 its values, actors,
    # quotes (in the themes and outside them), passages of other documents, themes, sections,
    # commitments and initiatives (both with their responsible unit), key messages and strategies
    # (one UNION ALL, core.together), 3 legal references of the policy and everything in it, 4 the
    # source documents of everything shown, 5 last changed
    (HERNING_POLICY, 5),
    (LYNGBY_POLICY, 5),
    # 1 policy with its municipality, 2 the theme, its sections, commitments, initiatives, key messages
    # and quotes (one UNION ALL), 3 legal references of the policy, the theme and its items, 4 the
    # source documents of everything shown, 5 last changed
    (HERNING_THEME, 5),
    (LYNGBY_THEME, 5),
    # 1 municipality, strategy with policy, strategy themes, components and passages of other
    # documents (one UNION ALL), 2 legal references, 3 last changed
    ("/herning/strategier/herningmodellen/", 3),
    # 1 municipality, 2 the instruments and provisions (the basis filter with successions, and what
    # the references cite), the units (the unit tree filter, and who is responsible), the policies
    # and themes the goals stand under and the goals of the six followed-up kinds with their
    # political body (one UNION ALL, overview.rows.read_goal_items), 3 legal references of the
    # goals, policies and themes (by their pks), 4 follow-ups (of the goals shown, or of all when a
    # filter or the sorting reads them); the page only: 5 the source documents of the goals shown,
    # 6 last changed (the goals shown and their follow-ups)
    ("/herning/maal/", 6),
    ("/lyngby-taarbaek/maal/", 6),
    ("/herning/maal/?enhed=bou&grundlag=barnets-lov&sorter=-fremdrift", 6),
    ("/herning/maal/?status=none&side=1", 6),
    ("/herning/maal/maal.csv", 4),
    ("/herning/maal/maal.json", 4),
    # 1 municipality, 2 the goal with its parents, responsible and source, 3 legal references of the
    # goal and what it stands under, 4 its sub-goals, 5 the follow-ups of the track and its sub-goals,
    # 6 last changed
    ("/herning/maal/maalspor-alle-boern-del-af-faellesskabet/", 6),
    # 1 municipality, 2 the goal with its parents, responsible and source, 3 legal references of the
    # goal and what it stands under, 4 its follow-ups, 5 last changed
    ("/herning/maal/budgetmaal-styrket-inklusion/", 5),
    # 1 municipalities, instruments and provisions (one UNION ALL), 2 the legal references on the
    # chosen municipalities' items, 3 their goals counted by municipality, basis and status (one
    # grouped UNION ALL over the six kinds), 4 last changed (the goals and their follow-ups)
    ("/sammenlign/", 4),
    # 1 municipality, 2 the latest history of each of the six goal kinds (one UNION ALL),
    # 3 that of the follow-ups of each kind with their goal (one UNION ALL); last changed is
    # the newest of these changes
    ("/herning/aendringer/", 3),
    ("/herning/aendringer/atom.xml", 3),
    # 1 instruments, 2 last changed
    ("/retsgrundlag/", 2),
    # 1 instrument, 2 consolidations, 3 provisions with successors,
    # 4 legal references (what each is on and cites), 5 the goal-like items of every kind that cite
    # it or stand under one that does, with what they stand under and their municipality (one
    # UNION ALL over the ten kinds: legal.resting),
    # 6 the source documents of those items with their municipality, 7 last changed
    ("/retsgrundlag/serviceloven/", 7),
    # 1 provision with instrument and successor, 2 provisions it replaced,
    # 3 legal references, 4 the goal-like items of every kind that cite it or stand under one that
    # does (one UNION ALL), 5 source documents, 6 last changed
    ("/retsgrundlag/serviceloven/par-19-stk-2/", 6),
    # 1 municipalities, 2 references to replaced provisions, 3 the goals of the six followed-up kinds
    # counted by municipality and how they rest (one grouped UNION; coverage counts goals only),
    # 4 the source documents of the goals, 5 last changed
    ("/daekning/", 5),
    # 1 municipalities for the filter, 2 which query words the index knows and the nearest word to
    # each one it does not (pg_trgm), 3 the hits' counts by kind and municipality (the filters):
    # read from SearchTermCount for one word or a word with synonyms, counted for two words,
    # 4 the best hits' texts (an index walked in the results' order; the visitor's own words and
    # the synonyms as one UNION), 5 when the searched content last changed (the newest date of
    # the index's entries); the same for a misspelt word, two words, and a filtered search
    ("/soeg/?q=trivsel", 5),
    ("/soeg/?q=trivslen+bornehave", 5),
    ("/soeg/?q=mobning", 5),
    ("/soeg/?q=trivsel&kommune=herning&slags=Vi+vil", 5),
    # 1 municipalities, 2 last changed (the index's newest date; only stop words: nothing to search for)
    ("/soeg/?q=og+i", 2),
    # 1 municipalities, 2 last changed (the index's newest date; no query, no search)
    ("/soeg/", 2),
    # no query: the about page and the accessibility statement are text of the site's own
    ("/om-siden/", 0),
    ("/tilgaengelighed/", 0),
]


@pytest.mark.parametrize(("path", "expected"), PAGES)
def test_query_count(client, django_assert_num_queries, herning, path, expected):
    with django_assert_num_queries(expected):
        response = client.get(path)
    assert response.status_code == 200


def add_content(herning, lyngby, count=20):
    """count more commitments, initiatives, quotes, sections-free items and units in both municipalities."""
    for policy in Policy.objects.filter(municipality__in=[herning, lyngby]):
        theme = Theme.objects.filter(policy=policy).order_by("order").first()
        other = Theme.objects.filter(policy=policy).order_by("-order").first()
        bou = OrganisationUnit.objects.filter(municipality=policy.municipality).first()
        for number in range(count):
            Commitment.objects.create(
                theme=theme, text=f"Nyt punkt {number}", order=100 + number, responsible_unit=bou
            )
            Commitment.objects.create(theme=other, text=f"Andet punkt {number}", order=100 + number)
            Initiative.objects.create(
                theme=theme, text=f"Nyt tiltag {number}", order=100 + number, responsible_unit=bou
            )
            Quote.objects.create(policy=policy, theme=theme, text=f"Citat {number}", speaker_role="Forælder")
            Quote.objects.create(policy=policy, text=f"Indledende citat {number}", speaker_role="Elev")
    for track in GoalTrack.objects.filter(municipality__in=[herning, lyngby]):
        for number in range(count):
            sub_goal = SubGoal.objects.create(track=track, text=f"Nyt delmål {number}", order=100 + number)
            FollowUp.objects.create(
                sub_goal=sub_goal, date="2025-01-01", status="in_progress", progress=number
            )
            FollowUp.objects.create(goal_track=track, date=f"2025-02-{number + 1:02}", status="in_progress")
    for commitment in Commitment.objects.filter(theme__policy__municipality__in=[herning, lyngby])[:count]:
        FollowUp.objects.create(commitment=commitment, date="2025-03-01", status="achieved", progress=100)
    for municipality in (herning, lyngby):
        parent = OrganisationUnit.objects.filter(municipality=municipality).first()
        for number in range(count):
            save_unit(
                OrganisationUnit(
                    municipality=municipality,
                    parent=parent,
                    name=f"Ny enhed {number}",
                    slug=f"ny-enhed-{number}",
                    kind=OrganisationUnit.Kind.UNIT,
                    order=100 + number,
                )
            )


def test_more_content_does_not_change_query_counts(client, django_assert_num_queries, herning, lyngby):
    add_content(herning, lyngby)
    for path, expected in PAGES:
        with django_assert_num_queries(expected):
            response = client.get(path)
        assert response.status_code == 200, path
    assert "Nyt punkt 19" in client.get(HERNING_THEME).content.decode()
    assert "Ny enhed 19" in client.get("/herning/organisation/").content.decode()
    assert "Nyt delmål 19" in client.get("/herning/maal/").content.decode()
    assert "Nyt delmål 19" in client.get("/herning/aendringer/").content.decode()


NATIONAL = Shape(
    themes=3,
    commitments_per_theme=20,
    initiatives_per_theme=10,
    tracks=2,
    sub_goals_per_track=5,
    council_commitments=3,
    budget_goals=3,
    follow_ups_per_goal=2,
)


def test_national_scale_does_not_change_query_counts(client, django_assert_num_queries, herning, lyngby):
    """Eight synthetic municipalities of 110 goals beside the two real ones (content/synthetic.py):
    the goal overview (a page of it, its downloads) and the comparison read as many queries as
    with two."""
    generate(8, NATIONAL, alongside_real=True)
    expected = dict(PAGES)
    for path, like in [
        ("/syntetisk-005/maal/", "/herning/maal/"),
        ("/syntetisk-005/maal/?side=2&sorter=-fremdrift&periode=2024-2028", "/herning/maal/"),
        ("/syntetisk-005/maal/maal.csv", "/herning/maal/maal.csv"),
        ("/sammenlign/", "/sammenlign/"),
        ("/sammenlign/?kommune=syntetisk-001&kommune=herning&kommune=syntetisk-008", "/sammenlign/"),
        ("/daekning/", "/daekning/"),
    ]:
        with django_assert_num_queries(expected[like]):
            response = client.get(path)
        assert response.status_code == 200, path

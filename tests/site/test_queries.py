"""Every page reads a fixed number of queries, however much content there is."""

import pytest

from organisation.models import OrganisationUnit
from organisation.services import save_unit
from policies.models import Commitment, Initiative, Policy, Quote, Theme
from tests.helpers.pages import HERNING_POLICY, LYNGBY_POLICY

pytestmark = pytest.mark.django_db

HERNING_THEME = HERNING_POLICY + "dannelse/"
LYNGBY_THEME = LYNGBY_POLICY + "fritid-og-kultur/"

# (path, expected queries) with what each query is for.
PAGES = [
    # 1 municipalities
    ("/", 1),
    # 1 municipality, 2 policies, 3 strategies, 4 goal tracks with their policy, 5 political bodies,
    # 6 the units serving them, 7 the municipality's legal references, for the basis each goal shows,
    # 8 contacts
    ("/herning/", 8),
    ("/lyngby-taarbaek/", 8),
    # 1 municipality, 2 the whole unit tree (get_cached_trees)
    ("/herning/organisation/", 2),
    ("/lyngby-taarbaek/organisation/", 2),
    # 1 municipality, 2 unit with parent, 3 people, 4 core tasks, 5 sub-units, 6 bodies served,
    # 7-12 goal tracks, sub-goals, council commitments, budget goals, commitments, initiatives it carries out,
    # 13 the municipality's legal references, for the basis each of those goals shows
    ("/herning/organisation/bou/", 13),
    ("/lyngby-taarbaek/organisation/but/", 13),
    # 1 municipality, 2 policy with adopted_by/foreword_by/predecessor/successor/source, 3 values, 4 actors,
    # 5 policy-level quotes, 6 themes, 7 sections, 8 commitments, 9 initiatives, 10 key messages,
    # 11 theme quotes, 12 strategies, 13 legal references of the policy and everything in it
    (HERNING_POLICY, 13),
    (LYNGBY_POLICY, 13),
    # 1 municipality, 2 policy, 3 theme, 4 sections, 5 commitments, 6 initiatives, 7 key messages,
    # 8 quotes, 9 legal references
    (HERNING_THEME, 9),
    (LYNGBY_THEME, 9),
    # 1 municipality, 2 strategy with policy, 3 strategy themes, 4 components, 5 legal references
    ("/herning/strategier/herningmodellen/", 5),
    # 1 municipality, 2 legal references, 3-12 goal-like items of the ten kinds (resolve_all),
    # 13 source documents, 14 units (filter), 15 instruments (filter), 16 provisions (filter)
    ("/herning/maal/", 16),
    ("/lyngby-taarbaek/maal/", 16),
    ("/herning/maal/maal.csv", 16),
    # 1 instruments
    ("/retsgrundlag/", 1),
    # 1 instrument, 2 consolidations, 3 provisions with successors,
    # 4 legal references, 5-14 goal-like items of the ten kinds (goals_resting_on)
    ("/retsgrundlag/serviceloven/", 14),
    # 1 provision with instrument and successor, 2 provisions it replaced,
    # 3 legal references, 4-13 goal-like items of the ten kinds
    ("/retsgrundlag/serviceloven/par-19-stk-2/", 13),
    # 1 legal references, 2-11 goal-like items of the ten kinds (coverage)
    ("/daekning/", 11),
    # 1 municipalities for the filter, 2 the ranked hits with their municipality
    ("/soeg/?q=trivsel", 2),
    # 1 municipalities (no query, no search)
    ("/soeg/", 1),
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

"""The comparison shows the municipalities a visitor chooses, at most six; without a
choice, the first six by name."""

import re

import pytest

from content.synthetic import Shape, generate

pytestmark = pytest.mark.django_db

SMALL = Shape(
    themes=1,
    commitments_per_theme=3,
    initiatives_per_theme=1,
    tracks=1,
    sub_goals_per_track=1,
    council_commitments=1,
    budget_goals=1,
    follow_ups_per_goal=1,
)


def columns(response):
    assert response.status_code == 200
    table = response.content.decode().split("<table", 2)[1]
    return re.findall(r'<th scope="col">([^<]+)</th>', table)[1:]


def test_without_a_choice_every_municipality_up_to_six(client, herning, lyngby):
    assert columns(client.get("/sammenlign/")) == ["Herning Kommune", "Lyngby-Taarbæk Kommune"]
    generate(8, SMALL, alongside_real=True)
    shown = columns(client.get("/sammenlign/"))
    assert shown == ["Herning Kommune", "Lyngby-Taarbæk Kommune"] + [
        f"Syntetisk kommune {number:03}" for number in range(1, 5)
    ]


def test_the_chosen_municipalities_side_by_side_with_the_overviews_numbers(client, herning, lyngby):
    generate(8, SMALL, alongside_real=True)
    response = client.get("/sammenlign/", {"kommune": ["syntetisk-007", "herning"]})
    assert columns(response) == ["Herning Kommune", "Syntetisk kommune 007"]
    page = response.content.decode()
    assert 'value="syntetisk-007" checked' in page
    assert 'value="lyngby-taarbaek">' in page
    # The totals are the overviews' own counts: 27 goals in Herning, 8 in each synthetic one.
    assert 'href="/herning/maal/">27 mål</a>' in page
    assert 'href="/syntetisk-007/maal/">8 mål</a>' in page


@pytest.mark.parametrize(
    "choice",
    [["ukendt"], ["herning", "lyngby-taarbaek", *(f"syntetisk-00{number}" for number in range(1, 6))]],
)
def test_an_unknown_municipality_or_more_than_six_is_refused(client, herning, lyngby, choice):
    generate(8, SMALL, alongside_real=True)
    response = client.get("/sammenlign/", {"kommune": choice})
    assert response.status_code == 400
    assert "Vælg højst seks kommuner" in response.content.decode()

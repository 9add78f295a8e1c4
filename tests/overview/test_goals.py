"""The goal overview's filters and its CSV."""

import csv
import io

import pytest

pytestmark = pytest.mark.django_db

OVERVIEW = "/herning/maal/"
CSV = "/herning/maal/maal.csv"


def row_count(response):
    return response.content.decode().count('<li class="goal-row"')


def csv_rows(response):
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def test_unfiltered_shows_every_kind(client, herning):
    response = client.get(OVERVIEW)
    # 2 goal tracks, 5 sub-goals, 4 council commitments, 4 budget goals, 12 commitments
    assert row_count(response) == 27


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"politik": "boerne-og-ungepolitik"}, 23),  # all but the 4 budget goals, which name no policy
        ({"tema": "dannelse"}, 3),
        ({"enhed": "bou"}, 7),  # 2 goal tracks and their 5 sub-goals
        ({"periode": "2018-2022"}, 23),
        ({"periode": "2023-"}, 1),
        ({"grundlag": "folkeskoleloven"}, 22),  # 20 inherit it from the policy (not Dannelse), 2 budget goals
        ({"grundlag": "serviceloven/par-19-stk-2"}, 20),  # Dannelse rests on its own basis
        ({"grundlag": "boernekonventionen/art-12"}, 1),
        ({"grundlag": "verdensmaalene", "tema": "dannelse"}, 3),
        ({"grundlag": "barnets-lov"}, 0),
    ],
)
def test_filters_reduce_rows(client, herning, params, expected):
    response = client.get(OVERVIEW, params)
    assert response.status_code == 200
    assert row_count(response) == expected


def test_lyngby_filters(client, lyngby):
    everything = row_count(client.get("/lyngby-taarbaek/maal/"))
    one_theme = row_count(client.get("/lyngby-taarbaek/maal/", {"tema": "fritid-og-kultur"}))
    unit = row_count(client.get("/lyngby-taarbaek/maal/", {"enhed": "but"}))
    assert everything > one_theme > 0
    assert everything > unit > 0  # the BUT initiative stands in several themes


@pytest.mark.parametrize(
    "params",
    [
        {"politik": "ingen"},
        {"tema": "laering-og-kompetencer"},  # a Lyngby theme
        {"enhed": "ingen"},
        {"periode": "abc"},
        {"grundlag": "serviceloven/ingen"},
        {"grundlag": "x" * 500},
        {"politik": "boerne-og-ungepolitik\x00"},
    ],
)
def test_invalid_filter_is_400(client, herning, params):
    for path in (OVERVIEW, CSV):
        response = client.get(path, params)
        assert response.status_code == 400
        assert "filtrene" in response.content.decode()


def test_csv_matches_the_page(client, herning):
    response = client.get(CSV)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith("attachment;")
    rows = csv_rows(response)
    assert rows[0] == [
        "Slags",
        "Mål",
        "Politik",
        "Tema",
        "Ansvarlig",
        "Periode",
        "Retsgrundlag",
        "Grundlag arvet fra",
        "Kilde",
    ]
    assert len(rows) - 1 == row_count(client.get(OVERVIEW))
    assert any(row[7] == "Børne- og Ungepolitik" for row in rows[1:])
    assert any("æ" in row[1] or "ø" in row[1] for row in rows[1:])


def test_csv_applies_the_same_filters(client, herning):
    params = {"tema": "dannelse"}
    rows = csv_rows(client.get(CSV, params))
    assert len(rows) - 1 == row_count(client.get(OVERVIEW, params)) == 3
    assert {row[3] for row in rows[1:]} == {"Dannelse"}

"""The goal overview's filters and its CSV."""

import csv
import io

import pytest

pytestmark = pytest.mark.django_db

OVERVIEW = "/herning/maal/"
CSV = "/herning/maal/maal.csv"


def row_count(response):
    return response.content.decode().count('<tr id="')


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
        ({"enhed": "bou"}, 7),  # 2 goal tracks and their 5 sub-goals, which inherit it
        ({"enhed": "cbl"}, 0),  # the documents name no unit of the centre for any goal
        ({"status": "none"}, 27),  # the documents state no status: nothing is followed up yet
        ({"status": "achieved"}, 0),
        ({"periode": "2018-2022"}, 23),
        ({"periode": "2023-"}, 1),
        ({"grundlag": "folkeskoleloven"}, 22),  # 20 inherit it from the policy (not Dannelse), 2 budget goals
        ({"grundlag": "serviceloven/par-19-stk-2"}, 20),  # Dannelse rests on its own basis
        ({"grundlag": "boernekonventionen/art-12"}, 1),
        ({"grundlag": "verdensmaalene", "tema": "dannelse"}, 3),
        # Barnets lov replaced serviceloven § 19, stk. 2, on which the 20 rest
        ({"grundlag": "barnets-lov"}, 20),
        ({"grundlag": "barnets-lov/par-15-stk-1"}, 20),
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
        {"status": "done"},
        {"sorter": "navn"},
    ],
)
def test_invalid_filter_is_400(client, herning, params):
    for path in (OVERVIEW, CSV):
        response = client.get(path, params)
        assert response.status_code == 400
        assert "filtrene" in response.content.decode()


HEADER = [
    "Kommune",
    "Id",
    "Adresse",
    "Type",
    "Mål",
    "Politik",
    "Tema eller målspor",
    "Ansvarlig",
    "Ansvar arvet fra",
    "Periode",
    "Frist",
    "Status",
    "Fremdrift i procent",
    "Fremdrift beregnet ud fra delmål",
    "Seneste opfølgning",
    "Retsgrundlag",
]


def test_csv_matches_the_page(client, herning):
    response = client.get(CSV)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith("attachment;")
    rows = csv_rows(response)
    assert rows[0] == HEADER
    assert len(rows) - 1 == row_count(client.get(OVERVIEW))
    body = rows[1:]
    assert {row[0] for row in body} == {"Herning Kommune"}
    assert len({row[1] for row in body}) == len(body)  # the identifier is unique
    assert all(row[2].startswith("http://testserver/herning/maal/") for row in body)
    assert {row[11] for row in body} == {"Ikke fulgt op endnu"}
    assert any("arvet fra Børne- og Ungepolitik" in row[15] for row in body)
    assert any(row[8] for row in body)  # sub-goals inherit their track's responsible
    assert any("æ" in row[4] or "ø" in row[4] for row in body)


def test_csv_applies_the_same_filters(client, herning):
    params = {"tema": "dannelse"}
    rows = csv_rows(client.get(CSV, params))
    assert len(rows) - 1 == row_count(client.get(OVERVIEW, params)) == 3
    assert {row[6] for row in rows[1:]} == {"Dannelse"}


def test_json_has_the_columns_of_the_csv(client, herning):
    data = client.get("/herning/maal/maal.json", {"tema": "dannelse"}).json()
    assert data["count"] == len(data["goals"]) == 3
    assert list(data["columns"].values()) == HEADER
    assert set(data["goals"][0]) == set(data["columns"])
    assert data["goals"][0]["status"] == "Ikke fulgt op endnu"
    assert data["filters"] == {"tema": "dannelse"}


def test_no_download_link_for_no_hits(client, herning):
    html = client.get(OVERVIEW, {"status": "achieved"}).content.decode()
    assert "Ingen mål passer til filtrene." in html
    assert "maal.csv" not in html and "maal.json" not in html
    assert "maal.csv" in client.get(OVERVIEW).content.decode()


def test_succession_is_said_on_the_page(client, herning):
    html = client.get(OVERVIEW, {"grundlag": "barnets-lov/par-15-stk-1"}).content.decode()
    assert "også mål, der hviler på Serviceloven § 19, stk. 2" in html
    plain = client.get(OVERVIEW, {"grundlag": "serviceloven/par-19-stk-2"}).content.decode()
    assert "som det valgte retsgrundlag har afløst" not in plain


def test_unit_filter_labels_show_the_path(client, herning):
    html = client.get(OVERVIEW).content.decode()
    assert ">Børn og Unge › Center for Børn og Læring › Skoler</option>" in html
    assert ">Børn og Unge › Center for Børn og Læring › Administration</option>" in html
    assert ">Børn og Unge › Center for Udvikling og Økonomi › Administration</option>" in html


def test_sorting_by_progress_and_text(client, herning):
    response = client.get(OVERVIEW, {"sorter": "-maal"})
    html = response.content.decode()
    assert 'aria-sort="descending"' in html
    assert row_count(response) == 27
    assert html.index("Vi vil") > 0

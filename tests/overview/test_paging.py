"""The goal overview a page of 50 goals at a time, on a synthetic municipality of 120 goals;
the CSV and JSON keep every row."""

import csv
import io
import re

import pytest

from content.synthetic import Shape, generate

pytestmark = pytest.mark.django_db

# 2 themes of 30 commitments and 20 initiatives, 1 goal track with 9 sub-goals, 5 council
# commitments and 5 budget goals: 120 goals, three pages.
SHAPE = Shape(
    themes=2,
    commitments_per_theme=30,
    initiatives_per_theme=20,
    tracks=1,
    sub_goals_per_track=9,
    council_commitments=5,
    budget_goals=5,
    follow_ups_per_goal=1,
)
OVERVIEW = "/syntetisk-001/maal/"


@pytest.fixture
def synthetic(db):
    assert generate(1, SHAPE, alongside_real=True) == 120


def row_ids(response):
    return re.findall(r'<tr id="([^"]+)"', response.content.decode())


def test_pages_split_the_rows_in_order_without_gaps(client, synthetic):
    everything = [row[1] for row in csv_rows(client.get(OVERVIEW + "maal.csv"))]
    pages = [row_ids(client.get(OVERVIEW, {"side": number} if number > 1 else {})) for number in (1, 2, 3)]
    assert [len(page) for page in pages] == [50, 50, 20]
    assert [f"syntetisk-001/{anchor}" for page in pages for anchor in page] == everything


def test_page_links_keep_filters_and_sorting(client, synthetic):
    response = client.get(OVERVIEW, {"sorter": "-maal", "periode": "2024-2028", "side": "2"})
    page = response.content.decode()
    assert "Side 2 af 3 viser mål 51–100." in page
    # Previous, the numbers and next keep the filter and the sorting; the first page has no number.
    assert 'href="?sorter=-maal&amp;periode=2024-2028"' in page
    assert 'href="?sorter=-maal&amp;periode=2024-2028&amp;side=3"' in page
    assert 'aria-current="page"' in page
    # A new sorting starts again at page one; the downloads hold every page.
    assert 'href="?periode=2024-2028&amp;sorter=maal"' in page
    assert 'href="/syntetisk-001/maal/maal.csv?sorter=-maal&amp;periode=2024-2028"' in page


def test_sorted_pages_follow_the_sorting(client, synthetic):
    first = row_ids(client.get(OVERVIEW, {"sorter": "maal"}))
    second = row_ids(client.get(OVERVIEW, {"sorter": "maal", "side": "2"}))
    everything = [row[1].split("/")[1] for row in csv_rows(client.get(OVERVIEW + "maal.csv?sorter=maal"))]
    assert first + second == everything[:100]


def test_csv_and_json_hold_every_row_whatever_the_page(client, synthetic):
    assert len(csv_rows(client.get(OVERVIEW + "maal.csv", {"side": "3"}))) == 120
    assert client.get(OVERVIEW + "maal.json", {"side": "2"}).json()["count"] == 120


def test_one_page_has_no_page_links(client, synthetic):
    response = client.get(OVERVIEW, {"periode": "2025-"})  # the 5 budget goals
    assert len(row_ids(response)) == 5
    assert 'class="pagination' not in response.content.decode()


@pytest.mark.parametrize("value", ["4", "0", "x", "-1", "1.5"])
def test_a_page_that_does_not_exist_is_not_found(client, synthetic, value):
    assert client.get(OVERVIEW, {"side": value}).status_code == 404


def csv_rows(response):
    text = response.content.decode("utf-8")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))[1:]

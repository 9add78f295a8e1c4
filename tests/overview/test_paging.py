"""The goal overview a page of 50 goals at a time, on a synthetic municipality of 120 goals;
the CSV and JSON keep every row."""

import csv
import io
import re

import pytest

from content.synthetic import Shape, generate
from overview.filters import STATUS_VALUES

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
STATUS_LABELS = [(value, str(label)) for value, label in STATUS_VALUES]


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


def every_page(client, params):
    """The rows of every page of the overview, in order, as (anchor, status, progress)."""
    rows, number = [], 1
    while True:
        response = client.get(OVERVIEW, {**params, "side": number} if number > 1 else params)
        assert response.status_code == 200
        rows += ROW.findall(response.content.decode())
        if 'class="button button-arrow button-next"' not in response.content.decode():
            return rows
        number += 1


# A row's anchor, its status and its progress ("" where it shows none).
ROW = re.compile(
    r'<tr id="([^"]+)">.*?<span class="tag status-tag status-[a-z_]+">([^<]+)</span>'
    r".*?(?:</progress> (\d+) %|ingen fremdrift angivet)",
    re.DOTALL,
)
SORTERS = ["maal", "slags", "politik", "ansvarlig", "frist", "status", "fremdrift"]


@pytest.mark.parametrize(
    "params",
    [
        {},
        *({"sorter": key} for key in SORTERS),
        *({"sorter": f"-{key}"} for key in SORTERS),
        {"status": "in_progress", "sorter": "-fremdrift"},
        {"status": "achieved", "periode": "2024-2028"},
        {"periode": "2024-2028", "sorter": "status"},
        {"enhed": "center-1", "sorter": "-ansvarlig"},
    ],
)
def test_the_pages_show_the_rows_of_the_download(client, synthetic, params):
    """The page reads where its own goals stand (all goals' only when a filter or the sorting
    needs it), the download every goal's: the same rows, in the same order, with the same
    status and progress, a goal track's computed from all its sub-goals on whichever page."""
    download = [
        (row[1].split("/")[1], row[11], row[12])
        for row in csv_rows(client.get(OVERVIEW + "maal.csv", params))
    ]
    assert every_page(client, params) == download
    assert download


@pytest.mark.parametrize("key", ["status", "fremdrift"])
def test_sorting_by_where_goals_stand(client, synthetic, key):
    """Status in the order of the filter, progress by number; a goal without a progress last
    both ways."""
    order = [label for _value, label in STATUS_LABELS]
    column = 11 if key == "status" else 12
    for descending in (False, True):
        rows = csv_rows(client.get(OVERVIEW + "maal.csv", {"sorter": f"-{key}" if descending else key}))
        values = [row[column] for row in rows]
        given = [value for value in values if value]
        keys = [order.index(value) for value in given] if key == "status" else [int(value) for value in given]
        assert keys == sorted(keys, reverse=descending)
        assert values == given + [""] * (len(values) - len(given))
        assert len(set(keys)) > 2

"""CSV cells that a spreadsheet would read as a formula are neutralised."""

import csv
import io

import pytest
from django.urls import reverse

from core.spreadsheet import neutralise, neutralise_row
from goals.models import CouncilCommitment


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+45 1234", "'+45 1234"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Børn = fremtid", "Børn = fremtid"),
        ("", ""),
        (None, None),
        (3, 3),
    ],
)
def test_neutralise(value, expected):
    assert neutralise(value) == expected


def test_neutralise_row():
    assert neutralise_row(["a", "=1", 2]) == ["a", "'=1", 2]


def test_the_goal_overview_csv_neutralises_formulas(herning, client):
    CouncilCommitment.objects.create(municipality=herning, text='=HYPERLINK("http://ond.example")')
    response = client.get(reverse("overview:goals_csv", kwargs={"municipality": "herning"}))
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    cells = [cell for row in rows for cell in row]
    assert '\'=HYPERLINK("http://ond.example")' in cells
    assert not any(cell.startswith(("=", "+", "@")) for cell in cells)

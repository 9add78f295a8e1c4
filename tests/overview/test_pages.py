"""The overview app's public pages render the real content of both municipalities."""

import pytest

from goals.models import BudgetGoal
from tests.helpers.pages import assert_page

pytestmark = pytest.mark.django_db


def test_front_page_links_municipalities_search_and_register(client, herning, lyngby):
    html = assert_page(client.get("/"), "Herning Kommune", "Lyngby-Taarbæk Kommune", breadcrumbs=False)
    assert 'href="/herning/"' in html and 'href="/lyngby-taarbaek/"' in html
    assert 'action="/soeg/"' in html
    assert 'href="/retsgrundlag/"' in html and 'href="/daekning/"' in html
    assert "Mål og retsgrundlag: hvilke mål der hviler på et retsgrundlag" in html
    assert "Dækning" not in html
    assert "<title>Forside – Børne- og ungepolitikker</title>" in html


def test_the_front_pages_search_form_offers_every_municipality(client, herning, lyngby):
    html = client.get("/").content.decode()
    assert '<option value="herning">Herning Kommune</option>' in html
    assert '<option value="lyngby-taarbaek">Lyngby-Taarbæk Kommune</option>' in html


def test_herning_municipality_page(client, herning):
    html = assert_page(
        client.get("/herning/"),
        "Børne- og Ungepolitik",
        "Herningmodellen Børn og Unge",
        "Alle børn skal være en del af fællesskabet",
        "Christina Mølsted Madsen",
        "20 71 76 55",
        "christina.madsen@herning.dk",
    )
    assert 'href="/herning/maal/"' in html and 'href="/herning/organisation/"' in html


def test_lyngby_municipality_page_marks_expired_policy(client, lyngby):
    assert_page(
        client.get("/lyngby-taarbaek/"), "Sammenhængende børne- og ungepolitik", "Udløbet", "2013–2017"
    )


def test_unit_page(client, herning, lyngby):
    assert_page(
        client.get("/herning/organisation/bou/"),
        "Louise Raunkjær",
        "Dagpleje",
        "Center for Udvikling og Økonomi",
        "Børne- og Familieudvalget",
        "Alle børn skal være en del af fællesskabet",
    )
    assert_page(
        client.get("/lyngby-taarbaek/organisation/but/"),
        "Sammenhængende børne- og ungepolitik",
        "tidlig sammenhængende indsats",
    )


def test_goal_overview_both_municipalities(client, herning, lyngby):
    html = assert_page(
        client.get("/herning/maal/"),
        "Målspor",
        "Delmål",
        "Byrådet vil",
        "Budgetmål",
        "Vi vil",
        'href="/retsgrundlag/serviceloven/"',
    )
    assert 'id="budgetmaal-styrket-inklusion"' in html
    assert_page(client.get("/lyngby-taarbaek/maal/"), "Konkret tiltag", "Fælles visitation")
    # The full basis is one click away, on the goal's own page.
    assert_page(
        client.get("/herning/maal/maalspor-alle-boern-del-af-faellesskabet/"),
        "hviler på det samme som Børne- og Ungepolitik",
        "er afløst af",
        "fra 1. januar 2024",
        'href="/retsgrundlag/barnets-lov/par-15-stk-1/"',
    )


def test_budget_goal_links_to_its_anchor(client, herning):
    goal = BudgetGoal.objects.get(municipality=herning, slug="elevfravaer")
    assert goal.get_absolute_url() == f"/herning/maal/{goal.anchor}/"

"""The legal app's public pages render the real content of both municipalities."""

import pytest

from tests.helpers.pages import assert_page

pytestmark = pytest.mark.django_db


def test_legal_index_groups_by_bindingness(client, herning):
    assert_page(
        client.get("/retsgrundlag/"),
        "Dansk lov",
        "Konvention, som Danmark har ratificeret",
        "Erklæring uden retlig binding",
        "Serviceloven",
    )


def test_instrument_page(client, herning):
    assert_page(
        client.get("/retsgrundlag/serviceloven/"),
        "Lov om social service",
        "https://www.retsinformation.dk/eli/lta/2005/573",
        "Dannet efter ELI-mønstret",
        "LBK nr. 170 af 2022",
        "§ 19, stk. 2",
        "Herning Kommune",
        "Lyngby-Taarbæk Kommune",
    )


def test_provision_page_replaced_and_resting_goals(client, herning, lyngby):
    html = assert_page(
        client.get("/retsgrundlag/serviceloven/par-19-stk-2/"),
        "Afløst af",
        'href="/retsgrundlag/barnets-lov/par-15-stk-1/"',
        "Barnets lov § 15, stk. 1",
        "fra 1. januar 2024",
        "Herning Kommune",
        "Lyngby-Taarbæk Kommune",
        'href="/herning/politikker/boerne-og-ungepolitik/"',
        'href="/lyngby-taarbaek/politikker/sammenhaengende-boerne-og-ungepolitik/"',
    )
    assert "via Børne- og Ungepolitik" in html
    successor = assert_page(
        client.get("/retsgrundlag/barnets-lov/par-15-stk-1/"), "Serviceloven § 19, stk. 2"
    )
    assert "afløste fra 1. januar 2024" in successor


def test_coverage_page(client, herning, lyngby):
    assert_page(
        client.get("/daekning/"),
        "Herning Kommune",
        "Lyngby-Taarbæk Kommune",
        "Direkte retsgrundlag",
        "Arvet retsgrundlag",
        "Hviler på en afløst bestemmelse",
        "Barnets lov § 15, stk. 1",
    )

"""The legal app's public pages render the real content of both municipalities."""

import pytest

from tests.helpers.pages import assert_page

pytestmark = pytest.mark.django_db


def test_legal_index_groups_by_bindingness(client, herning):
    assert_page(
        client.get("/retsgrundlag/"),
        "Danske love",
        "Konventioner, som Danmark har ratificeret",
        "Erklæringer uden retlig binding",
        "Politiske målsætninger uden retlig binding",
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
        "Mål, der hviler på retskilden",
    )


def test_headings_name_what_the_goals_rest_on_and_count_the_items(client, herning):
    serviceloven = client.get("/retsgrundlag/serviceloven/").content.decode()
    assert ">Lovbekendtgørelse</h2>" in serviceloven  # the act has one consolidation
    barnets_lov = client.get("/retsgrundlag/barnets-lov/").content.decode()
    assert ">Lovbekendtgørelser</h2>" in barnets_lov
    provision = client.get("/retsgrundlag/serviceloven/par-19-stk-2/").content.decode()
    assert "Mål, der hviler på bestemmelsen" in provision
    assert "hviler på det<" not in provision and "hviler på det." not in provision


def test_provision_page_replaced_and_resting_goals(client, herning, lyngby):
    html = assert_page(
        client.get("/retsgrundlag/serviceloven/par-19-stk-2/"),
        "Afløst af",
        'href="/retsgrundlag/barnets-lov/par-15-stk-1/"',
        "Barnets lov § 15, stk. 1",
        "fra 1. januar 2024",
        "Herning Kommune",
        'href="/herning/politikker/boerne-og-ungepolitik/"',
    )
    assert "via Børne- og Ungepolitik" in html
    # Lyngby-Taarbæk's policy cites "§19 i Serviceloven", not stk. 2: it rests on the act as cited.
    assert "Lyngby-Taarbæk Kommune" not in html
    successor = assert_page(
        client.get("/retsgrundlag/barnets-lov/par-15-stk-1/"), "Serviceloven § 19, stk. 2"
    )
    assert "afløste fra 1. januar 2024" in successor


def test_coverage_page(client, herning, lyngby):
    assert_page(
        client.get("/daekning/"),
        "<h1>Mål og retsgrundlag</h1>",
        "Herning Kommune",
        "Lyngby-Taarbæk Kommune",
        "Med eget retsgrundlag",
        "Med retsgrundlag fra det, de hører under",
        "Med en bestemmelse, der siden er afløst",
        "Barnets lov § 15, stk. 1",
    )


def test_instrument_facts_are_labelled_as_an_editor_would(client):
    html = assert_page(
        client.get("/retsgrundlag/barnets-lov/"), "Type", "Retlig status", "Bindende dansk lov", "Lovens dato"
    )
    assert "Slags" not in html and "Hvor bindende" not in html and "Vedtaget" not in html
    assert html.count("Ikke efterprøvet") >= 3  # the act's number and date, and both consolidations
    convention = assert_page(client.get("/retsgrundlag/boernekonventionen/"), "Vedtaget")
    assert "Lovens dato" not in convention

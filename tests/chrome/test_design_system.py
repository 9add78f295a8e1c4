"""The DKFDS header, menu and footer, the about page and the accessibility statement (issue 8 §3)."""

import re

import pytest
from django.test import override_settings

from tests.helpers.pages import HERNING_POLICY, assert_page

pytestmark = pytest.mark.django_db


def test_header_names_the_site_in_danish_and_marks_the_current_section(client, herning):
    html = assert_page(client.get(HERNING_POLICY))
    assert 'class="site-name">Børne- og ungepolitikker</a>' in html
    assert re.search(r'aria-current="true"><span>Kommuner</span>', html)
    home = client.get("/").content.decode()
    assert re.search(r'aria-current="page"><span>Kommuner</span>', home)
    about = client.get("/om-siden/").content.decode()
    assert re.search(r'aria-current="page"><span>Om siden</span>', about)
    assert 'rel="icon" href="/static/favicon.svg"' in html


def test_footer_links_to_about_contact_and_the_accessibility_statement(client, herning):
    html = client.get("/herning/").content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    for href in ('href="/om-siden/"', 'href="/om-siden/#kontakt"', 'href="/tilgaengelighed/"'):
        assert href in footer, href


def test_accessibility_statement_follows_the_agencys_structure(client):
    html = assert_page(
        client.get("/tilgaengelighed/"),
        "Overholdelsesstatus",
        "Kendte mangler",
        "Kontakt og tilbagemelding",
        "Håndhævelse",
        "Digitaliseringsstyrelsen",
        "axe-core",
    )
    assert "https://www.was.digst.dk/" in html


@override_settings(SITE_CONTACT_EMAIL="redaktion@example.dk")
def test_the_contact_address_is_shown_where_it_is_set(client):
    for path in ("/om-siden/", "/tilgaengelighed/"):
        assert 'href="mailto:redaktion@example.dk"' in client.get(path).content.decode()


def test_front_page_shows_a_card_per_municipality_with_its_policy_and_period(client, herning, lyngby):
    html = assert_page(client.get("/"), breadcrumbs=False)
    cards = re.findall(r'<div class="card">(.*?)</div>\s*</div></li>', html, re.S)
    assert len(cards) == 2
    assert "Børne- og Ungepolitik" in cards[0] and "2018–2022" in cards[0] and "Gældende" in cards[0]
    assert "2013–2017" in cards[1] and "Udløbet" in cards[1]


def test_every_commitment_has_a_visible_link_to_itself(client, herning):
    html = client.get(HERNING_POLICY + "dannelse/").content.decode()
    items = re.findall(r'<li id="(vi-vil-\d+)" class="item">(.*?)</li>', html, re.S)
    assert items
    for anchor, body in items:
        assert f'#{anchor}" class="item-link"' in body and ">Link til punktet</a>" in body


def test_legal_basis_reads_relation_first_and_grouped_by_bindingness(client, herning):
    html = client.get(HERNING_POLICY).content.decode()
    section = html[html.index('id="retsgrundlag"') : html.index('id="om-indholdet"')]
    assert "Lovgrundlag</h3>" in section and "Erklæringer og politiske mål</h3>" in section
    assert section.index("Lovgrundlag") < section.index("Erklæringer og politiske mål")
    text = re.sub(r"<[^>]+>", "", section)
    assert re.search(
        r"Krævet af Serviceloven § 19, stk\. 2, som fra 1\. januar 2024 er afløst af Barnets lov", text
    )
    assert "Udmønter Folkeskoleloven" in text
    assert "Afløst af" not in text and "– krævet af" not in text


def test_a_purpose_that_repeats_the_introduction_is_shown_once(client, herning):
    html = client.get(HERNING_POLICY).content.decode()
    assert html.count("Formålet med Herning Kommunes Børne- og Ungepolitik er at sætte ramme") == 1

"""A theme page says each thing once: the basis its items inherit, the policy's status."""

import pytest
from django.utils.html import escape

from policies.models import Theme
from tests.helpers.pages import LYNGBY_POLICY, assert_page

pytestmark = pytest.mark.django_db


def test_items_link_to_the_basis_they_inherit_instead_of_repeating_it(client, lyngby):
    theme = Theme.objects.get(policy__municipality=lyngby, slug="fritid-og-kultur")
    items = [*theme.commitments.all(), *theme.initiatives.all()]
    assert len(items) > 3
    html = assert_page(client.get(theme.get_absolute_url()))
    link = f'href="{LYNGBY_POLICY}#retsgrundlag">Grundlag: som politikken</a>'
    # The theme's own line, and each item's short link (the issue: "a short link to the basis it inherits").
    assert html.count(link) == 1 + len(items)
    assert 'href="/retsgrundlag/' not in html[html.index('class="items') :].split('id="om-indholdet"')[0]
    for item in items:
        assert escape(item.text) in html
        assert f'href="{item.get_absolute_url()}" class="item-link"' in html


def test_a_theme_page_says_the_status_in_a_line_and_links_to_the_policys_account(client, lyngby):
    theme = Theme.objects.get(policy__municipality=lyngby, slug="fritid-og-kultur")
    html = client.get(theme.get_absolute_url()).content.decode()
    assert "Politikken gælder ikke længere, og siden har ingen nyere politik fra kommunen." in html
    assert f'href="{LYNGBY_POLICY}#status"' in html
    assert 'class="alert' not in html
    assert 'id="status"' in client.get(LYNGBY_POLICY).content.decode()


def test_a_theme_page_names_its_one_document_in_a_sentence(client, lyngby):
    theme = Theme.objects.get(policy__municipality=lyngby, slug="fritid-og-kultur")
    html = client.get(theme.get_absolute_url()).content.decode()
    about = html[html.index('id="om-indholdet"') :]
    assert "Teksten på siden er hentet fra »Sammenhængende børne- og ungepolitik« (politikdokument)." in about
    assert "Indholdet blev sidst ændret den" in about

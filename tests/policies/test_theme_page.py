"""A theme page says each thing once: the basis its items inherit, the policy's status."""

import pytest
from django.utils.html import escape

from policies.models import Theme
from tests.helpers.pages import LYNGBY_POLICY, assert_page

pytestmark = pytest.mark.django_db


def test_the_inherited_basis_is_said_once_for_the_theme_not_on_each_item(client, lyngby):
    theme = Theme.objects.get(policy__municipality=lyngby, slug="fritid-og-kultur")
    items = [*theme.commitments.all(), *theme.initiatives.all()]
    assert len(items) > 3
    html = assert_page(client.get(theme.get_absolute_url()))
    assert html.count("Grundlag: som politikken") == 1
    assert f'href="{LYNGBY_POLICY}#retsgrundlag">Grundlag: som politikken</a>' in html
    for item in items:
        assert escape(item.text) in html
        assert f'href="{item.get_absolute_url()}" class="item-link"' in html
    # On the policy's page, where the basis stands far above the items, each item links to it.
    policy = client.get(LYNGBY_POLICY).content.decode()
    assert policy.count("Grundlag: som politikken") >= len(items)


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

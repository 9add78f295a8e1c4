"""The organisation app's public pages render the real content of both municipalities."""

import pytest

from tests.helpers.pages import assert_page

pytestmark = pytest.mark.django_db


def test_organisation_tree(client, herning, lyngby):
    html = assert_page(
        client.get("/herning/organisation/"), "<details", "<summary>", "Center for Børn og Læring"
    )
    assert 'href="/herning/organisation/cbf-tandplejen/"' in html
    assert_page(client.get("/lyngby-taarbaek/organisation/"), "Børn og Unge på Tværs")

"""Unknown or malformed addresses are 404, never 500."""

import pytest
from django.test import Client

from tests.helpers.pages import HERNING_POLICY

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path",
    [
        "/ingen-kommune/",
        "/ingen-kommune/organisation/",
        "/ingen-kommune/maal/",
        "/herning/politikker/ingen-politik/",
        HERNING_POLICY + "intet-tema/",
        "/lyngby-taarbaek/politikker/boerne-og-ungepolitik/",  # Herning's policy under Lyngby
        "/lyngby-taarbaek/politikker/sammenhaengende-boerne-og-ungepolitik/dannelse/",
        "/herning/organisation/ingen-enhed/",
        "/lyngby-taarbaek/organisation/bou/",
        "/herning/strategier/ingen-strategi/",
        "/retsgrundlag/ingen-lov/",
        "/retsgrundlag/serviceloven/ingen-bestemmelse/",
        "/retsgrundlag/barnets-lov/par-19-stk-2/",  # a provision of another instrument
        "/herning/politikker/a b/",
        "/retsgrundlag/serviceloven/par-19-stk-2/x/y/",
        "/%E2%80%AE/",
        "/herning/organisation/..%2F..%2Fetc/",
        "/herning/maal/maal.csv/extra",
    ],
)
def test_unknown_and_malformed_paths_are_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    html = response.content.decode()
    assert "Siden findes ikke" in html
    assert 'href="/soeg/"' in html and 'href="/"' in html
    assert '<html lang="da">' in html


def test_server_error_page_is_static_and_danish(herning):
    from chrome.views import server_error

    response = server_error(Client().get("/").wsgi_request)
    assert response.status_code == 500
    assert "Der opstod en fejl" in response.content.decode()

"""The chrome app's public pages render the real content of both municipalities."""

import pytest

from tests.helpers.pages import HERNING_POLICY, LYNGBY_POLICY

pytestmark = pytest.mark.django_db


def test_front_page_sends_strict_csp(client, herning):
    response = client.get("/")
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_admin_has_a_strict_csp_too(client, herning):
    policy = client.get("/admin/login/")["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "'unsafe-inline'" not in policy


def test_sitemap_lists_every_page_type(client, herning, lyngby):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    for path in [
        "http://testserver/</loc>",
        "/herning/</loc>",
        "/herning/organisation/</loc>",
        "/herning/organisation/cbl/</loc>",
        HERNING_POLICY + "</loc>",
        LYNGBY_POLICY + "fritid-og-kultur/</loc>",
        "/herning/strategier/herningmodellen/</loc>",
        "/lyngby-taarbaek/maal/</loc>",
        "/retsgrundlag/</loc>",
        "/retsgrundlag/serviceloven/</loc>",
        "/retsgrundlag/serviceloven/par-19-stk-2/</loc>",
        "/daekning/</loc>",
    ]:
        assert path in xml, path


def test_robots_txt(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text

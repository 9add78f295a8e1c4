"""Checks every public page shares."""

import re

HERNING_POLICY = "/herning/politikker/boerne-og-ungepolitik/"
LYNGBY_POLICY = "/lyngby-taarbaek/politikker/sammenhaengende-boerne-og-ungepolitik/"


def html_of(response):
    return response.content.decode()


def assert_page(response, *texts, breadcrumbs=True):
    """200, Danish, one h1, a canonical link, breadcrumbs and the key texts."""
    assert response.status_code == 200, response.status_code
    html = html_of(response)
    assert '<html lang="da">' in html
    assert len(re.findall(r"<h1[\s>]", html)) == 1
    assert re.search(r'<link rel="canonical" href="http://testserver/[^"]*">', html)
    assert 'href="#main-content"' in html and 'id="main-content"' in html
    if breadcrumbs:
        assert 'class="breadcrumbs"' in html
    for text in texts:
        assert text in html, text
    assert "style=" not in html
    assert not re.search(r"<script(?![^>]*\bsrc=)", html), "inline script"
    assert not re.search(r"\son[a-z]+=", html), "inline event handler"
    return html

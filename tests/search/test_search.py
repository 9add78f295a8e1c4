"""Full-text search in Danish, with safe highlighting."""

import pytest
from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.test.utils import CaptureQueriesContext

from legal.models import Provision
from search import text
from search.models import SearchEntry
from search.services import rebuild_index

pytestmark = pytest.mark.django_db


def results_html(response):
    html = response.content.decode()
    start = html.find('class="search-results"')
    assert start != -1
    return html[start:]


def test_empty_query_shows_the_form(client, herning):
    response = client.get("/soeg/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="q"' in html
    assert 'class="search-results"' not in html


def test_stemming_finds_faellesskab_from_faellesskaber(client, herning):
    response = client.get("/soeg/", {"q": "fællesskaber"})
    assert response.status_code == 200
    html = results_html(response)
    assert "<mark>fællesskab" in html.lower() or "<mark>Fællesskab" in html


def test_stemming_finds_boern_from_boernene(client, herning):
    html = results_html(client.get("/soeg/", {"q": "børnene"}))
    assert "<mark>børn</mark>" in html.lower() or "<mark>Børn</mark>" in html


def test_results_link_to_anchors_and_show_kind_and_context(client, herning):
    html = results_html(client.get("/soeg/", {"q": "venskaber"}))
    assert 'href="/herning/politikker/boerne-og-ungepolitik/vores-faelles-boern-og-unge/#vi-vil-' in html
    assert "Vi vil · Børne- og Ungepolitik · Vores fælles børn og unge" in html


def test_municipality_filter(client, herning, lyngby):
    html = results_html(client.get("/soeg/", {"q": "børn", "kommune": "lyngby-taarbaek"}))
    assert "/lyngby-taarbaek/" in html
    assert "/herning/" not in html
    assert client.get("/soeg/", {"q": "børn", "kommune": "ingen"}).status_code == 400


def test_markup_in_query_is_escaped(client, herning):
    response = client.get("/soeg/", {"q": "<script>alert(1)</script> børn"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_nul_byte_is_400(client, herning):
    # Refused before the view by core.middleware.RejectNulMiddleware, or by the view itself.
    assert client.get("/soeg/", {"q": "børn\x00"}).status_code == 400


def test_overlong_query_is_400(client, herning):
    response = client.get("/soeg/", {"q": "a" * 10_000})
    assert response.status_code == 400
    assert "for lang" in response.content.decode()


@pytest.mark.parametrize("q", ['"', "'", '"børn', "& | ! ( ) :*", "-", "<>", "or", "\\"])
def test_odd_queries_do_not_fail(client, herning, q):
    assert client.get("/soeg/", {"q": q}).status_code == 200


def test_results_are_limited(client, herning, monkeypatch):
    from search import selectors, views

    monkeypatch.setattr(selectors, "MAX_RESULTS", 2)
    monkeypatch.setattr(views, "MAX_RESULTS", 2)
    html = results_html(client.get("/soeg/", {"q": "børn"}))
    assert html.count('<p class="result-meta">') == 2
    assert "Viser de 2 bedste af" in html


def test_political_bodies_and_actors_are_searchable(client, herning):
    html = results_html(client.get("/soeg/", {"q": "forældrebestyrelserne formænd"}))
    assert 'href="/herning/#organ-samraadet"' in html
    html = results_html(client.get("/soeg/", {"q": "Forebyggelsescenteret"}))
    assert 'href="/lyngby-taarbaek/politikker/sammenhaengende-boerne-og-ungepolitik/#aktoer-' in html


def test_legal_sources_are_searchable(client, herning):
    html = results_html(client.get("/soeg/", {"q": "sammenhængende børnepolitik"}))
    assert 'href="/retsgrundlag/serviceloven/par-19-stk-2/"' in html


def test_an_admin_edit_reaches_the_index(herning, django_capture_on_commit_callbacks):
    provision = Provision.objects.get(instrument__slug="barnets-lov", slug="par-15-stk-1")
    with django_capture_on_commit_callbacks(execute=True):
        provision.summary = "Kommunalbestyrelsen skal have en zebrapolitik."
        provision.save()
    assert "zebrapolitik" in SearchEntry.objects.get(object_key=f"legal.provision:{provision.pk}").body


def test_a_rebuild_writes_each_entry_once_with_its_vectors(herning):
    """Vectors computed by a second UPDATE would leave the table twice its size: slower scans at scale."""
    with CaptureQueriesContext(connection) as captured:
        rebuild_index(herning)
    table = SearchEntry._meta.db_table
    assert not [query for query in captured if query["sql"].startswith(f'UPDATE "{table}"')]
    entries = SearchEntry.objects.filter(municipality=herning)
    assert entries.exists()
    assert not entries.filter(terms__isnull=True).exists()
    assert not entries.filter(lemma_vector__isnull=True).exists()
    assert entries.filter(terms=SearchQuery(text.key("fællesskaber"), config="simple")).exists()
    assert entries.filter(lemma_vector=SearchQuery("trivsel", config="simple")).exists()


def test_an_edited_entry_is_found_at_once(client, herning, django_capture_on_commit_callbacks):
    provision = Provision.objects.get(instrument__slug="barnets-lov", slug="par-15-stk-1")
    with django_capture_on_commit_callbacks(execute=True):
        provision.summary = "Kommunalbestyrelsen skal have en zebrapolitik for zebraerne."
        provision.save()
    html = results_html(client.get("/soeg/", {"q": "zebraer"}))
    assert 'href="/retsgrundlag/barnets-lov/par-15-stk-1/"' in html

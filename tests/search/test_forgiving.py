"""Search that forgives: inflected forms, misspellings, parents' words, hostile input (on PostgreSQL)."""

import random
import re

import pytest
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection

from organisation.models import Municipality
from search import selectors
from search.models import SearchEntry, SearchWord
from search.selectors import find

pytestmark = pytest.mark.django_db


def page(client, **params):
    response = client.get("/soeg/", params)
    assert response.status_code == 200
    return response.content.decode()


def snowball(word):
    with connection.cursor() as cursor:
        cursor.execute("SELECT (ts_lexize('danish_stem', %s))[1]", [word])
        return cursor.fetchone()[0]


def all_hits(q, monkeypatch, **filters):
    monkeypatch.setattr(selectors, "MAX_RESULTS", 10_000)
    return find(q, list(Municipality.objects.all()), **filters)


# (what a visitor types, a form of the same word in the bundled content that Snowball stems differently)
UNJOINED_BY_SNOWBALL = [
    ("trivslen", "trivsel"),
    ("indsatsen", "indsats"),
    ("socialt", "sociale"),
    ("processer", "proces"),
    ("barnet", "børn"),
    ("handicap", "handicappede"),
]


@pytest.mark.parametrize(("query", "other"), UNJOINED_BY_SNOWBALL)
def test_a_lemma_joins_forms_that_snowball_does_not(herning, monkeypatch, query, other):
    assert snowball(query) != snowball(other), "not a case for the lemmatiser: Snowball joins these"
    # An entry with the other form only, which stems alone do not find.
    only_other = (
        SearchEntry.objects.filter(body__iregex=rf"\m{other}\M")
        .exclude(body__iregex=rf"\m{query}\M")
        .annotate(stems=SearchVector("title", "body", "context", config="danish"))
        .exclude(stems=SearchQuery(query, config="danish"))
    )
    target = only_other.first()
    assert target is not None, f"the content has no text with {other!r} alone"
    urls = {hit.url for hit in all_hits(query, monkeypatch).hits}
    assert target.url in urls


@pytest.mark.parametrize(
    ("query", "marked"),
    [("børnehaverne", "børnehave"), ("dagtilbuddene", "dagtilbud"), ("fællesskaberne", "fællesskab")],
)
def test_a_definite_form_finds_the_indefinite_one_and_marks_it(client, herning, query, marked):
    html = page(client, q=query)
    assert re.search(rf"<mark>{marked}</mark>", html, re.IGNORECASE), f"{query} does not mark {marked}"


def test_a_definite_form_of_a_parents_word_is_expanded_too(client, herning):
    html = page(client, q="mobningen")
    assert "Viser også resultater for trivsel og fællesskab." in html
    assert "<mark>trivsel</mark>" in html.lower()


@pytest.mark.parametrize(
    ("typo", "intended"),
    [
        ("bornehave", "børnehave"),
        ("fælesskab", "fællesskab"),
        ("inklution", "inklusion"),
        ("dagtillbud", "dagtilbud"),
    ],
)
def test_a_misspelt_word_finds_the_intended_one_and_says_so(client, herning, typo, intended):
    html = page(client, q=typo)
    assert "Mente du" in html
    assert re.search(rf'<a href="/soeg/\?q=[^"]+">{intended}</a>\?', html), html[html.find("Mente du") :][
        :300
    ]
    assert f"<mark>{intended}" in html.lower()
    assert "search-empty" not in html


def test_the_correction_keeps_the_other_words_and_the_municipality(client, herning):
    html = page(client, q="trivsel bornehave", kommune="herning")
    link = re.search(r'Mente du <a href="([^"]+)">([^<]+)</a>', html)
    assert link is not None
    assert link.group(2) == "trivsel børnehave"
    assert "kommune=herning" in link.group(1)


@pytest.mark.parametrize("word", ["trivsel", "trivslen", "mobning", "børnehaverne", "forældrene"])
def test_a_known_word_is_not_corrected(client, herning, word):
    assert "Mente du" not in page(client, q=word)


def test_no_word_of_a_draft_or_anything_unindexed_is_offered(herning):
    indexed = set()
    for title, body in SearchEntry.objects.values_list("title_lemmas", "body_lemmas"):
        indexed.update(f"{title} {body}".split())
    assert set(SearchWord.objects.values_list("word", flat=True)) <= indexed


def test_synonyms_are_used_and_shown(client, herning):
    html = page(client, q="mobning")
    assert "Viser også resultater for trivsel og fællesskab." in html
    assert "<mark>trivsel</mark>" in html.lower() and "<mark>fællesskab" in html.lower()
    assert "search-empty" not in html


def test_a_phrase_synonym_is_found_as_a_phrase(client, herning):
    html = page(client, q="autisme")
    assert "særlige behov" in html
    assert "<mark>særlige</mark> <mark>behov</mark>" in html


def test_the_visitors_own_word_outranks_its_synonyms(monkeypatch, herning):
    hits = all_hits("ven", monkeypatch).hits
    assert hits, "nothing found for ven"
    assert "venskab" in (hits[0].title + hits[0].excerpt).lower()


def test_filters_show_counts_and_narrow_the_results(client, herning, monkeypatch):
    result = all_hits("trivsel", monkeypatch)
    html = page(client, q="trivsel")
    assert 'aria-labelledby="afgraens"' in html
    for kind, count in result.kinds:
        assert f'>{kind} <span class="filter-count">({count})</span>' in html.replace("&quot;", '"')
    kind, count = result.kinds[0]
    narrowed = all_hits("trivsel", monkeypatch, kind=kind)
    assert narrowed.total == count == len(narrowed.hits)
    assert all(kind.casefold() in " ".join(hit.meta).casefold() for hit in narrowed.hits)
    herning_only = all_hits("trivsel", monkeypatch, municipality=herning)
    assert herning_only.hits and all(hit.url.startswith("/herning/") for hit in herning_only.hits)
    assert {m.slug: c for m, c in result.municipalities}["herning"] == herning_only.total


def test_an_unknown_kind_finds_nothing_but_fails_not(client, herning):
    html = page(client, q="trivsel", slags="<script>")
    assert "search-empty" in html and "<script>" not in html


@pytest.mark.parametrize("q", ["trivsel", "børn", "mobning", "skole", "legal", "Herning"])
def test_no_meta_line_repeats_itself(herning, monkeypatch, q):
    for hit in all_hits(q, monkeypatch).hits:
        keys = [part.casefold() for part in hit.meta]
        assert len(keys) == len(set(keys)), hit.meta
        assert not any(a != b and a in b for a in keys for b in keys), hit.meta


def test_the_empty_state_is_a_message_with_suggestions(client, herning):
    html = page(client, q="xylofonkvartet", kommune="herning")
    assert 'class="alert alert-info search-empty"' in html
    assert "Ingen resultater for »xylofonkvartet«" in html
    assert 'href="/soeg/?q=trivsel"' in html
    assert "søge i alle kommuner" in html
    assert 'class="result-list"' not in html


def test_only_stop_words_is_a_message(client, herning):
    html = page(client, q="og i på")
    assert "search-empty" in html and "små ord" in html


HOSTILE = [
    '"',
    "'",
    '"børn',
    '""',
    "-",
    "--",
    "-børn",
    "-børn -skole",
    "or",
    "eller eller",
    "børn or",
    "& | ! ( ) :* <-> <2>",
    "børn:*",
    "børn & !skole",
    "!!!",
    "\\",
    "'; DROP TABLE search_searchentry; --",
    "%",
    "_",
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "&lt;b&gt;",
    "🙂👍",
    "børn 🙂",
    "\u200b\u200d",
    "\u202eetnemmoc",
    "²³",
    "a" * 200,
    " ".join(["trivsel"] * 25),
    "ﬁ ǅ İ",
]


@pytest.mark.parametrize("q", HOSTILE)
def test_hostile_queries_never_fail(client, herning, q):
    response = client.get("/soeg/", {"q": q})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html


@pytest.mark.parametrize(
    "params",
    [
        {"q": "a" * 201},
        {"q": "børn\x00"},
        {"q": "børn", "kommune": "../../etc"},
        {"q": "børn", "slags": "x" * 500},
    ],
)
def test_unanswerable_queries_are_400(client, herning, params):
    assert client.get("/soeg/", params).status_code == 400


def test_random_hostile_input_is_200_or_400(client, herning):
    alphabet = [*"abcæøå \"'-!&|():*<>\\%_;\t\n", "🙂", "\u0301", "\ufeff", "ß", "\x7f"]
    generator = random.Random(8)
    for _ in range(80):
        q = "".join(generator.choices(alphabet, k=generator.randint(1, 40)))
        assert client.get("/soeg/", {"q": q}).status_code in (200, 400), repr(q)


def test_the_same_behaviour_without_postgresql(herning, monkeypatch):
    """The SQLite path (lemmas as text, synonyms, difflib for misspellings), exercised here."""
    monkeypatch.setattr(selectors, "_postgres", lambda: False)
    found = all_hits("trivslen", monkeypatch)
    assert any("trivsel" in hit.title.lower() for hit in found.hits)
    assert "trivsel" in all_hits("mobning", monkeypatch).expansions
    assert all_hits("bornehave", monkeypatch).suggestion == "børnehave"
    assert all_hits("dagtilbud", monkeypatch, municipality=herning).hits

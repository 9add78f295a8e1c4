"""The curated synonyms (search/synonyms.yaml) are sensible data about the bundled content."""

import pytest
from django.contrib.postgres.search import SearchQuery
from django.db import connection

from search import text
from search.models import SearchEntry, SearchWord
from search.query import SYNONYMS_FILE, synonyms

pytestmark = pytest.mark.django_db


def test_the_file_says_how_to_review_it():
    header = SYNONYMS_FILE.read_text(encoding="utf-8").split("\n\n")[0]
    assert "How to add or review" in SYNONYMS_FILE.read_text(encoding="utf-8")
    assert header.startswith("#")


def test_there_are_at_least_a_dozen_pairs():
    assert len(synonyms()) >= 12
    assert sum(len(targets) for targets in synonyms().values()) >= 24


@pytest.mark.parametrize("word", sorted(synonyms()))
def test_a_parents_word_is_one_lowercase_word_in_dictionary_form(word):
    assert word == word.lower() and text.WORD.fullmatch(word)
    assert text.lemma(word) == word
    assert word not in synonyms()[word]


@pytest.mark.parametrize("word", sorted(synonyms()))
def test_a_parents_word_is_not_in_the_documents_already(herning, word):
    assert not SearchWord.objects.filter(word=word).exists(), (
        f"{word!r} needs no synonym: the documents use it"
    )


@pytest.mark.parametrize(
    "target", sorted({target for targets in synonyms().values() for target in targets}), ids=str
)
def test_every_document_word_is_in_the_bundled_content(herning, target):
    keys = " ".join(text.key(word) for word in text.words(target) if not text.is_stop_word(word))
    found = SearchEntry.objects.filter(terms=SearchQuery(keys, config="simple", search_type="phrase"))
    assert found.exists(), f"{target!r} is in no document"


def test_pythons_stop_words_are_postgresqls(db):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT w FROM unnest(%s::text[]) w WHERE to_tsvector('danish', w) <> ''::tsvector",
            [sorted(text.STOP_WORDS)],
        )
        assert cursor.fetchall() == []

"""search/terms.py against PostgreSQL: what Python counts an entry under is what the vector matches."""

import pytest
from django.db import connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search import terms, text
from search.query import parse, tsquery, whole_tsquery

pytestmark = pytest.mark.django_db

# Forms that share a key, stop words, and the words of the synonyms' phrases ("særlige behov",
# "mental sundhed"), so that phrases are found, broken by a stop word and split across fields.
VOCABULARY = [
    "særlige", "særlig", "behov", "behovet", "mental", "mentale", "sundhed", "sundheden", "trivsel",
    "trivslen", "børn", "børnene", "barnet", "og", "i", "at", "der", "fællesskab", "fællesskaber",
    "skole", "skolen", "2024",
]  # fmt: skip
text_of = st.lists(st.sampled_from(VOCABULARY), max_size=12).map(" ".join)
phrase_of = st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=3)


def matches(vector, query):
    with connection.cursor() as cursor:
        cursor.execute("SELECT %s::tsvector @@ %s::tsquery", [vector, query])
        return cursor.fetchone()[0]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=text_of, body=text_of, context=text_of, phrase=phrase_of)
def test_a_phrase_python_finds_is_a_phrase_the_vector_matches(db, title, body, context, phrase):
    found = terms.of({"title": title, "body": body, "context": context})
    keys = terms.phrase_keys(" ".join(phrase))
    if not keys:  # only stop words: nothing to search for
        return
    query = tsquery([tuple(word for word in phrase if word not in {"og", "i", "at", "der"})])
    assert found.has_phrase(keys) == matches(found.vector() or "", query)


# A query's words, excluded words, phrases and `eller` between them.
query_of = st.lists(
    st.one_of(
        st.sampled_from(VOCABULARY),
        st.just("eller"),
        st.sampled_from(VOCABULARY).map("-{}".format),
        phrase_of.map(lambda phrase: '"{}"'.format(" ".join(phrase))),
    ),
    min_size=1,
    max_size=5,
).map(" ".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=text_of, body=text_of, q=query_of)
def test_the_whole_query_matches_what_its_clauses_say(db, title, body, q):
    """One tsquery for the whole search: every group found (one of its clauses' alternatives),
    no excluded word or phrase found."""
    parsed = parse(q)
    if not parsed.positive:
        return
    found = terms.of({"title": title, "body": body, "context": ""})

    def holds(alternatives):
        return any(found.has_phrase([text.key(word) for word in words]) for words in alternatives)

    groups = {}
    for clause in parsed.positive:
        groups[clause.group] = groups.get(clause.group, False) or holds(clause.alternatives)
    excluded = [holds([clause.words]) for clause in parsed.clauses if clause.negated]
    expected = all(groups.values()) and not any(excluded)
    assert matches(found.vector() or "", whole_tsquery(parsed)) == expected


def test_the_vector_python_writes_is_the_one_postgresql_reads(db):
    found = terms.of({"title": "Børnene i skolen", "body": "Barnets trivsel", "context": "Herning"})
    # The forms of a word share its key; a gap of ten positions parts the fields; D is
    # PostgreSQL's default weight, which it does not print.
    assert found.vector() == "'barn':1A,13B 'herning':25D 'skol':2A 'trivsel':14B"
    with connection.cursor() as cursor:
        cursor.execute("SELECT %s::tsvector::text", [found.vector()])
        assert cursor.fetchone()[0] == "'barn':1A,13B 'herning':25 'skol':2A 'trivsel':14B"

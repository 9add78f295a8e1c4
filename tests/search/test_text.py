"""Lemmas, query parsing, excerpts and marking, in Python alone."""

from search import text
from search.query import corrected, parse, tsquery


def test_the_lemmatiser_ships_its_danish_data():
    # simplemma reads its dictionary from the installed package; nothing is fetched at run time.
    assert text.lemma("mobningen") == "mobning"
    assert text.lemma("børnehaverne") == "børnehave"
    assert text.lemma("trivslen") == "trivsel"


def test_lemmatise_drops_stop_words_and_signs():
    assert text.lemmatise("Børnene og forældrene i børnehaverne!") == "barn forældre børnehave"


def test_a_words_key_joins_its_forms():
    """What the index is matched and counted by: forms the lemmatiser joins and forms Snowball joins."""
    assert text.key("trivslen") == text.key("trivsel")
    assert text.key("børnene") == text.key("barnet") == text.key("børn")
    assert text.key("fællesskaber") == text.key("fællesskab")
    # The dictionary's lemma of "forældrene" is "forældre", whose own lemma is "forælder".
    assert text.key("forældrene") == text.key("forældre") == text.key("forælder")


def test_parse_reads_phrases_exclusions_and_alternatives():
    parsed = parse('"særlige behov" -skole dagpleje eller vuggestue og')
    assert [(c.words, c.negated, c.group) for c in parsed.clauses] == [
        (("særlige", "behov"), False, 0),
        (("skole",), True, 1),
        (("dagpleje",), False, 2),
        (("vuggestue",), False, 2),
    ]


def test_tsqueries_hold_only_words():
    parsed = parse("børn:* & | ! <-> 'x' (y)")
    for clause in parsed.clauses:
        query = tsquery(clause.alternatives)
        assert set(query) <= set("()|<-> '") | {ch for w in clause.words for ch in text.key(w)}


def test_synonyms_attach_to_the_lemma():
    clause = parse("mobningen").clauses[0]
    assert clause.synonyms == ("trivsel", "fællesskab")


def test_corrected_replaces_whole_words_only():
    assert corrected("Bornehave og bornehavens", {"bornehave": "børnehave"}) == "børnehave og bornehavens"


def test_highlight_escapes_and_marks():
    matcher = text.Matcher(["børn"])
    assert text.highlight("<b>Børnene</b> & barnet", matcher) == (
        "&lt;b&gt;<mark>Børnene</mark>&lt;/b&gt; &amp; <mark>barnet</mark>"
    )


def test_an_excerpt_is_cut_at_words_with_ellipses():
    body = (
        " ".join(f"ord{n}" for n in range(100))
        + " trivslen er vigtig "
        + " ".join(f"x{n}" for n in range(100))
    )
    excerpt = text.excerpt(body, text.Matcher(["trivsel"]), length=10)
    assert excerpt.startswith("… ord") and excerpt.endswith(" …")
    assert "<mark>trivslen</mark>" in excerpt
    words = excerpt.strip("… ").replace("<mark>", "").replace("</mark>", "").split()
    assert len(words) == 10 and all(w in body.split() for w in words)


def test_a_short_text_has_no_ellipsis():
    assert text.excerpt("Trivsel for alle.", text.Matcher(["trivsel"])) == "<mark>Trivsel</mark> for alle."


def test_an_excerpt_with_no_hit_starts_at_the_beginning():
    body = " ".join(f"ord{n}" for n in range(50))
    assert text.excerpt(body, text.Matcher(["trivsel"]), length=5) == "ord0 ord1 ord2 ord3 ord4 …"

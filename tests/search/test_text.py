"""Lemmas, query parsing, excerpts and marking, in Python alone."""

from hypothesis import given, settings
from hypothesis import strategies as st

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


def excerpt_by_every_window(text_, matcher, length):
    """The excerpt's definition, window by window: the oracle for text.excerpt's shortcut."""
    text_ = " ".join(text_.split())
    tokens = list(text.WORD.finditer(text_))
    if not tokens:
        return ""
    hits = [bool(matcher.matched({token[0]})) for token in tokens]
    windows = [sum(hits[start : start + length]) for start in range(max(1, len(tokens) - length + 1))]
    best_start = windows.index(max(windows))
    first_hit = next((i for i in range(best_start, len(tokens)) if hits[i]), best_start)
    start = max(0, min(best_start, first_hit - 3))
    end = min(len(tokens), start + length)
    cut_from = 0 if start == 0 else tokens[start].start()
    cut_to = len(text_) if end == len(tokens) else tokens[end - 1].end()
    spans = [
        (t.start() - cut_from, t.end() - cut_from)
        for t, hit in zip(tokens[start:end], hits[start:end], strict=True)
        if hit
    ]
    return (
        ("… " if start > 0 else "")
        + text._marked(text_[cut_from:cut_to], spans)
        + (" …" if end < len(tokens) else "")
    )


@settings(max_examples=400, deadline=None)
@given(
    words=st.lists(
        st.sampled_from(["børn", "Børnene", "trivsel", "og", "leg,", "skole.", "(unge)"]), max_size=120
    ),
    length=st.integers(min_value=3, max_value=30),
)
def test_the_excerpt_is_the_first_window_with_the_most_matches(words, length):
    matcher = text.Matcher(["børn", "trivsel"])
    assert text.excerpt(" ".join(words), matcher, length) == excerpt_by_every_window(
        " ".join(words), matcher, length
    )

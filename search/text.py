"""Danish words in Python: tokens, lemmas, stems, stop words, and the marked excerpt of a hit.

PostgreSQL's `danish` configuration stems with Snowball; it does not join the
forms Snowball cuts differently ("trivslen" → "trivsl", "trivsel" → "trivsel";
"barnet" → "barn", "børnene" → "børn"). A lemmatiser does, from a dictionary
of Danish word forms (simplemma, which ships its data inside the package).
It runs here, in Python, at index and query time, so that no server-side
dictionary is needed: a managed PostgreSQL cannot install one.
"""

import bisect
import re
from functools import lru_cache
from html import escape  # Django's escape() is this, behind a check for lazy text

import simplemma
import snowballstemmer
from django.utils.safestring import mark_safe

# Letters and digits; the underscore and every other mark separate words, so a
# token can never carry tsquery syntax.
WORD = re.compile(r"[^\W_]+")

# PostgreSQL's danish.stop (Snowball's Danish stop words), so that Python drops
# exactly the words the `danish` configuration drops (a test compares them).
# fmt: off
STOP_WORDS = frozenset([
    "og", "i", "jeg", "det", "at", "en", "den", "til", "er", "som", "på", "de", "med", "han", "af", "for",
    "ikke", "der", "var", "mig", "sig", "men", "et", "har", "om", "vi", "min", "havde", "ham", "hun", "nu",
    "over", "da", "fra", "du", "ud", "sin", "dem", "os", "op", "man", "hans", "hvor", "eller", "hvad",
    "skal", "selv", "her", "alle", "vil", "blev", "kunne", "ind", "når", "være", "dog", "noget", "ville",
    "jo", "deres", "efter", "ned", "skulle", "denne", "end", "dette", "mit", "også", "under", "have", "dig",
    "anden", "hende", "mine", "alt", "meget", "sit", "sine", "vor", "mod", "disse", "hvis", "din", "nogle",
    "hos", "blive", "mange", "ad", "bliver", "hendes", "været", "thi", "jer", "sådan",
])
# fmt: on

_STEMMER = snowballstemmer.stemmer("danish")


def words(text):
    """The lowercased words of a text, in order."""
    return [match.group().lower() for match in WORD.finditer(text or "")]


@lru_cache(maxsize=200_000)
def lemma(word):
    """The dictionary form of a lowercased word ("mobningen" → "mobning"), or the word itself."""
    # Rejoined from its letters and digits, so that a lemma is one word as PostgreSQL splits it.
    return "".join(WORD.findall(simplemma.lemmatize(word, lang="da").lower())) or word


def load_dictionary():
    """Read simplemma's Danish dictionary (about 1.5 s) as a worker starts, not in a visitor's search."""
    simplemma.lemmatize("børnene", lang="da")


@lru_cache(maxsize=200_000)
def stem(word):
    """The Snowball stem, as PostgreSQL's `danish` configuration computes it."""
    return _STEMMER.stemWord(word)


@lru_cache(maxsize=200_000)
def key(word):
    """The one form every inflection of a word is indexed and searched by: the stem of its lemma.

    The lemma joins the forms Snowball cuts differently ("trivslen" and "trivsel" are both
    "trivsel"); the stem joins the forms the dictionary does not know. The lemma is taken twice:
    the dictionary's lemma of an inflected form is sometimes another inflected form
    ("forældrene" → "forældre" → "forælder"). One key per word lets the index count each word's
    hits once, when it is written (search/counts.py).
    """
    return stem(lemma(lemma(word)))


def is_stop_word(word):
    return word in STOP_WORDS or lemma(word) in STOP_WORDS


def lemmatise(text):
    """The text's lemmas without stop words, space-separated: what the lemma vector is built from."""
    return " ".join(lemma(word) for word in words(text) if not is_stop_word(word))


class Matcher:
    """Which words of a text a search matches: the same word, lemma, stem or key."""

    def __init__(self, terms):
        self.surface = set(terms)
        self.lemmas = {lemma(term) for term in terms}
        self.stems = {stem(term) for term in terms}
        self.keys = {key(term) for term in terms}
        # A page of hits repeats the same words many times: each distinct word is judged once,
        # and a text's words are then sorted by set operations, not word by word.
        self.judged = set()
        self.matching = set()

    def _matches(self, word):
        lower = word.lower()
        return (
            lower in self.surface
            or lemma(lower) in self.lemmas
            or stem(lower) in self.stems
            or key(lower) in self.keys
        )

    def matched(self, words):
        """The ones of a set of words (as written) that match."""
        new = words - self.judged
        if new:
            self.matching.update(word for word in new if self._matches(word))
            self.judged |= new
        return words & self.matching


def _marked(text, spans):
    """Escaped text with the given (start, end) spans wrapped in <mark>."""
    parts, position = [], 0
    for start, end in spans:
        parts.append(escape(text[position:start]))
        parts.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece is escaped above


def highlight(text, matcher):
    """The whole text, escaped, with every matching word marked."""
    text = text or ""
    tokens = list(WORD.finditer(text))
    matched = matcher.matched({token[0] for token in tokens})
    return _marked(text, [token.span() for token in tokens if token[0] in matched])


def excerpt(text, matcher, length=30):
    """About `length` words around the densest run of matches, cut at word boundaries with "…".

    The text is shown from its start when nothing in it matches (a hit on its title).
    """
    text = " ".join((text or "").split())
    tokens = list(WORD.finditer(text))
    if not tokens:
        return ""
    # Each distinct word is judged once; a long text repeats its words many times.
    words = WORD.findall(text)
    matched = matcher.matched(set(words))
    hit_at = [index for index, word in enumerate(words) if word in matched]
    count = len(tokens)
    best_start = 0
    if count > length and hit_at:
        # The first start of the window with the most matches: the count of a window only
        # rises where a match enters it, so the first best start is 0 or such a place.
        def in_window(start):
            return bisect.bisect_left(hit_at, start + length) - bisect.bisect_left(hit_at, start)

        starts = [0, *(hit - length + 1 for hit in hit_at if hit - length + 1 > 0)]
        best_start = max(starts, key=lambda start: (in_window(start), -start))
    after = bisect.bisect_left(hit_at, best_start)
    first_hit = hit_at[after] if after < len(hit_at) else best_start
    # Start a little before the first hit, so that the hit has some words before it.
    start = max(0, min(best_start, first_hit - 3))
    end = min(len(tokens), start + length)
    cut_from = 0 if start == 0 else tokens[start].start()
    # Keep the punctuation right after the last word (a full stop, a closing bracket).
    cut_to = len(text) if end == len(tokens) else tokens[end - 1].end()
    piece = text[cut_from:cut_to]
    spans = [
        (token.start() - cut_from, token.end() - cut_from)
        for token in tokens[start:end]
        if token[0] in matched
    ]
    marked = _marked(piece, spans)
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(tokens) else ""
    return mark_safe(f"{prefix}{marked}{suffix}")  # noqa: S308 - _marked escaped the text

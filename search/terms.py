"""What an entry is found and counted by: its words' keys at their positions, its synonym groups.

The index keeps, for every term (a word's key, or "=word:…" for a parent's word
and its synonyms), how many entries of each kind and municipality hold it
(SearchTermCount, search/counts.py), so that a one-word search reads its
filters' counts instead of visiting every hit. For those counts to be exact the
index and the count must agree on what matches, so both come from here: the
vector is written from the same positions that the synonym groups are matched
against, in Python, with no server-side configuration.
"""

import hashlib
from dataclasses import dataclass
from functools import cache

from search import text
from search.query import synonyms

# (field, weight): the title weighs most, where the text stands least.
FIELDS = (("title", "A"), ("body", "B"), ("context", "D"))
# A gap between fields, so that no phrase matches across the end of one and the start of the next.
FIELD_GAP = 10
# PostgreSQL keeps positions up to 16383 and stores later ones as 16383.
MAX_POSITION = 16383
GROUP_PREFIX = "="


@dataclass
class Terms:
    positions: dict  # {key: [(position, weight), …]}

    def vector(self):
        """The tsvector, written as PostgreSQL reads it: 'key':1A,7B …"""
        return " ".join(
            f"'{key}':" + ",".join(f"{position}{weight}" for position, weight in found)
            for key, found in sorted(self.positions.items())
        )

    def has_phrase(self, keys):
        """Whether the keys stand one after another somewhere, as `a <-> b` matches them."""
        if not keys or any(key not in self.positions for key in keys):
            return False
        first, *rest = keys
        at = {key: {position for position, _weight in self.positions[key]} for key in rest}
        return any(
            all(position + offset in at[key] for offset, key in enumerate(rest, start=1))
            for position, _weight in self.positions[first]
        )

    def counted(self):
        """Every term the entry is counted under: its keys and the synonym groups it holds."""
        return sorted(self.positions) + [
            term
            for term, alternatives in synonym_groups().values()
            if any(map(self.has_phrase, alternatives))
        ]


def phrase_keys(phrase):
    return tuple(text.key(word) for word in text.words(phrase) if not text.is_stop_word(word))


@cache
def synonym_groups():
    """{parent's word: (its term, (keys of each alternative, …))}: the word and its document words.

    The term names the alternatives too ("=mobning:1f0c2a"), so that after synonyms.yaml
    changes a group is never read from counts made for its old words: until the next rebuild
    it has none, and its searches count their hits (search/selectors.py).
    """
    groups = {}
    for word, targets in synonyms().items():
        alternatives = tuple(phrase_keys(alternative) for alternative in (word, *targets))
        fingerprint = hashlib.sha1(repr(alternatives).encode(), usedforsecurity=False).hexdigest()[:6]
        groups[word] = (f"{GROUP_PREFIX}{word}:{fingerprint}", alternatives)
    return groups


def of(fields):
    """The Terms of an entry's fields ({"title": …, "body": …, "context": …})."""
    positions, position = {}, 0
    for name, weight in FIELDS:
        for word in text.words(fields.get(name, "")):
            if text.is_stop_word(word):
                continue
            position += 1
            positions.setdefault(text.key(word), []).append((min(position, MAX_POSITION), weight))
        position += FIELD_GAP
    # One position holds one weight: at the cap a long text's later words share the last position.
    for key, found in positions.items():
        positions[key] = list(dict.fromkeys(found))
    return Terms(positions)

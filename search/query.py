"""What a visitor typed, read into clauses; the curated synonyms; the text-search queries built from them.

The syntax is the forgiving part of web search: words (all must be found),
"a phrase", -word (must not be found) and `eller`/`or` between two
alternatives. Anything else is ignored rather than refused, so that no input
can make a query fail: every word is a run of letters and digits before it
reaches PostgreSQL.
"""

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from search import text

SYNONYMS_FILE = Path(__file__).with_name("synonyms.yaml")
OR_WORDS = {"eller", "or"}
# A quoted phrase (closed or not), or any run of non-blanks.
RAW_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
MAX_CLAUSES = 12


@cache
def synonyms():
    """{parent's word: (document words or phrases, …)} from synonyms.yaml."""
    data = yaml.safe_load(SYNONYMS_FILE.read_text(encoding="utf-8")) or {}
    return {str(key).lower(): tuple(str(value).lower() for value in values) for key, values in data.items()}


def synonym_word(word):
    """The parent's word of synonyms.yaml that `word` is a form of, or ""."""
    table = synonyms()
    return word if word in table else text.lemma(word) if text.lemma(word) in table else ""


def synonyms_of(word):
    return synonyms().get(synonym_word(word), ())


@dataclass
class Clause:
    """One word or phrase of the query, with what else may stand in its place."""

    words: tuple
    negated: bool = False
    synonyms: tuple = ()
    correction: str = ""
    # Clauses joined by `eller` share a group; groups must all be found.
    group: int = 0

    @property
    def single(self):
        return len(self.words) == 1

    @property
    def own(self):
        """The visitor's own words and their correction: what outranks the synonyms."""
        return [self.words, (self.correction,)] if self.correction else [self.words]

    @property
    def expanded(self):
        """The alternatives that only the synonyms add."""
        return [alternative for alternative in self.alternatives if alternative not in self.own]

    @property
    def alternatives(self):
        """Each alternative is a tuple of words: the clause itself, its synonyms, its correction."""
        found = [self.words, *(tuple(text.words(s)) for s in self.synonyms)]
        if self.correction:
            found.append((self.correction,))
        return found


@dataclass
class ParsedQuery:
    clauses: list = field(default_factory=list)

    @property
    def positive(self):
        return [clause for clause in self.clauses if not clause.negated]

    @property
    def expansions(self):
        """The synonyms shown as "Viser også resultater for …", in order, once each."""
        return list(dict.fromkeys(s for clause in self.positive for s in clause.synonyms))

    @property
    def checkable_words(self):
        """Single words with no synonym: the ones a misspelling may hide in."""
        return list(dict.fromkeys(c.words[0] for c in self.positive if c.single and not c.synonyms))

    @property
    def expanded(self):
        """Whether synonyms add alternatives to the visitor's words: then those rank first."""
        return any(clause.expanded for clause in self.positive)

    def groups(self, own_words_only=False):
        """([the alternatives of each group], [each excluded word or phrase]): a hit holds one
        alternative of every group and no excluded word. With own_words_only, the visitor's
        own words (and corrections), not the synonyms."""
        groups, excluded = {}, []
        for clause in self.clauses:
            if clause.negated:
                excluded.append(clause.words)
            else:
                alternatives = clause.own if own_words_only else clause.alternatives
                groups.setdefault(clause.group, []).extend(alternatives)
        return list(groups.values()), excluded

    def terms(self):
        """Every word that a hit may match, for marking them in titles and excerpts."""
        return {
            word for clause in self.positive for alternative in clause.alternatives for word in alternative
        }


def parse(q):
    """The clauses of a query string, stop words dropped, synonyms attached."""
    parsed = ParsedQuery()
    group, join_next = -1, False
    for match in RAW_TOKEN.finditer(q):
        minus, quoted, bare = match.groups()
        if bare is not None and bare.lower() in OR_WORDS:
            join_next = bool(parsed.clauses)
            continue
        negated = bool(minus) or (bare is not None and bare.startswith("-"))
        words = tuple(w for w in text.words(quoted if bare is None else bare) if not text.is_stop_word(w))
        if not words or len(parsed.clauses) >= MAX_CLAUSES:
            join_next = False
            continue
        if not (join_next and not negated):
            group += 1
        join_next = False
        clause = Clause(words=words, negated=negated, group=group)
        if clause.single and not negated:
            clause.synonyms = synonyms_of(words[0])
        parsed.clauses.append(clause)
    return parsed


def tsquery(alternatives):
    """A tsquery over the index's keys (search/terms.py), written as PostgreSQL reads it with no
    configuration: alternatives joined by |, the words of a phrase by <->.

    Safe by construction: every key is a run of letters and digits.
    """
    phrases = []
    for words in alternatives:
        keys = [f"'{text.key(word)}'" for word in words]
        if keys:
            phrases.append("(" + " <-> ".join(keys) + ")")
    return " | ".join(dict.fromkeys(phrases))


def whole_tsquery(parsed, own_words_only=False):
    """The whole query as one tsquery (ParsedQuery.groups): its groups joined by &, a group's
    alternatives by |, an excluded word or phrase negated by !."""
    groups, excluded = parsed.groups(own_words_only)
    found = [f"({tsquery(alternatives)})" for alternatives in groups]
    return " & ".join([*found, *(f"!({tsquery([words])})" for words in excluded)])


def corrected(q, corrections):
    """The query string with each misspelt word replaced by its correction."""

    def replace(match):
        return corrections.get(match.group().lower(), match.group())

    return text.WORD.sub(replace, q)

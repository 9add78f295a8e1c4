"""Search over the stored index (SearchEntry): keys of words, synonyms, misspellings, filters.

On PostgreSQL every word of the query must be found by its key (the stem of its
lemma, search/terms.py) in the GIN-indexed vector of keys; a word that no entry
holds is compared with the index's list of words by trigram similarity (pg_trgm).
The filters' counts of a one-word search are read from SearchTermCount, kept
exact as the index is written; other searches count their hits. The best hits
are found by walking an index in the results' order. On SQLite the same clauses
are matched as text: the words themselves and their lemmas, with the nearest
word found by difflib instead of an index.
"""

import difflib
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQueryField
from django.db import connection
from django.db.models import BooleanField, Count, F, Func, Max, Q, TextField, Value
from django.db.models.functions import Cast, Concat

from search import counts, terms, text
from search.models import SearchEntry, SearchWord
from search.query import corrected, parse, synonym_word, tsquery

MAX_RESULTS = 50
# What a hit shows.
SHOWN = ("kind", "title", "body", "context", "url", "municipality_id", "priority")
EXCERPT_WORDS = 30
# Below this trigram similarity a "correction" is more often another word than the intended one.
MIN_SIMILARITY = 0.35


@dataclass
class Hit:
    url: str
    title: str  # marked HTML
    excerpt: str  # marked HTML
    meta: list


@dataclass
class Result:
    q: str
    hits: list = field(default_factory=list)
    total: int = 0
    kinds: list = field(default_factory=list)  # [(kind, count)]
    municipalities: list = field(default_factory=list)  # [(municipality, count)]
    all_municipalities_count: int = 0
    expansions: list = field(default_factory=list)
    suggestion: str = ""  # the whole query, corrected
    searchable: bool = True  # False when the query holds only stop words and signs


def _postgres():
    return connection.vendor == "postgresql"


def _corrections(words):
    """{misspelt word: the index's nearest word}, for words that match nothing as they stand.

    One query, also for no words, so that the page's query count stays the same.
    """
    lemmas = [text.lemma(word) for word in words]
    keys = [text.key(word) for word in words]
    table = SearchWord._meta.db_table
    if _postgres():
        with connection.cursor() as cursor:
            cursor.execute(
                f"""SELECT q.term,
                    EXISTS (SELECT 1 FROM {table} w WHERE w.word = q.lemma OR w.key = q.key),
                    nearest.word, nearest.score
                FROM unnest(%s::text[], %s::text[], %s::text[]) AS q(term, lemma, key)
                LEFT JOIN LATERAL (
                    SELECT w.word, similarity(w.word, q.term) AS score FROM {table} w
                    WHERE w.word %% q.term ORDER BY score DESC, w.entries DESC, w.word LIMIT 1
                ) nearest ON true""",  # noqa: S608 - the table name is ours, the words are parameters
                [words, lemmas, keys],
            )
            rows = cursor.fetchall()
        return {
            term: nearest
            for term, known, nearest, score in rows
            if not known and nearest and nearest != term and score >= MIN_SIMILARITY
        }
    known = dict(SearchWord.objects.values_list("word", "key"))
    keys_known = set(known.values())
    found = {}
    for word, lemma, key in zip(words, lemmas, keys, strict=True):
        if lemma in known or key in keys_known:
            continue
        nearest = difflib.get_close_matches(word, known, n=1, cutoff=0.75)
        if nearest and nearest[0] != word:
            found[word] = nearest[0]
    return found


class Matches(Func):
    """`vector @@ query`, the query written out as PostgreSQL reads it (search/query.py)."""

    arg_joiner = " @@ "
    template = "(%(expressions)s)"
    output_field = BooleanField()


def matching(query):
    """The entries whose vector matches `query`, a tsquery written out (search/query.py)."""
    return Q(Matches(F("terms"), Cast(Value(query), SearchQueryField())))


def _clause_condition(alternatives):
    if _postgres():
        return matching(tsquery(alternatives))
    condition = Q()
    for words in alternatives:
        phrase = " ".join(words)
        condition |= Q(title__icontains=phrase) | Q(body__icontains=phrase)
        condition |= Q(padded_lemmas__contains=" " + " ".join(text.lemma(word) for word in words) + " ")
    return condition


def _condition(parsed, own_words_only=False):
    """What a hit must match; with own_words_only, the visitor's words (and corrections), not synonyms."""
    groups = {}
    for clause in parsed.clauses:
        if clause.negated:
            alternatives = [clause.words]
        elif own_words_only:
            alternatives = clause.own
        else:
            alternatives = clause.alternatives
        condition = _clause_condition(alternatives)
        if clause.negated:
            groups[("not", clause.group)] = ~condition
        else:
            previous = groups.get(clause.group)
            groups[clause.group] = condition if previous is None else previous | condition
    combined = Q()
    for condition in groups.values():
        combined &= condition
    return combined


def _counted_term(parsed):
    """The candidate terms whose stored counts are exactly this query's (search/terms.py), or ().

    A single word is its key; a parent's word with synonyms is its group. A misspelt word and
    its correction are two keys; counts.cells() takes the one that entries hold.
    """
    if len(parsed.clauses) != 1 or parsed.clauses[0].negated or not parsed.clauses[0].single:
        return ()
    clause = parsed.clauses[0]
    (word,) = clause.words
    if clause.synonyms:
        group = synonym_word(word)
        return (terms.synonym_groups()[group][0],) if text.key(word) == text.key(group) else ()
    return tuple(dict.fromkeys(text.key(w) for (w,) in clause.alternatives))


def _cells(matched, parsed):
    """The hits' counts by (kind, municipality): stored for one word, counted for anything else.

    Stored counts are used when exactly one of the candidate terms has any: a misspelt word that
    nothing holds beside its correction is the correction's count. With none stored (a word
    nothing holds, a synonym group not yet rebuilt) counting finds what there is, at no cost
    for a word the index lacks.
    """
    if _postgres():
        candidates = _counted_term(parsed)
        if candidates:
            found = counts.cells(candidates)
            if len({term for term, *_cell in found}) == 1:
                return [cell for _term, *cell in found]
    return list(matched.values_list("kind", "municipality_id").annotate(n=Count("pk")).order_by())


def _best(entries, matched, parsed, municipality, kind, municipalities):
    """The best MAX_RESULTS hits: the visitor's own words before synonyms, then in INDEXED's order.

    Each tier is read by walking an index in that order until the page is full, so that a
    common word costs no more than a rare one.
    """
    entries = _filtered(entries, municipality, kind).only(*SHOWN)
    if any(clause.expanded for clause in parsed.positive):
        own = _condition(parsed, own_words_only=True)
        tiers = [entries.filter(own), entries.filter(matched).exclude(own)]
    else:
        tiers = [entries.filter(matched)]
    order = ("tier", "priority", "title", "id")
    ordered = [
        tier.annotate(tier=Value(number)).order_by(*order)[:MAX_RESULTS] for number, tier in enumerate(tiers)
    ]
    if len(ordered) > 1 and connection.features.supports_slicing_ordering_in_compound:
        ordered = [ordered[0].union(*ordered[1:], all=True).order_by(*order)[:MAX_RESULTS]]
    # SQLite cannot cut the parts of a UNION: there each tier is read on its own, in order.
    found = [entry for tier in ordered for entry in tier][:MAX_RESULTS]
    by_pk = {m.pk: m for m in municipalities}
    for entry in found:
        entry.municipality = by_pk.get(entry.municipality_id)
    return found


def _meta(entry, municipality):
    """Kind, where the text stands and the municipality, each said once."""
    parts = [entry.kind, *entry.context.split(" · ")]
    if municipality is None and entry.municipality is not None:
        parts.append(entry.municipality.name)
    title = entry.title.strip().casefold()
    first = {}
    for part in parts:
        first.setdefault(part.strip().casefold(), part.strip())
    first.pop("", None)
    keys, unique = list(first), list(first.values())
    # A part that another part already says ("Aktør" beside "De private aktører") goes.
    return [
        part
        for part, key in zip(unique, keys, strict=True)
        if key != title and not any(key != other and key in other for other in keys)
    ]


def _excerpt(entry, matcher):
    """A commitment's text is its title already: no excerpt repeats it."""
    if " ".join(entry.body.split()) == " ".join(entry.title.split()):
        return ""
    return text.excerpt(entry.body, matcher, EXCERPT_WORDS)


def _filtered(entries, municipality, kind):
    if municipality is not None:
        entries = entries.filter(municipality=municipality)
    if kind:
        entries = entries.filter(kind=kind)
    return entries


def _facets(cells, municipality, kind):
    """Counts by kind (within the chosen municipality) and by municipality (within the chosen kind)."""
    kinds, municipalities, total, everywhere = {}, {}, 0, 0
    for entry_kind, municipality_id, count in cells:
        in_municipality = municipality is None or municipality_id == municipality.pk
        of_kind = not kind or entry_kind == kind
        if in_municipality:
            kinds[entry_kind] = kinds.get(entry_kind, 0) + count
        if of_kind:
            everywhere += count
            if municipality_id is not None:
                municipalities[municipality_id] = municipalities.get(municipality_id, 0) + count
        if in_municipality and of_kind:
            total += count
    ordered_kinds = sorted(kinds.items(), key=lambda item: (-item[1], item[0]))
    return ordered_kinds, municipalities, total, everywhere


def last_changed():
    """When the searched content last changed: the newest entry of the index (search/changes.py)."""
    return SearchEntry.objects.aggregate(newest=Max("changed_at"))["newest"]


def find(q, municipalities, municipality=None, kind=""):
    """The hits for q, best first (at most MAX_RESULTS), with their filters' counts."""
    parsed = parse(q)
    result = Result(q=q)
    if not parsed.positive:
        result.searchable = False
        return result
    corrections = _corrections(parsed.checkable_words)
    for clause in parsed.positive:
        if clause.single and not clause.synonyms:
            clause.correction = corrections.get(clause.words[0], "")
    result.suggestion = corrected(q, corrections) if corrections else ""
    result.expansions = parsed.expansions
    entries = SearchEntry.objects.all()
    if not _postgres():
        entries = entries.annotate(
            padded_lemmas=Concat(
                Value(" "), "title_lemmas", Value(" "), "body_lemmas", Value(" "), output_field=TextField()
            )
        )
    matched = _condition(parsed)
    cells = _cells(entries.filter(matched), parsed)
    best = _best(entries, matched, parsed, municipality, kind, municipalities)
    result.kinds, counts, result.total, result.all_municipalities_count = _facets(cells, municipality, kind)
    result.municipalities = [(m, counts[m.pk]) for m in municipalities if m.pk in counts]
    matcher = text.Matcher(parsed.terms())
    result.hits = [
        Hit(
            url=entry.url,
            title=text.highlight(entry.title, matcher),
            excerpt=_excerpt(entry, matcher),
            meta=_meta(entry, municipality),
        )
        for entry in best
    ]
    return result

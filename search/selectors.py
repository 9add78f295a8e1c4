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
from django.db.models import BooleanField, Count, F, Func, Q, TextField, Value
from django.db.models.functions import Cast, Concat

from core import prepared
from search import counts, terms, text
from search.models import SearchEntry, SearchWord
from search.query import corrected, parse, synonym_word, whole_tsquery

MAX_RESULTS = 50
# What a hit shows, and the results' order: the visitor's own words before synonyms, then
# INDEXED's order (search/services.py), then the title.
SHOWN = ("kind", "title", "body", "context", "url", "municipality_id")
ORDER = ("tier", "priority", "title", "id")
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
    """The entries whose vector matches `query`: a tsquery written out (search/query.py), or
    the placeholder that stands for one in a query compiled once (core/prepared.py)."""
    return Q(Matches(F("terms"), Cast(Value(query) if isinstance(query, str) else query, SearchQueryField())))


def _alternatives_as_text(alternatives):
    condition = Q()
    for words in alternatives:
        phrase = " ".join(words)
        condition |= Q(title__icontains=phrase) | Q(body__icontains=phrase)
        condition |= Q(padded_lemmas__contains=" " + " ".join(text.lemma(word) for word in words) + " ")
    return condition


def _matched_as_text(parsed, own_words_only=False):
    """On SQLite, what whole_tsquery says on PostgreSQL, with each alternative matched as text."""
    groups, excluded = parsed.groups(own_words_only)
    condition = Q()
    for alternatives in groups:
        condition &= _alternatives_as_text(alternatives)
    for words in excluded:
        condition &= ~_alternatives_as_text([words])
    return condition


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


def _counted(placeholders):
    """The hits of a tsquery counted by (kind, municipality), where no stored counts say it."""
    (query,) = placeholders
    return (
        SearchEntry.objects.filter(matching(query))
        .values_list("kind", "municipality_id")
        .annotate(n=Count("pk"))
        .order_by()
    )


def _cells(parsed):
    """The hits' counts by (kind, municipality): stored for one word, counted for anything else.

    Stored counts are used when exactly one of the candidate terms has any: a misspelt word that
    nothing holds beside its correction is the correction's count. With none stored (a word
    nothing holds, a synonym group not yet rebuilt) counting finds what there is, at no cost
    for a word the index lacks.
    """
    if not _postgres():
        return list(
            _on_sqlite(SearchEntry.objects.all())
            .filter(_matched_as_text(parsed))
            .values_list("kind", "municipality_id")
            .annotate(n=Count("pk"))
            .order_by()
        )
    candidates = _counted_term(parsed)
    if candidates:
        found = counts.cells(candidates)
        if len({term for term, *_cell in found}) == 1:
            return [cell for _term, *cell in found]
    return prepared.rows_with(_counted, [whole_tsquery(parsed)])


def _tiers(parsed):
    """Each tier's tsquery, best first: the visitor's own words, then what only synonyms add."""
    whole = whole_tsquery(parsed)
    if not parsed.expanded:
        return [whole]
    own = whole_tsquery(parsed, own_words_only=True)
    return [own, f"({whole}) & !({own})"]


def _ranked(placeholders, tiers, by_municipality, by_kind, limit):
    """The best `limit` hits, compiled once for each shape of search (core/prepared.py): each
    tier's tsquery, then the chosen municipality and kind, are placeholders.

    Each tier is read by walking an index in the results' order until the page is full, so
    that a common word costs no more than a rare one.
    """
    chosen = iter(placeholders[tiers:])
    entries = SearchEntry.objects.all()
    if by_municipality:
        entries = entries.filter(municipality=next(chosen))
    if by_kind:
        entries = entries.filter(kind=next(chosen))
    parts = [
        entries.filter(matching(query))
        .annotate(tier=Value(number))
        .order_by(*ORDER)
        .values_list(*SHOWN, "tier", "priority", "id")[:limit]
        for number, query in enumerate(placeholders[:tiers])
    ]
    if len(parts) == 1:
        return parts[0]
    return parts[0].union(*parts[1:], all=True).order_by(*ORDER)[:limit]


def _best(parsed, municipality, kind):
    """The best MAX_RESULTS hits' SHOWN columns, in the results' order."""
    if _postgres():
        tiers = _tiers(parsed)
        chosen = [municipality.pk] if municipality is not None else []
        chosen += [kind] if kind else []
        values = [*tiers, *chosen]
        return prepared.rows_with(
            _ranked, values, len(tiers), municipality is not None, bool(kind), MAX_RESULTS
        )
    # SQLite cannot cut the parts of a UNION: there each tier is read on its own, in order.
    entries = _filtered(_on_sqlite(SearchEntry.objects.all()), municipality, kind)
    matched = _matched_as_text(parsed)
    if parsed.expanded:
        own = _matched_as_text(parsed, own_words_only=True)
        tiers = [entries.filter(own), entries.filter(matched).exclude(own)]
    else:
        tiers = [entries.filter(matched)]
    found = [row for tier in tiers for row in tier.order_by(*ORDER[1:]).values_list(*SHOWN)[:MAX_RESULTS]]
    return found[:MAX_RESULTS]


def _meta(kind, title, context, place):
    """Kind, where the text stands and the municipality (`place`, None when it goes without
    saying), each said once."""
    parts = [kind, *context.split(" · ")]
    if place is not None:
        parts.append(place.name)
    title = title.strip().casefold()
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


def _excerpt(title, body, matcher):
    """A commitment's text is its title already: no excerpt repeats it."""
    if " ".join(body.split()) == " ".join(title.split()):
        return ""
    return text.excerpt(body, matcher, EXCERPT_WORDS)


def _on_sqlite(entries):
    """The entries with their lemmas as one padded text, matched word by word on SQLite."""
    return entries.annotate(
        padded_lemmas=Concat(
            Value(" "), "title_lemmas", Value(" "), "body_lemmas", Value(" "), output_field=TextField()
        )
    )


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


def _newest(_placeholders):
    return SearchEntry.objects.exclude(changed_at=None).order_by("-changed_at").values_list("changed_at")[:1]


def last_changed():
    """When the searched content last changed: the newest entry of the index (search/changes.py)."""
    newest = prepared.rows_with(_newest, [])
    return newest[0][0] if newest else None


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
    cells = _cells(parsed)
    best = _best(parsed, municipality, kind)
    result.kinds, counts, result.total, result.all_municipalities_count = _facets(cells, municipality, kind)
    result.municipalities = [(m, counts[m.pk]) for m in municipalities if m.pk in counts]
    matcher = text.Matcher(parsed.terms())
    by_pk = {m.pk: m for m in municipalities}
    result.hits = [
        Hit(
            url=url,
            title=text.highlight(title, matcher),
            excerpt=_excerpt(title, body, matcher),
            meta=_meta(hit_kind, title, context, None if municipality else by_pk.get(municipality_id)),
        )
        for hit_kind, title, body, context, url, municipality_id, *_order in best
    ]
    return result

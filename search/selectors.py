"""Search over the stored index (SearchEntry): stems and lemmas, synonyms, misspellings, filters.

On PostgreSQL every word of the query must be found in the stemmed vector
(`danish`) or in the vector of lemmas (`simple`, lemmas computed in Python),
both GIN-indexed; a word that is in neither and not in the index's list of
words is compared with that list by trigram similarity (pg_trgm). On SQLite
the same clauses are matched as text: the words themselves and their lemmas,
with the nearest word found by difflib instead of an index.
"""

import difflib
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Count, F, Max, Q, TextField, Value
from django.db.models.functions import Concat

from search import text
from search.models import SearchEntry, SearchWord
from search.query import corrected, lemma_tsquery, parse, stem_tsquery
from search.services import LEMMA_CONFIG, SEARCH_CONFIG

MAX_RESULTS = 50
# What a hit shows.
SHOWN = ("kind", "title", "body", "context", "url", "municipality")
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
    stems = [text.stem(word) for word in words]
    table = SearchWord._meta.db_table
    if _postgres():
        with connection.cursor() as cursor:
            cursor.execute(
                f"""SELECT q.term,
                    EXISTS (SELECT 1 FROM {table} w WHERE w.word = q.lemma OR w.stem = q.stem),
                    nearest.word, nearest.score
                FROM unnest(%s::text[], %s::text[], %s::text[]) AS q(term, lemma, stem)
                LEFT JOIN LATERAL (
                    SELECT w.word, similarity(w.word, q.term) AS score FROM {table} w
                    WHERE w.word %% q.term ORDER BY score DESC, w.entries DESC, w.word LIMIT 1
                ) nearest ON true""",  # noqa: S608 - the table name is ours, the words are parameters
                [words, lemmas, stems],
            )
            rows = cursor.fetchall()
        return {
            term: nearest
            for term, known, nearest, score in rows
            if not known and nearest and nearest != term and score >= MIN_SIMILARITY
        }
    known = dict(SearchWord.objects.values_list("word", "stem"))
    stems_known = set(known.values())
    found = {}
    for word, lemma, stem in zip(words, lemmas, stems, strict=True):
        if lemma in known or stem in stems_known:
            continue
        nearest = difflib.get_close_matches(word, known, n=1, cutoff=0.75)
        if nearest and nearest[0] != word:
            found[word] = nearest[0]
    return found


def _clause_condition(alternatives):
    if _postgres():
        return Q(vector=SearchQuery(stem_tsquery(alternatives), config=SEARCH_CONFIG, search_type="raw")) | Q(
            lemma_vector=SearchQuery(lemma_tsquery(alternatives), config=LEMMA_CONFIG, search_type="raw")
        )
    condition = Q()
    for words in alternatives:
        phrase = " ".join(words)
        condition |= Q(title__icontains=phrase) | Q(body__icontains=phrase)
        condition |= Q(padded_lemmas__contains=" " + " ".join(text.lemma(word) for word in words) + " ")
    return condition


def _condition(parsed):
    groups = {}
    for clause in parsed.clauses:
        alternatives = [clause.words] if clause.negated else clause.alternatives
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


def _ranked(entries, parsed):
    if _postgres():
        everything = [a for clause in parsed.positive for a in clause.alternatives]
        direct = [clause.words for clause in parsed.positive]
        stems = SearchQuery(stem_tsquery(everything), config=SEARCH_CONFIG, search_type="raw")
        lemmas = SearchQuery(lemma_tsquery(direct), config=LEMMA_CONFIG, search_type="raw")
        # The lemma rank counts only the visitor's own words, so that they outrank synonyms.
        rank = SearchRank(F("vector"), stems) + SearchRank(F("lemma_vector"), lemmas)
        return entries.annotate(rank=rank).order_by("-rank", "title")
    return entries.order_by("title")


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


def _cells_and_best(matched, parsed, municipality, kind, municipalities):
    """The hits' counts by (kind, municipality) and the best MAX_RESULTS shown entries, in order.

    On PostgreSQL one statement: the hits are found once (one bitmap scan of the GIN indexes and
    one visit of their rows), ranked in the same pass, then both counted and cut to the best,
    which two queries would each do for every hit. Only the best rows' texts leave the server.
    """
    if not _postgres():
        cells = list(matched.values_list("kind", "municipality_id").annotate(n=Count("pk")).order_by())
        shown = _filtered(matched, municipality, kind).select_related("municipality").only(*SHOWN)
        return cells, list(_ranked(shown, parsed)[:MAX_RESULTS])
    hits = _ranked(matched, parsed).order_by().values("id", "kind", "municipality_id", "title", "rank")
    sql, params = hits.query.sql_with_params()
    chosen = municipality.pk if municipality is not None else None
    table = SearchEntry._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"""WITH hits AS MATERIALIZED ({sql})
            SELECT kind, municipality_id, count(*), NULL, NULL, NULL, NULL, NULL FROM hits
            GROUP BY kind, municipality_id
            UNION ALL
            SELECT best.kind, best.municipality_id, row_number() OVER (ORDER BY best.rank DESC, best.title),
                e.id, e.title, e.body, e.context, e.url
            FROM (
                SELECT id, kind, municipality_id, rank, title FROM hits
                WHERE (%s::integer IS NULL OR municipality_id = %s) AND (%s = '' OR kind = %s)
                ORDER BY rank DESC, title LIMIT %s
            ) best JOIN {table} e ON e.id = best.id""",  # noqa: S608 - the ORM's SQL, parameters
            [*params, chosen, chosen, kind, kind, MAX_RESULTS],
        )
        rows = cursor.fetchall()
    by_pk = {m.pk: m for m in municipalities}
    cells = [
        (row_kind, municipality_id, n) for row_kind, municipality_id, n, pk, *_text in rows if pk is None
    ]
    best = sorted(
        (row for row in rows if row[3] is not None),
        key=lambda row: row[2],  # the position
    )
    best = [
        SearchEntry(
            pk=pk,
            kind=row_kind,
            municipality=by_pk.get(municipality_id),
            title=title,
            body=body,
            context=context,
            url=url,
        )
        for row_kind, municipality_id, _position, pk, title, body, context, url in best
    ]
    return cells, best


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
    matched = entries.filter(_condition(parsed))
    cells, best = _cells_and_best(matched, parsed, municipality, kind, municipalities)
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

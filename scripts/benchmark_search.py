"""Search that forgives at 100 000 entries: median and p95 of plain, inflected, misspelt, expanded queries.

scripts/benchmark.py calls measure() once its search benchmark has added
100 000 commitments and rebuilt the index. Run alone, this script does the
same on a database of its own (DATABASE_URL names the PostgreSQL server; with
`scripts/with-postgres .venv/bin/python scripts/benchmark_search.py`
a throwaway one). It is bounded: RUNS searches per query, each a fraction of
a second.

Every timing is the whole of selectors.find(), i.e. what the search page
asks of the database and of Python: the word check (pg_trgm), the counts for
the filters, the ranked hits, and the marked titles and excerpts.
"""

import os
import random
import statistics
import sys
import time
from pathlib import Path

from benchdb import fresh_database, manage, p95

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BENCH_DB = "policyhub_benchmark_search"
EXTRA_COMMITMENTS = 100_000
RUNS = 25

# (kind of query, queries): a common and a rarer word of each kind.
QUERIES = [
    ("plain", ["fællesskaber", "tovholder"]),
    ("inflected", ["trivslen", "børnehaverne"]),
    ("misspelt", ["fælesskab", "bornehave"]),
    ("expanded", ["mobning", "ensomhed"]),
    # Counted hit by hit rather than read from SearchTermCount.
    ("two words", ["børn skole"]),
    ("eller", ["trivsel eller skole"]),
]


def measure():
    """Print median and p95 in ms for each kind of query; the index must already be built."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from organisation.models import Municipality
    from search.models import SearchEntry, SearchWord
    from search.selectors import find

    # What autovacuum does on a running site after a rebuild: the dead rows of the old index go.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE search_searchentry")
        cursor.execute("VACUUM ANALYZE search_searchword")
        cursor.execute("VACUUM ANALYZE search_searchtermcount")
    municipalities = list(Municipality.objects.all())
    print(
        f"\nForgiving search: {SearchEntry.objects.count()} entries, {SearchWord.objects.count()} words, "
        f"{RUNS} runs per query (whole selectors.find(): word check, filter counts, ranked hits, excerpts)"
    )
    print(f"{'kind':<10} {'query':<14} {'hits':>7} {'queries':>8} {'median':>10} {'p95':>10}  note")
    for kind, queries in QUERIES:
        for q in queries:
            with CaptureQueriesContext(connection) as captured:
                find(q, municipalities)  # also warms the caches a running site has warm
            timings = []
            for _ in range(RUNS):
                started = time.perf_counter()
                result = find(q, municipalities)
                timings.append(time.perf_counter() - started)
            note = []
            if result.suggestion:
                note.append(f"Mente du {result.suggestion}")
            if result.expansions:
                note.append("også " + ", ".join(result.expansions))
            print(
                f"{kind:<10} {q:<14} {result.total:>7} {len(captured):>8}"
                f" {statistics.median(timings) * 1000:>8.1f}ms {p95(timings) * 1000:>8.1f}ms"
                f"  {'; '.join(note)}"
            )


def add_commitments():
    """Add EXTRA_COMMITMENTS commitments written from the real content's own vocabulary (so that a
    word is as rare among them as in real text) and rebuild the index; returns the seconds it took."""
    from policies.models import Commitment, Theme
    from search.models import SearchEntry
    from search.services import rebuild_index

    theme = Theme.objects.get(policy__municipality__slug="herning", slug="dannelse")
    vocabulary = sorted(
        {word for text in SearchEntry.objects.values_list("body", flat=True) for word in text.split()}
    )
    generator = random.Random(2026)  # noqa: S311 - test data, not secrets
    started = time.perf_counter()
    Commitment.objects.bulk_create(
        (
            Commitment(theme=theme, order=1000 + index, text=" ".join(generator.choices(vocabulary, k=14)))
            for index in range(EXTRA_COMMITMENTS)
        ),
        batch_size=5000,
    )
    rebuild_index()
    return time.perf_counter() - started


def main():
    env = {
        **os.environ,
        "DATABASE_URL": fresh_database(BENCH_DB),
        "DJANGO_SETTINGS_MODULE": "policyhub.settings.test",
    }
    manage("migrate", "--noinput", "-v0", env=env)
    manage("load_content", "-v0", env=env)
    os.environ.update(env)
    import django

    django.setup()
    print(f"Indexed {EXTRA_COMMITMENTS} extra commitments in {add_commitments():.1f} s")
    measure()


if __name__ == "__main__":
    main()

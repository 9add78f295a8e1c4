"""Throughput and latency of the pages against the framework floor, and of search.

Run with `make benchmark`: it needs the DATABASE_URL of a PostgreSQL server
(scripts/with-postgres provides a throwaway one) and creates its own database
there, so nothing else is touched. Timings are printed, never asserted:
speed is measured here, while the tests assert exact query counts.

1. Pages (scripts/benchmark_pages.py): the real site and a bare Django view
   (the framework floor) side by side under gunicorn, each page's throughput
   from the page cache and uncached as a share of the floor's, then the
   in-process render time of every page.
2. Search with the stored, GIN-indexed vector against the same search with
   the vector computed from the text in the query (what an index on the
   expression alone leaves for ranking), with 100 000 extra commitments;
   then the search page's own find() (scripts/benchmark_search.py): median
   and p95 of plain, inflected, misspelt and expanded queries.
"""

import os
import statistics
import sys
import time
from pathlib import Path

import benchmark_search as benchmark_search_page
from benchdb import fresh_database, manage
from benchmark_pages import benchmark_pages

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BENCH_DB = "policyhub_benchmark"


def benchmark_search():
    import django

    django.setup()
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
    from django.db.models import F

    from search.models import SearchEntry
    from search.services import SEARCH_CONFIG

    elapsed = benchmark_search_page.add_commitments()
    print(
        f"\nSearch: {SearchEntry.objects.count()} entries "
        f"({benchmark_search_page.EXTRA_COMMITMENTS} extra commitments, indexed in {elapsed:.1f} s)"
    )

    computed_vector = SearchVector("title", weight="A", config=SEARCH_CONFIG) + SearchVector(
        "body", weight="B", config=SEARCH_CONFIG
    )
    # A common word (in about one entry in eight) and a rare one.
    for word in ("fællesskaber", "tovholder"):
        query = SearchQuery(word, config=SEARCH_CONFIG, search_type="websearch")
        stored = (
            SearchEntry.objects.filter(vector=query)
            .annotate(rank=SearchRank(F("vector"), query))
            .order_by("-rank")[:50]
        )
        computed = (
            SearchEntry.objects.annotate(document=computed_vector)
            .filter(document=query)
            .annotate(rank=SearchRank(F("document"), query))
            .order_by("-rank")[:50]
        )
        matching = SearchEntry.objects.filter(vector=query).count()
        print(f"\n'{word}': {matching} matching entries")
        for label, queryset in (("stored vector, GIN index", stored), ("vector computed per row", computed)):
            timings = []
            for _ in range(7):
                started = time.perf_counter()
                hits = len(list(queryset.all()))  # .all(): a fresh query, not the cached rows
                timings.append(time.perf_counter() - started)
            print(
                f"  {label:<26} median {statistics.median(timings) * 1000:8.1f} ms over 7 runs, {hits} shown"
            )
        plan = " / ".join(line.strip() for line in stored.explain().splitlines() if "Scan" in line)
        print(f"  plan (stored): {plan}")
    # The page's own search (lemmas, misspellings, synonyms, filters) on the same 100 000 entries.
    benchmark_search_page.measure()


def main():
    env = {
        **os.environ,
        "DATABASE_URL": fresh_database(BENCH_DB),
        "DJANGO_SETTINGS_MODULE": "policyhub.settings.test",
    }
    manage("migrate", "--noinput", "-v0", env=env)
    manage("load_content", "-v0", env=env)
    benchmark_pages(env["DATABASE_URL"])
    os.environ.update(env)
    benchmark_search()


if __name__ == "__main__":
    main()

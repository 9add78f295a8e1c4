"""Throughput and latency of the pages against the framework floor, and of search.

Run with `make benchmark`: it needs the DATABASE_URL of a PostgreSQL server
(scripts/with-postgres provides a throwaway one) and creates its own database
there, so nothing else is touched. Timings are printed, never asserted:
speed is measured here, while the tests assert exact query counts.

1. Pages (scripts/benchmark_pages.py): the real site and a bare Django view
   (the framework floor) side by side under gunicorn, each page's throughput
   from the page cache and uncached as a share of the floor's, then the
   in-process render time of every page.
2. Search with 100 000 extra commitments: the search page's own find()
   (scripts/benchmark_search.py), median and p95 of plain, inflected,
   misspelt and expanded queries.
"""

import os
import sys
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
    from search.models import SearchEntry

    elapsed = benchmark_search_page.add_commitments()
    print(
        f"\nSearch: {SearchEntry.objects.count()} entries "
        f"({benchmark_search_page.EXTRA_COMMITMENTS} extra commitments, indexed in {elapsed:.1f} s)"
    )
    # The page's own search (keys, misspellings, synonyms, filters) on the same 100 000 entries.
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

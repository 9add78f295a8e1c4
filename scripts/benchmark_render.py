"""In-process render time of pages, without HTTP and without the page cache.

    benchmark_render.py PATH...   (run by scripts/benchmark_pages.py with the production settings)

Each page is requested through Django's test client (the whole middleware stack, DEBUG
off, the cached template loader) for RENDER_SECONDS after a warm-up; prints the median
and 95th percentile per request and the number of queries.
"""

import os
import statistics
import sys
import time
from pathlib import Path

from benchdb import p95

sys.path.insert(0, str(Path.cwd()))

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

# Started as a gunicorn worker starts: production settings, the dictionary read, the heap frozen.
import policyhub.wsgi  # noqa: F401

SECONDS = float(os.environ.get("RENDER_SECONDS", "1.5"))


def measure(client, path):
    for _ in range(3):
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
    with CaptureQueriesContext(connection) as captured:
        client.get(path)
    queries = len(captured)  # now: every request empties the connection's query log
    timings = []
    deadline = time.monotonic() + SECONDS
    while time.monotonic() < deadline or len(timings) < 5:
        started = time.perf_counter()
        client.get(path)
        timings.append(time.perf_counter() - started)
    timings.sort()
    return statistics.median(timings) * 1000, p95(timings) * 1000, queries, len(response.content)


def main(paths):
    client = Client(SERVER_NAME="127.0.0.1", HTTP_HOST="127.0.0.1")
    print(f"\nIn process, uncached (test client, DEBUG off, {SECONDS} s per page)")
    print(f"{'page':<58} {'median':>8} {'p95':>8} {'queries':>8} {'bytes':>8}")
    slowest = (0, "")
    for path in paths:
        median, p95, queries, size = measure(client, path)
        slowest = max(slowest, (median, path))
        print(f"{path[:58]:<58} {median:>6.1f}ms {p95:>6.1f}ms {queries:>8} {size:>8}")
    print(f"Slowest page in process: {slowest[1]} at {slowest[0]:.1f} ms (goal: at most 15 ms)")


if __name__ == "__main__":
    main(sys.argv[1:])

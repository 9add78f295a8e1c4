"""`make benchmark-national`: the site on the synthetic national dataset (98 municipalities,
~100,000 goals; content/synthetic.py), uncached.

Needs the DATABASE_URL of a PostgreSQL server (scripts/with-postgres gives a throwaway
one); creates its own database there, generates the dataset into it, then requests each
kind of page in process (Django's test client, DEBUG off, page cache off) across many
municipalities and search terms, and prints p50/p95 and the number of queries. Timings
are printed, never asserted.
"""

import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchdb import fresh_database, manage, p95

ROOT = Path(__file__).resolve().parent.parent
DATABASE = "policyhub_national"
ROUNDS = int(os.environ.get("NATIONAL_ROUNDS", "40"))
# Common, rare, inflected, misspelt (trivsl), expanded by synonyms (mobning, ensomhed) and two words.
SEARCHES = [
    "fællesskaber",
    "trivsel",
    "skole",
    "forældre",
    "sundhedspleje",
    "ungdomsskole",
    "trivsl",
    "læring",
    "mobning",
    "ensomhed",
    "børn+skole",
]
GOALS = {
    "search": [f"/soeg/?q={word}" for word in SEARCHES],
    # `eller` and `-word` over common words: counted hit by hit, not read (README, Search).
    "search, eller/-": ["/soeg/?q=trivsel+eller+skole", "/soeg/?q=trivsel+-skole"],
    # The first page of 50 goals, and a later page sorted by progress (every goal is read and
    # sorted either way).
    "goal overview": [f"/syntetisk-{number:03}/maal/" for number in range(1, 99, 7)]
    + [f"/syntetisk-{number:03}/maal/?sorter=-fremdrift&side=4" for number in range(4, 99, 14)],
    "policy": [f"/syntetisk-{number:03}/politikker/boerne-og-ungepolitik/" for number in range(1, 99, 7)],
    "municipality": [f"/syntetisk-{number:03}/" for number in range(1, 99, 7)],
    "front page": ["/"],
    # Every municipality's goals counted by their legal basis, on one page.
    "coverage": ["/daekning/"],
}
# Pages other work adds; measured when they answer 200. The comparison shows six
# municipalities without a choice.
OPTIONAL = {
    "comparison": [
        "/sammenlign/",
        "/sammenlign/?kommune=syntetisk-001&kommune=syntetisk-050&kommune=syntetisk-098",
    ]
}
TARGETS = {"search": 20, "goal overview": 100, "comparison": 200}


def prepare(env):
    manage("migrate", "--noinput", "-v0", env=env)
    started = time.perf_counter()
    manage("generate_national_dataset", env=env)
    print(f"Dataset generated and indexed in {time.perf_counter() - started:.0f} s (wall clock)")
    manage("collectstatic", "--noinput", "-v0", env=env)


def measure():
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    import policyhub.wsgi  # noqa: F401 - started as a gunicorn worker starts (see benchmark_render.py)

    client = Client(SERVER_NAME="127.0.0.1", HTTP_HOST="127.0.0.1")
    pages = dict(GOALS)
    for kind, paths in OPTIONAL.items():
        found = [path for path in paths if client.get(path).status_code == 200]
        if found:
            pages[kind] = found
    print(f"\nNational dataset, in process, uncached, {ROUNDS} rounds over each kind's pages")
    print(f"{'page':<16} {'p50':>8} {'p95':>8} {'target':>7} {'queries':>9} {'bytes':>9}")
    for kind, paths in pages.items():
        counts, sizes = set(), []
        for path in paths:  # warm up, and count the queries
            with CaptureQueriesContext(connection) as captured:
                response = client.get(path)
            assert response.status_code == 200, (path, response.status_code)
            counts.add(len(captured))
            sizes.append(len(response.content))
        timings = []
        for round_ in range(ROUNDS):
            path = paths[round_ % len(paths)]
            started = time.perf_counter()
            client.get(path)
            timings.append((time.perf_counter() - started) * 1000)
        target = f"{TARGETS[kind]} ms" if kind in TARGETS else ""
        queries = "/".join(str(count) for count in sorted(counts))
        print(
            f"{kind:<16} {statistics.median(timings):>6.1f}ms {p95(timings):>6.1f}ms {target:>7} {queries:>9}"
            f" {max(sizes):>9}"
        )


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "measure":
        measure()
        return
    env = {
        **os.environ,
        "DATABASE_URL": fresh_database(DATABASE),
        "DJANGO_SETTINGS_MODULE": "policyhub.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "SECURE_SSL_REDIRECT": "0",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "PAGE_CACHE": "0",
        "LOG_LEVEL": "WARNING",
        "CACHE_DIR": str(Path(tempfile.gettempdir()) / "policyhub-national-cache"),
    }
    prepare(env)
    subprocess.run(
        [sys.executable, __file__, "measure"], cwd=ROOT, env={**env, "PYTHONPATH": str(ROOT)}, check=True
    )


if __name__ == "__main__":
    main()

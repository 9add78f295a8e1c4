"""`make run` serves the site from an embedded SQLite database, while the rest of the suite runs
on PostgreSQL. Code that reaches for PostgreSQL's own SQL (arrays, unnest, full-text search) must
keep a path that SQLite understands, so every kind of public page is requested here against the
bundled content loaded into SQLite, the way `make run` loads it.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PATHS = [
    "/",
    "/herning/",
    "/herning/politikker/boerne-og-ungepolitik/",
    "/herning/politikker/boerne-og-ungepolitik/dannelse/",
    "/lyngby-taarbaek/politikker/sammenhaengende-boerne-og-ungepolitik/",
    "/herning/maal/",
    "/herning/maal/?sorter=-fremdrift",
    "/herning/maal/maal.csv",
    "/herning/aendringer/",
    "/herning/aendringer/atom.xml",
    "/herning/organisation/",
    "/herning/organisation/bou/",
    "/herning/strategier/herningmodellen/",
    "/retsgrundlag/",
    "/retsgrundlag/serviceloven/par-19-stk-2/",
    "/daekning/",
    "/sammenlign/",
    "/sammenlign/?kommune=herning&kommune=lyngby-taarbaek",
    "/soeg/",
    "/soeg/?q=trivsel",
    # the visitor's own word and its synonyms, read as two tiers
    "/soeg/?q=mobning",
    "/soeg/?q=f%C3%A6lesskab",
    "/api/v1/",
    "/api/v1/goal/?format=json",
    "/sitemap.xml",
]
# Requested in the child process: Django's test client against the SQLite database of DATABASE_URL.
REQUEST_EVERY_PATH = """
import json, sys
import django
django.setup()
from django.test import Client
client = Client(raise_request_exception=False)
print(json.dumps({path: client.get(path).status_code for path in json.loads(sys.argv[1])}))
"""


@pytest.mark.slow
def test_every_kind_of_page_answers_on_the_embedded_database(tmp_path):
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "policyhub.settings.dev",
        "ALLOWED_HOSTS": "testserver",
    }

    def run(*args):
        result = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr[-3000:]
        return result.stdout

    run(sys.executable, "manage.py", "migrate", "--noinput", "-v0")
    run(sys.executable, "manage.py", "load_content", "--skip-existing", "-v0")
    statuses = json.loads(run(sys.executable, "-c", REQUEST_EVERY_PATH, json.dumps(PATHS)).splitlines()[-1])
    assert statuses == dict.fromkeys(PATHS, 200)

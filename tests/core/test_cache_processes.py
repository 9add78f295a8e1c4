"""Two app servers on one PostgreSQL and one shared cache: an admin edit made through one
is on the next anonymous page of the other.

The servers are real processes (gunicorn, one worker each) on a copy of the test
database, so that their committed writes never reach the other tests. The shared cache is
Redis when the machine has redis-server (as production, REDIS_URL), and a cache directory
both servers use otherwise.
"""

import http.cookiejar
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.db import connection

from policies.models import Commitment
from tests.helpers.pages import HERNING_POLICY

pytestmark = pytest.mark.slow

ROOT = Path(settings.BASE_DIR)
THEME = HERNING_POLICY + "dannelse/"
COPY = "policyhub_two_processes"
PASSWORD = "to-processer-Kodeord-2026!"
STAFF_OPTIONS = ["--municipality", "herning", "--password-from-env", "TWO_PROCESS_PASSWORD"]
NEW_TEXT = "Vi vil vise denne tekst fra begge app-servere med det samme."


class FormFields(HTMLParser):
    """The fields of a page's POST form, as a browser would submit them unchanged."""

    def __init__(self):
        super().__init__()
        self.fields, self.in_form, self.textarea, self.select = [], False, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("method", "").lower() == "post":
            self.in_form = True
        if not self.in_form or ("name" not in attrs and tag != "option"):
            return
        if tag == "input" and attrs.get("type") not in {"submit", "button", "file"}:
            if attrs.get("type") not in {"checkbox", "radio"} or "checked" in attrs:
                self.fields.append((attrs["name"], attrs.get("value", "on" if "checked" in attrs else "")))
        elif tag == "textarea":
            self.textarea = [attrs["name"], ""]
        elif tag == "select":
            self.select = attrs["name"]
        elif tag == "option" and self.select and "selected" in attrs:
            self.fields.append((self.select, attrs.get("value", "")))

    def handle_data(self, data):
        if self.textarea:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self.textarea:
            self.fields.append(tuple(self.textarea))
            self.textarea = None
        elif tag == "select":
            self.select = None
        elif tag == "form":
            self.in_form = False


@contextmanager
def database_copy(template):
    """A copy of the test database, made while no connection is open to it."""
    server = {**connection.settings_dict}
    connection.close()
    admin = {
        "host": server["HOST"],
        "port": server["PORT"] or None,
        "user": server["USER"],
        "dbname": "postgres",
    }
    with psycopg.connect(**admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{COPY}"')
        try:
            conn.execute(f'CREATE DATABASE "{COPY}" TEMPLATE "{template}"')
            copied = True
        except psycopg.errors.ObjectInUse:  # another session on the test database: build it anew
            conn.execute(f'CREATE DATABASE "{COPY}"')
            copied = False
    try:
        yield {**admin, "dbname": COPY, "copied": copied}
    finally:
        with psycopg.connect(**admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{COPY}" WITH (FORCE)')


@contextmanager
def shared_cache(directory):
    binary = shutil.which("redis-server")
    if binary is None:
        yield {"CACHE_DIR": str(directory / "cache")}
        return
    socket_path = directory / "redis.sock"
    redis = subprocess.Popen(
        [binary, "--port", "0", "--unixsocket", str(socket_path), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            if socket_path.exists():
                break
            time.sleep(0.05)
        yield {"REDIS_URL": f"unix://{socket_path}"}
    finally:
        redis.terminate()
        redis.wait(timeout=10)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def app_servers(env, count=2):
    ports = [free_port() for _ in range(count)]
    processes = [
        subprocess.Popen(
            [
                str(ROOT / ".venv/bin/gunicorn"),
                "policyhub.wsgi",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "1",
                # Each its own control socket: gunicorn's default is one per user.
                "--control-socket",
                str(Path(env["CONTROL_DIR"]) / f"gunicorn-{port}.ctl"),
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=(Path(env["CONTROL_DIR"]) / f"gunicorn-{port}.log").open("w"),
        )
        for port in ports
    ]
    try:
        for port in ports:
            wait_for(f"http://127.0.0.1:{port}/", Path(env["CONTROL_DIR"]) / f"gunicorn-{port}.log")
        yield [f"http://127.0.0.1:{port}" for port in ports]
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=10)


def wait_for(url, log):
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(url, timeout=30).read()
            return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            if time.monotonic() > deadline:
                print(log.read_text())
                raise
            time.sleep(0.2)


def get(url):
    # Behind a load balancer every app server sees the site's one host name.
    request = urllib.request.Request(url, headers={"Host": "boernepolitik.test"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.headers.get("X-Page-Cache"), response.read().decode()


def fields_of(html):
    parser = FormFields()
    parser.feed(html)
    return parser.fields


def admin_edit(base, pk, text, env):
    """Sign in as a Herning editor and change a commitment's text in its change form."""
    subprocess.run(
        [sys.executable, "manage.py", "create_staff_user", "fra-proces-a", *STAFF_OPTIONS],
        cwd=ROOT,
        env={**env, "TWO_PROCESS_PASSWORD": PASSWORD},
        check=True,
        capture_output=True,
    )
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def submit(url, changes):
        html = browser.open(url, timeout=30).read().decode()
        fields = [(name, value) for name, value in fields_of(html) if name not in changes]
        body = urllib.parse.urlencode(fields + list(changes.items())).encode()
        request = urllib.request.Request(url, data=body, headers={"Referer": url})
        with browser.open(request, timeout=30) as response:
            return response.url, response.read().decode()

    login = f"{base}/admin/login/?next=/admin/"
    submit(login, {"username": "fra-proces-a", "password": PASSWORD})
    change = f"{base}/admin/policies/commitment/{pk}/change/"
    landed, html = submit(change, {"text": text, "_save": "Gem"})
    assert landed.endswith("/admin/policies/commitment/"), html[:2000]


# Not in a transaction (the servers must see the copy's committed state), and flushing
# none of the content the other tests read: `available_apps` names an app without tables.
@pytest.mark.django_db(transaction=True, available_apps=["core"])
def test_an_admin_edit_on_one_app_server_shows_on_the_other():
    if True:
        commitment = Commitment.objects.filter(
            theme__policy__municipality__slug="herning", theme__slug="dannelse"
        ).order_by("order")[0]
        template = connection.settings_dict["NAME"]
        with database_copy(template) as database, tempfile.TemporaryDirectory() as directory:
            socket_dir = urllib.parse.quote(database["host"] or "", safe="")
            env = {
                **{
                    name: value
                    for name, value in os.environ.items()
                    if name not in {"REDIS_URL", "CACHE_DIR"}
                },
                "DJANGO_SETTINGS_MODULE": "policyhub.settings.test",
                "DATABASE_URL": f"postgres://{database['user']}@{socket_dir}/{COPY}",
                "PAGE_CACHE": "1",
                "LOG_LEVEL": "WARNING",
            }
            if not database["copied"]:
                for command in (["migrate", "-v0"], ["load_content", "-v0"]):
                    subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True)
            with shared_cache(Path(directory)) as cache_env:
                env.update(cache_env, CONTROL_DIR=directory)
                with app_servers(env) as (first, second):
                    assert get(f"{second}{THEME}")[0] == "miss"
                    status, page = get(f"{second}{THEME}")
                    assert (status, commitment.text in page) == ("hit", True)
                    assert get(f"{first}{THEME}")[0] == "hit"  # one cache for both

                    admin_edit(first, commitment.pk, NEW_TEXT, env)

                    status, page = get(f"{second}{THEME}")
                    assert NEW_TEXT in page
                    assert status == "miss"
                    assert NEW_TEXT in get(f"{first}{THEME}")[1]
                    assert NEW_TEXT in get(f"{second}{HERNING_POLICY}")[1]

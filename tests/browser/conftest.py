"""The real site, served by gunicorn from its own database, driven by Chromium.

The site runs as a separate process on a database of its own
(``policyhub_browser`` in the PostgreSQL server that ``scripts/with-postgres``
started), migrated and loaded with the bundled content exactly as a deployment
would be. pytest-django's ``live_server`` is not used: it forces
``transactional_db``, which flushes the content that ``tests/conftest.py``
loads once per session.

The fixtures are package-scoped, i.e. they live for the whole browser suite and
no longer: Playwright's sync API keeps an asyncio loop running in the main
thread while it is started, and Django then refuses every ORM call
(SynchronousOnlyOperation) in the database tests that run after this package.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
import psycopg
import pytest
from psycopg import sql

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# One database per pytest-xdist worker: each worker serves the site from its own.
BROWSER_DB = f"policyhub_browser_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
PHONE = {
    "viewport": {"width": 360, "height": 740},
    "is_mobile": True,
    "has_touch": True,
    "device_scale_factor": 2,
}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}


def _database_url():
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        pytest.fail(
            "The browser tests need the PostgreSQL server of scripts/with-postgres "
            f"(DATABASE_URL is {url!r}). Run: scripts/with-postgres .venv/bin/pytest tests/browser",
            pytrace=False,
        )
    return url


def _admin_connection(url):
    config = dj_database_url.parse(url)
    return psycopg.connect(
        dbname=config["NAME"],
        user=config.get("USER") or None,
        password=config.get("PASSWORD") or None,
        host=config.get("HOST") or None,
        port=config.get("PORT") or None,
        autocommit=True,
    )


def _recreate_database(url):
    with _admin_connection(url) as connection:
        connection.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(BROWSER_DB))
        )
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(BROWSER_DB)))


def _drop_database(url):
    with _admin_connection(url) as connection:
        connection.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(BROWSER_DB))
        )


def _manage(env, *args):
    # System checks are not this suite's subject (the admin's checks fail while it is being built);
    # gunicorn does not run them either.
    result = subprocess.run(
        [sys.executable, "manage.py", *args, "--skip-checks"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if result.returncode != 0:
        pytest.fail(
            f"manage.py {' '.join(args)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}",
            pytrace=False,
        )


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_answering(url, process, log_path, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"gunicorn exited with {process.returncode}:\n{log_path.read_text()}", pytrace=False)
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError:
            return  # it answers, even if with an error status; the tests say what is wrong
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"gunicorn did not answer on {url} within {timeout}s:\n{log_path.read_text()}", pytrace=False)


@pytest.fixture(scope="package")
def site_url():
    """The base URL (no trailing slash) of the real site, served by gunicorn."""
    admin_url = _database_url()
    _recreate_database(admin_url)
    env = {
        **os.environ,
        "DATABASE_URL": urlsplit(admin_url)._replace(path=f"/{BROWSER_DB}").geturl(),
        "DJANGO_SETTINGS_MODULE": "policyhub.settings.test",
    }
    process = None
    try:
        _manage(env, "migrate", "--noinput", "-v0")
        _manage(env, "load_content", "-v0")
        # STATIC_ROOT is not read from the environment: collect into the default (staticfiles/).
        _manage(env, "collectstatic", "--noinput", "-v0")
        port = _free_port()
        ARTIFACTS.mkdir(exist_ok=True)
        log_path = ARTIFACTS / "gunicorn.log"
        with log_path.open("w") as log:
            process = subprocess.Popen(
                [GUNICORN, "policyhub.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        base_url = f"http://127.0.0.1:{port}"
        _wait_until_answering(base_url + "/", process, log_path)
        yield base_url
    finally:
        if process is not None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        _drop_database(admin_url)


@pytest.fixture(scope="package")
def playwright_driver():
    if not CHROMIUM.exists() or shutil.which(str(CHROMIUM)) is None:
        pytest.fail(
            f"Chromium is missing at {CHROMIUM}; the browser tests need it. Run `make browser`.",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="package")
def browser(playwright_driver):
    browser = playwright_driver.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
    )
    yield browser
    browser.close()


@pytest.fixture
def new_context(browser, site_url):
    """Factory for browser contexts on the site; all are closed after the test."""
    contexts = []

    def make(device="desktop", **options):
        settings = {**(PHONE if device == "phone" else DESKTOP), "locale": "da-DK", "base_url": site_url}
        context = browser.new_context(**settings, **options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def phone_page(new_context):
    return new_context("phone").new_page()


@pytest.fixture
def desktop_page(new_context):
    return new_context("desktop").new_page()


@pytest.fixture(params=["phone", "desktop"])
def page(request, new_context):
    """The same journey on a phone and on a desktop."""
    return new_context(request.param).new_page()

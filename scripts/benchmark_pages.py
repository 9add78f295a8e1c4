"""The pages part of `make benchmark`: every public page against the framework floor.

Two gunicorn servers run side by side on loopback, each with 2 sync workers and the
production settings on the same PostgreSQL and the same Redis (or, without
redis-server, the same cache directory): the real site, and the floor
(scripts/benchmark_floor.py), a bare Django view returning the bytes of Herning's policy
page. Each page is loaded for SECONDS by wrk (2 threads, 16 connections; Python threads
when wrk is missing), once from the page cache and once with the cache bypassed (a
request with a session cookie renders the page anew), and its throughput is printed as
a share of the floor's, measured in the same run: each cached page between two
measurements of the floor, whose mean is its reference (uncached pages: the mean of all
floor measurements). The uncached pages come last, each followed by a wait until the
workers have worked off what wrk left queued.

Then every page is rendered in-process (Django's test client, DEBUG off, the cached
template loader, the page cache off) to give the uncached time per request without HTTP.
Timings are printed, never asserted.
"""

import http.client
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITE_ROOT = Path(os.environ.get("BENCHMARK_SITE_ROOT", ROOT))
SECONDS = float(os.environ.get("BENCHMARK_SECONDS", "5"))
CONNECTIONS = 16
POLICY = "/herning/politikker/boerne-og-ungepolitik/"
PAGES = [
    "/",
    "/herning/",
    POLICY,
    POLICY + "dannelse/",
    "/herning/maal/",
    "/herning/organisation/",
    "/herning/organisation/bou/",
    "/herning/strategier/herningmodellen/",
    "/lyngby-taarbaek/",
    "/lyngby-taarbaek/politikker/sammenhaengende-boerne-og-ungepolitik/",
    "/lyngby-taarbaek/maal/",
    "/retsgrundlag/",
    "/retsgrundlag/serviceloven/",
    "/retsgrundlag/serviceloven/par-19-stk-2/",
    "/daekning/",
    "/soeg/?q=f%C3%A6llesskaber",
    "/soeg/",
]
# Pages other work may add; measured when they answer 200, skipped otherwise.
OPTIONAL_PAGES = ["/sammenlign/", "/herning/aendringer/"]


def production_env(database_url, cache_env):
    return {
        **os.environ,
        **cache_env,
        "DJANGO_SETTINGS_MODULE": "policyhub.settings.production",
        "DATABASE_URL": database_url,
        "SECRET_KEY": secrets.token_urlsafe(50),
        "SECURE_SSL_REDIRECT": "0",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "TRUSTED_PROXY_COUNT": "0",
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(SITE_ROOT),
    }


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Services:
    """Redis on a private Unix socket when the machine has redis-server; a cache directory
    otherwise. Both are shared by every process started with `cache_env`."""

    def __init__(self):
        self.directory = Path(tempfile.mkdtemp(prefix="policyhub-bench-"))
        self.redis = None

    def __enter__(self):
        binary = shutil.which("redis-server")
        if binary:
            socket_path = self.directory / "redis.sock"
            self.redis = subprocess.Popen(
                [binary, "--port", "0", "--unixsocket", str(socket_path), "--save", "", "--appendonly", "no"],
                stdout=subprocess.DEVNULL,
            )
            for _ in range(100):
                if socket_path.exists():
                    break
                time.sleep(0.05)
            self.cache_env = {"REDIS_URL": f"unix://{socket_path}"}
        else:
            self.cache_env = {"CACHE_DIR": str(self.directory / "cache")}
        return self

    def __exit__(self, *exc):
        if self.redis:
            self.redis.terminate()
            self.redis.wait(timeout=10)
        shutil.rmtree(self.directory, ignore_errors=True)


def start_gunicorn(app, env, *extra):
    port = free_port()
    process = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            app,
            *("--bind", f"127.0.0.1:{port}", "--workers", "2", *extra),
            # Each its own control socket: gunicorn's default is one per user.
            *("--control-socket", str(Path(tempfile.gettempdir()) / f"policyhub-bench-{port}.ctl")),
        ],
        cwd=SITE_ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(300):
        try:
            get(port, "/")
            return process, port
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{app} did not start")


def get(port, path, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def load_with_wrk(port, path, headers):
    command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{max(1, round(SECONDS))}s", "--latency"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    output = subprocess.run(
        [*command, f"http://127.0.0.1:{port}{path}"], capture_output=True, text=True, check=True
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    median = re.search(r"50%\s+([\d.]+)(us|ms|s)", output)
    scale = {"us": 0.001, "ms": 1, "s": 1000}
    return rate, float(median.group(1)) * scale[median.group(2)], int(errors.group(1)) if errors else 0


def load_with_threads(port, path, headers):
    deadline = time.monotonic() + SECONDS
    timings, errors = [], []

    def client():
        while time.monotonic() < deadline:
            started = time.perf_counter()
            status, _body = get(port, path, headers)
            timings.append(time.perf_counter() - started)
            if status != 200:
                errors.append(status)

    threads = [threading.Thread(target=client) for _ in range(CONNECTIONS)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return len(timings) / (time.perf_counter() - started), statistics.median(timings) * 1000, len(errors)


def load(port, path, headers=None):
    loader = load_with_wrk if shutil.which("wrk") else load_with_threads
    return loader(port, path, headers or {})


def settle(port, deadline=60):
    """Wait until the workers have answered what wrk left queued: a cached page comes back fast."""
    stop = time.monotonic() + deadline
    while time.monotonic() < stop:
        started = time.perf_counter()
        get(port, "/")
        if time.perf_counter() - started < 0.05:
            return


def benchmark_pages(database_url):
    """Throughput of every page, cached and uncached, as a share of the floor's."""
    with Services() as services:
        env = production_env(database_url, services.cache_env)
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
            cwd=SITE_ROOT,
            env=env,
            check=True,
        )
        site, site_port = start_gunicorn("policyhub.wsgi", env)
        body = services.directory / "floor.html"
        # The session cookie makes the site render the page rather than take it from the cache.
        body.write_bytes(get(site_port, POLICY, {"Cookie": "sessionid=benchmark"})[1])
        floor, floor_port = start_gunicorn(
            "benchmark_floor:application",
            {**env, "FLOOR_BODY": str(body)},
            "--pythonpath",
            str(ROOT / "scripts"),
        )
        try:
            pages = PAGES + [path for path in OPTIONAL_PAGES if get(site_port, path)[0] == 200]
            tool = "wrk -t2 -c16" if shutil.which("wrk") else f"{CONNECTIONS} Python threads"
            print(f"\nPages: gunicorn, 2 sync workers each, {tool}, {SECONDS:.0f} s per measurement")
            # Each page from the cache between two measurements of the floor, and its share
            # taken of their mean: on a machine shared with other work the load drifts within
            # a run, and a floor measured minutes away says little about a page's moment.
            # Then every page uncached: a slow page leaves its queued requests to the workers
            # after wrk has stopped, which would otherwise be counted against the next page.
            floors = [load(floor_port, POLICY)]
            cached = {}
            for path in pages:
                cached[path] = load(site_port, path)
                floors.append(load(floor_port, POLICY))
            uncached = {}
            for path in pages:
                uncached[path] = load(site_port, path, {"Cookie": "sessionid=benchmark"})
                settle(site_port)
            rates = [rate for rate, _median, _errors in floors]
            floor_rate = statistics.mean(rates)
            print(
                f"{'floor (bare Django view, policy bytes)':<58} {floor_rate:>8.0f} req/s"
                f" (from {min(rates):.0f} to {max(rates):.0f} over {len(rates)} measurements)"
            )
            print(
                f"\n{'page':<58} {'cached':>8} {'floor':>6} {'ratio':>6} {'median':>8}"
                f" {'uncached':>9} {'ratio':>6}"
            )
            shares = []
            for index, path in enumerate(pages):
                hit, miss = cached[path], uncached[path]
                beside = (rates[index] + rates[index + 1]) / 2
                shares.append(hit[0] / beside)
                flag = "" if hit[2] == 0 and miss[2] == 0 else f"  ({hit[2] + miss[2]} errors)"
                print(
                    f"{path[:58]:<58} {hit[0]:>8.0f} {beside:>6.0f} {hit[0] / beside:>6.2f} {hit[1]:>6.1f}ms"
                    f" {miss[0]:>9.1f} {miss[0] / floor_rate:>6.3f}{flag}"
                )
            worst = min(shares)
            print(f"\nLowest share of the floor, cached: {worst:.2f} (goal: at least 0.50)")
        finally:
            for process in (site, floor):
                process.terminate()
                process.wait(timeout=10)
        in_process(env, pages)


def in_process(env, pages):
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "benchmark_render.py"), *pages],
        cwd=SITE_ROOT,
        env={**env, "PAGE_CACHE": "0"},
        check=True,
    )

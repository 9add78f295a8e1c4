"""The pages part of `make benchmark`: every public page against the framework floor.

Two gunicorn servers run side by side on loopback, each with 2 sync workers and the
production settings on the same PostgreSQL and the same Redis (or, without
redis-server, the same cache directory): the real site, and the floor
(scripts/benchmark_floor.py), a bare Django view returning the bytes of Herning's policy
page. Each page is loaded for SECONDS by wrk (2 threads, 16 connections; Python threads
when wrk is missing), once from the page cache and once with the cache bypassed (a
request with a session cookie renders the page anew), and its throughput is printed as
a share of the floor's, measured in the same run. The floor is measured before and after
the pages, and their mean is the reference.

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
OPTIONAL_PAGES = ["/sammenlign/", "/aendringer/", "/herning/maal/aendringer/"]


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
            before = load(floor_port, POLICY)
            print(
                f"{'floor (bare Django view, policy bytes)':<58} {before[0]:>8.0f} req/s {before[1]:>7.1f} ms"
            )
            results = []
            for path in pages:
                cached = load(site_port, path)
                uncached = load(site_port, path, {"Cookie": "sessionid=benchmark"})
                results.append((path, cached, uncached))
            after = load(floor_port, POLICY)
            floor_rate = (before[0] + after[0]) / 2
            print(f"{'floor again':<58} {after[0]:>8.0f} req/s {after[1]:>7.1f} ms")
            print(f"\n{'page':<58} {'cached':>8} {'ratio':>6} {'median':>8} {'uncached':>9} {'ratio':>6}")
            for path, cached, uncached in results:
                flag = "" if cached[2] == 0 and uncached[2] == 0 else f"  ({cached[2] + uncached[2]} errors)"
                print(
                    f"{path[:58]:<58} {cached[0]:>8.0f} {cached[0] / floor_rate:>6.2f} {cached[1]:>6.1f}ms"
                    f" {uncached[0]:>9.1f} {uncached[0] / floor_rate:>6.3f}{flag}"
                )
            worst = min(cached[0] / floor_rate for _path, cached, _uncached in results)
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

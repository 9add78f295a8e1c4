"""Bounded trials of the production setup on this machine, loopback only.

    scripts/with-postgres .venv/bin/python scripts/trial.py load      # 64 connections, 60 s
    scripts/with-postgres .venv/bin/python scripts/trial.py restart   # PostgreSQL restart under load

Both start gunicorn with the production settings and deploy/gunicorn.conf.py on a free
port of 127.0.0.1, against the throwaway PostgreSQL of scripts/with-postgres (migrated,
with the bundled content), send requests to the main pages as the reverse proxy would
(X-Forwarded-Proto: https) after 5 s of warming up, and stop gunicorn at the end. `load` fails on any error;
`restart` restarts PostgreSQL (pg_ctl restart -m fast) in the middle, reports the failed
requests and the window in which they failed, checks that no gunicorn worker was
restarted, and fails if errors lasted a second or more. Options: --connections,
--seconds, --workers. The environment is passed on: `PAGE_CACHE=0` makes every request
render its page and read the database (the page cache otherwise answers most of them).
"""

import argparse
import http.client
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import unquote, urlsplit

BASE = Path(__file__).resolve().parent.parent
PYTHON = str(BASE / ".venv" / "bin" / "python")
PAGES = [
    "/",
    "/herning/",
    "/lyngby-taarbaek/",
    "/herning/politikker/boerne-og-ungepolitik/",
    "/herning/politikker/boerne-og-ungepolitik/dannelse/",
    "/lyngby-taarbaek/politikker/sammenhaengende-boerne-og-ungepolitik/",
    "/herning/strategier/herningmodellen/",
    "/herning/maal/",
    "/lyngby-taarbaek/maal/",
    "/herning/organisation/",
    "/retsgrundlag/",
    "/retsgrundlag/serviceloven/par-19-stk-2/",
    "/soeg/?q=f%C3%A6llesskab",
]
MAX_REQUESTS = 2_000_000  # a bound of its own, whatever the duration


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def environment():
    env = dict(os.environ)
    if "DATABASE_URL" not in env:
        sys.exit("Run under scripts/with-postgres, which sets DATABASE_URL.")
    env.update(
        DJANGO_SETTINGS_MODULE="policyhub.settings.production",
        SECRET_KEY=secrets.token_urlsafe(60),
        ALLOWED_HOSTS="127.0.0.1",
        LOG_LEVEL="WARNING",
    )
    return env


def prepare(env):
    for command in (["migrate", "--noinput", "-v0"], ["load_content", "--skip-existing", "-v0"]):
        subprocess.run([PYTHON, "manage.py", *command], cwd=BASE, env=env, check=True)
    subprocess.run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=BASE, env=env, check=True)


class Server:
    def __init__(self, env, workers):
        self.port = free_port()
        self.dir = tempfile.mkdtemp(prefix="policyhub-trial-")
        env = dict(env, PORT=str(self.port), WEB_CONCURRENCY=str(workers))
        env["GUNICORN_CONTROL_SOCKET"] = os.path.join(self.dir, "gunicorn.ctl")
        self.log = open(os.path.join(self.dir, "gunicorn.log"), "w")  # noqa: SIM115
        # No recycling after max_requests: a trial's tens of thousands of requests would recycle
        # every worker, and a worker that was replaced must mean one that failed.
        self.process = subprocess.Popen(
            [str(BASE / ".venv" / "bin" / "gunicorn"), "-c", "deploy/gunicorn.conf.py", "--access-logfile",
             os.devnull, "--max-requests", "0", "policyhub.wsgi"],
            cwd=BASE, env=env, stdout=self.log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if get(self.port, "/robots.txt")[0] == 200:
                    return
            except OSError:
                time.sleep(0.2)
        self.stop()
        sys.exit("gunicorn did not start; see " + self.log.name)

    def workers(self):
        pids = []
        for entry in Path("/proc").iterdir():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue
            if fields[1] == str(self.process.pid):
                pids.append(int(entry.name))
        return sorted(pids)

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


def get(port, path, connection=None):
    connection = connection or http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path, headers={"Host": "127.0.0.1", "X-Forwarded-Proto": "https"})
    response = connection.getresponse()
    response.read()
    return response.status, connection


def load(port, connections, seconds, events=None):
    """Send requests from `connections` threads for `seconds`; return a list of (start, end, outcome)."""
    stop_at = time.monotonic() + seconds
    results = []
    lock = threading.Lock()
    sent = Counter()

    def client(number):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        index = number
        while time.monotonic() < stop_at and sent["n"] < MAX_REQUESTS:
            path = PAGES[index % len(PAGES)]
            index += 1
            start = time.monotonic()
            try:
                status, connection = get(port, path, connection)
                outcome = status
            except (OSError, http.client.HTTPException) as exc:
                outcome = type(exc).__name__
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            with lock:
                sent["n"] += 1
                results.append((start, time.monotonic(), outcome, path))

    threads = [threading.Thread(target=client, args=(n,)) for n in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def summary(results, seconds):
    outcomes = Counter(outcome for _s, _e, outcome, _p in results)
    latencies = sorted(end - start for start, end, _o, _p in results)

    def percentile(p):
        return latencies[min(len(latencies) - 1, int(len(latencies) * p))] * 1000

    print(f"requests: {len(results)} in {seconds} s = {len(results) / seconds:.1f}/s")
    print(f"outcomes: {dict(outcomes)}")
    print(f"latency ms: p50 {percentile(0.5):.0f}, p95 {percentile(0.95):.0f}, p99 {percentile(0.99):.0f}, "
          f"max {latencies[-1] * 1000:.0f}")  # fmt: skip
    return [result for result in results if result[2] != 200]


def run_load(args, env):
    server = Server(env, args.workers)
    try:
        print(f"load: {args.connections} connections for {args.seconds} s, {len(PAGES)} pages, "
              f"gunicorn with {args.workers} workers on 127.0.0.1:{server.port}")  # fmt: skip
        load(server.port, args.connections, 5)  # warm up: the first requests of a worker are slow
        failures = summary(load(server.port, args.connections, args.seconds), args.seconds)
    finally:
        server.stop()
    print(f"errors: {len(failures)}")
    return 1 if failures else 0


def restart_postgres(env):
    socket_dir = unquote(urlsplit(env["DATABASE_URL"]).hostname or "")
    data = os.path.join(socket_dir, "data")
    pg_ctl = subprocess.run(
        [str(BASE / "scripts" / "pg-bin"), "pg_ctl"], capture_output=True, text=True, check=True
    )
    command = [
        pg_ctl.stdout.strip(),
        "-D",
        data,
        "-m",
        "fast",
        "-w",
        "restart",
        "-l",
        os.path.join(socket_dir, "server.log"),
    ]
    if os.geteuid() == 0:
        command = ["runuser", "-u", "postgres", "--", *command]
    return subprocess.run(command, capture_output=True, text=True, check=True)


def run_restart(args, env):
    server = Server(env, args.workers)
    try:
        before = server.workers()
        outcome = {}

        def restart_later():
            time.sleep(args.seconds / 3)
            outcome["start"] = time.monotonic()
            restart_postgres(env)
            outcome["end"] = time.monotonic()

        load(server.port, args.connections, 5)  # warm up: the first requests of a worker are slow
        restarter = threading.Thread(target=restart_later)
        restarter.start()
        print(f"restart: {args.connections} connections for {args.seconds} s; pg_ctl restart -m fast "
              f"after {args.seconds / 3:.0f} s; gunicorn with {args.workers} workers")  # fmt: skip
        results = load(server.port, args.connections, args.seconds)
        restarter.join()
        after = server.workers()
    finally:
        server.stop()
    failures = summary(results, args.seconds)
    print(f"PostgreSQL restarted in {outcome['end'] - outcome['start']:.2f} s (pg_ctl restart -m fast -w)")
    # The window in which errors were answered: from the first failed answer to the last.
    window = (
        (max(e for _s, e, _o, _p in failures) - min(e for _s, e, _o, _p in failures)) if failures else 0.0
    )
    print(f"failed requests: {len(failures)}; error window: {window:.2f} s")
    print(f"gunicorn workers restarted: {'no' if before == after else f'yes ({before} -> {after})'}")
    return 0 if window < 1 and before == after else 1


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("trial", choices=["load", "restart"])
    parser.add_argument("--connections", type=int, default=None)
    parser.add_argument("--seconds", type=int, default=None)
    parser.add_argument("--workers", type=int, default=os.cpu_count() * 2 + 1)
    args = parser.parse_args()
    args.connections = min(args.connections or (64 if args.trial == "load" else 16), 256)
    args.seconds = min(args.seconds or (60 if args.trial == "load" else 15), 600)
    env = environment()
    prepare(env)
    return run_load(args, env) if args.trial == "load" else run_restart(args, env)


if __name__ == "__main__":
    sys.exit(main())

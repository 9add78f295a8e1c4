"""What the benchmarks share: a database of their own on the PostgreSQL server of
DATABASE_URL, manage.py run against it, and the 95th percentile of timings."""

import os
import statistics
import subprocess
import sys
from pathlib import Path

import dj_database_url
import psycopg

ROOT = Path(__file__).resolve().parent.parent


def fresh_database(name):
    """Drop and create database `name` beside DATABASE_URL's; returns its URL."""
    server = dj_database_url.parse(os.environ["DATABASE_URL"])
    with psycopg.connect(
        host=server["HOST"],
        port=server["PORT"] or None,
        user=server["USER"],
        dbname=server["NAME"],
        autocommit=True,
    ) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return os.environ["DATABASE_URL"].rsplit("/", 1)[0] + f"/{name}"


def manage(*args, env):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def p95(timings):
    return statistics.quantiles(timings, n=20)[-1]

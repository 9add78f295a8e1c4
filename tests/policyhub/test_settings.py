"""Production settings refuse what would be unsafe to serve."""

import os
import subprocess
import sys

from django.conf import settings


def import_production(**env):
    environment = {key: value for key, value in os.environ.items() if key != "SECRET_KEY"}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-c", "import policyhub.settings.production"],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_refuses_to_start_without_a_real_secret_key():
    result = import_production(DATABASE_URL="postgres://u@localhost/db")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_sqlite():
    result = import_production(SECRET_KEY="x" * 60, DATABASE_URL="sqlite:///tmp.db")
    assert result.returncode != 0
    assert "Production runs on PostgreSQL" in result.stderr


def test_production_starts_with_a_key_and_postgres():
    result = import_production(SECRET_KEY="x" * 60, DATABASE_URL="postgres://u@localhost/db")
    assert result.returncode == 0, result.stderr

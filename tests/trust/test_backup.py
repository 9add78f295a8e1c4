"""`make backup` and `make restore` round-trip a database: every table, every row."""

import os
import subprocess

import psycopg
import pytest
from django.conf import settings
from django.db import connection
from psycopg import sql
from psycopg.conninfo import make_conninfo

pytestmark = [pytest.mark.slow, pytest.mark.django_db]
RESTORED = "policyhub_restore_test"


def conninfo(dbname):
    params = connection.settings_dict
    return make_conninfo(
        dbname=dbname, host=params["HOST"] or None, port=params["PORT"] or None, user=params["USER"] or None
    )


def tables(info):
    with psycopg.connect(info, autocommit=True) as db:
        names = [
            row[0]
            for row in db.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
            )
        ]
        return {
            name: sorted(
                map(repr, db.execute(sql.SQL("SELECT * FROM {}").format(sql.Identifier(name))).fetchall())
            )
            for name in names
        }


def run(script, *args, database):
    environment = {**os.environ, "DATABASE_URL": database}
    return subprocess.run(
        [str(settings.BASE_DIR / "scripts" / script), *args],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )


def test_a_backup_restores_into_a_fresh_database_with_every_row(tmp_path):
    source = conninfo(connection.settings_dict["NAME"])
    server = conninfo("postgres")
    with psycopg.connect(server, autocommit=True) as db:
        db.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(RESTORED)))
        db.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(RESTORED)))
    try:
        backup = tmp_path / "policyhub.dump"
        run("backup", str(backup), database=source)
        assert backup.stat().st_size > 0
        run("restore", str(backup), database=conninfo(RESTORED))
        original, restored = tables(source), tables(conninfo(RESTORED))
        assert set(restored) == set(original)
        assert sum(len(rows) for rows in original.values()) > 1000  # the bundled content is there
        for name in original:
            assert restored[name] == original[name], name
        # Restoring again over the restored database (--clean) gives the same again.
        run("restore", str(backup), database=conninfo(RESTORED))
        assert tables(conninfo(RESTORED)) == original
    finally:
        with psycopg.connect(server, autocommit=True) as db:
            db.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(RESTORED)))

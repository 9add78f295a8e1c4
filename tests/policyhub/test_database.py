"""What PostgreSQL keeps for a connection: the plans of the queries it runs again and again."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.db import connection

from organisation.models import Municipality

# A query of its own: no fixture or page runs it before the test does.
WEBSITE_ONLY = 'SELECT "organisation_municipality"."website" AS "website" FROM'


@pytest.mark.django_db
def test_a_query_run_five_times_is_prepared(herning):
    def prepared():
        with connection.cursor() as cursor:
            cursor.execute("SELECT statement FROM pg_prepared_statements")
            statements = [statement for (statement,) in cursor.fetchall()]
        return [statement for statement in statements if statement.startswith(WEBSITE_ONLY)]

    def read():
        return list(Municipality.objects.filter(slug=herning.slug).values_list("website"))

    read()
    assert prepared() == []  # once is not yet worth a plan kept on the server
    for _ in range(5):
        read()
    (statement,) = prepared()
    assert "$1" in statement  # bound by the server: the same plan serves every municipality


def test_prepared_statements_can_be_turned_off_for_a_pooler():
    read = "from policyhub.settings.base import DATABASES; print(DATABASES['default']['OPTIONS'])"
    result = subprocess.run(
        [sys.executable, "-c", read],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DATABASE_URL": "postgres://u@localhost/db", "PG_PREPARE_THRESHOLD": ""},
        capture_output=True,
        text=True,
        check=True,
    )
    assert "'prepare_threshold': None" in result.stdout

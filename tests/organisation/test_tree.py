"""The organisation tree: invariants hold, and tree writes are serialised."""

import psycopg
import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from organisation import services
from organisation.models import OrganisationUnit
from organisation.tree_checks import tree_problems

pytestmark = pytest.mark.django_db


def test_bundled_tree_is_valid(capsys):
    call_command("check_tree")
    assert "Organisationstræet er gyldigt (22 enheder)" in capsys.readouterr().out


def test_check_finds_a_corrupted_node(herning):
    unit = OrganisationUnit.objects.get(municipality=herning, slug="cbl")
    OrganisationUnit.objects.filter(pk=unit.pk).update(rght=unit.lft)
    assert tree_problems()
    with pytest.raises(CommandError, match="fejl i organisationstræet"):
        call_command("check_tree")


def test_tree_writes_take_a_lock_other_connections_must_wait_for(herning):
    settings = connection.settings_dict
    with services.tree_write():
        other = psycopg.connect(
            host=settings["HOST"],
            port=settings["PORT"] or None,
            user=settings["USER"],
            dbname=settings["NAME"],
            autocommit=True,
        )
        try:
            taken = other.execute(
                "SELECT pg_try_advisory_xact_lock(%s)", [services.TREE_LOCK_KEY]
            ).fetchone()[0]
        finally:
            other.close()
    assert taken is False

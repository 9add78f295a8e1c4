"""Shared fixtures.

The bundled content is loaded once per test session into the test database,
so every test reads the real Herning and Lyngby-Taarbæk content; each test
runs in a transaction that is rolled back.
"""

import io

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client

from legal.models import Instrument
from organisation.models import Municipality
from tests.helpers.admin import PASSWORD, build_content


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_content", verbosity=0)


@pytest.fixture
def herning(db):
    return Municipality.objects.get(slug="herning")


@pytest.fixture
def lyngby(db):
    return Municipality.objects.get(slug="lyngby-taarbaek")


# Staff and admin content: two municipalities' worth of items to attack and edit.


@pytest.fixture
def instrument(db):
    return Instrument.objects.create(
        title="Lov om zebraer",
        short_title="Zebraloven",
        slug="zebraloven",
        kind="act",
        bindingness="danish_law",
        summary="En lov til prøve.",
    )


@pytest.fixture
def content(herning, lyngby, instrument):
    return {"herning": build_content(herning, instrument), "lyngby": build_content(lyngby, instrument)}


def staff_user(monkeypatch, username, municipality, *extra):
    monkeypatch.setenv("ADMIN_TEST_PASSWORD", PASSWORD)
    call_command(
        "create_staff_user",
        username,
        "--municipality",
        municipality,
        "--password-from-env",
        "ADMIN_TEST_PASSWORD",
        *extra,
        stdout=io.StringIO(),
    )
    return User.objects.get(username=username)


@pytest.fixture
def editor(db, monkeypatch, herning):
    return staff_user(monkeypatch, "hanne", "herning")


@pytest.fixture
def legal_editor(db, monkeypatch, herning):
    return staff_user(monkeypatch, "jurist", "herning", "--legal-editor")


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser("admin", "admin@example.org", PASSWORD)


@pytest.fixture
def editor_client(editor):
    client = Client()
    client.force_login(editor)
    return client


@pytest.fixture
def super_client(superuser):
    client = Client()
    client.force_login(superuser)
    return client

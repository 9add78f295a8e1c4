"""Shared fixtures.

The bundled content is loaded once per test session into the test database,
so every test reads the real Herning and Lyngby-Taarbæk content; each test
runs in a transaction that is rolled back.
"""

import pytest
from django.core.management import call_command

from organisation.models import Municipality


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

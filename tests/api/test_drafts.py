"""A draft, and everything under it, appears nowhere in the open data (the same draft as
tests/core/test_published.py: a unique word on every level)."""

import pytest

from api.resources import RESOURCES
from core.goalkinds import GOAL_KINDS
from legal.models import LegalReference
from tests.core.test_published import WORD, draft  # noqa: F401  (the fixture)

pytestmark = pytest.mark.django_db

API = "/api/v1/"
SURFACES = [
    *(f"{API}{resource.key}/?page_size=1000" for resource in RESOURCES),
    *(f"{API}download/{resource.key}.csv" for resource in RESOURCES),
    f"{API}goal/?page_size=1000",
    f"{API}download/herning.json",
    f"{API}provision/?page_size=1000",
    f"{API}instrument/?page_size=1000",
]


def test_no_api_surface_shows_a_draft(client, draft):  # noqa: F811
    shown = []
    for path in SURFACES:
        response = client.get(path)
        assert response.status_code == 200, path
        body = response.content.decode()
        if WORD in body or "/kladde/" in body:
            shown.append(path)
    assert shown == []


def test_a_drafts_own_addresses_are_not_found(client, draft):  # noqa: F811
    items = [draft, *draft.themes.all()]
    for kind in GOAL_KINDS:
        items += [item for item in kind.model._default_manager.all() if WORD in str(item)]
    for item in items:
        key = next(resource.key for resource in RESOURCES if resource.model is type(item))
        assert client.get(f"{API}{key}/{item.pk}/").status_code == 404, key
    for reference in LegalReference.objects.filter(commitment__theme__policy=draft):
        assert client.get(f"{API}legal_reference/{reference.pk}/").status_code == 404


def test_nothing_rests_on_a_provision_through_a_draft(client, draft):  # noqa: F811
    draft_urls = {
        f"http://testserver{API}{kind.key}/{item.pk}/"
        for kind in GOAL_KINDS
        for item in kind.model._default_manager.all()
        if WORD in str(item)
    }
    for path in (f"{API}provision/?page_size=1000", f"{API}instrument/?page_size=1000"):
        for item in client.get(path).json()["results"]:
            assert not draft_urls & set(item["resting"])

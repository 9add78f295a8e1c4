"""The API's data is cached like the pages: until the next write to the content."""

import pytest

from policies.models import Commitment

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE = True
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


def test_api_data_is_cached_until_the_content_changes(
    client, herning, page_cache_on, django_assert_num_queries, django_capture_on_commit_callbacks
):
    commitment = Commitment.objects.filter(theme__policy__municipality=herning).first()
    url = f"/api/v1/commitment/{commitment.pk}/"
    assert client.get(url).json()["text"] == commitment.text
    with django_assert_num_queries(0):  # served from the cache: not even the rate limit reads the database
        assert client.get(url).json()["text"] == commitment.text
    with django_capture_on_commit_callbacks(execute=True):
        Commitment.objects.filter(pk=commitment.pk).update(text="Vi vil noget nyt")
    assert client.get(url).json()["text"] == "Vi vil noget nyt"

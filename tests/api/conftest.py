import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    """The rate limit counts in the cache; each test starts with a full budget."""
    cache.clear()
    yield
    cache.clear()

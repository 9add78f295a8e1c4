"""Addresses of content, reversed once per distinct address instead of once per use.

A page links to the same policy, theme or provision many times (every item's link and
basis point at its theme), and `reverse()` walks the URL patterns on each call.
"""

from functools import lru_cache

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse


def cached_reverse(viewname, **kwargs):
    """`reverse(viewname, kwargs=kwargs)`, memoised; the URLconf and the script prefix are part of
    the key, so an address never outlives the configuration it was reversed under."""
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    return _reverse(viewname, tuple(kwargs.items()), urlconf, get_script_prefix())


@lru_cache(maxsize=16384)
def _reverse(viewname, kwargs, urlconf, _prefix):
    return reverse(viewname, urlconf=urlconf, kwargs=dict(kwargs))

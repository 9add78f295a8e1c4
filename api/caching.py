"""The API's data from the same cache generation as the pages.

The page cache's middleware leaves /api/ alone so that every request still counts against
the client's rate limit; the data is cached here instead, after throttling has run, under
the same generation that any write to the content ends (core.cache)."""

from functools import wraps

from django.conf import settings
from rest_framework.response import Response

from core.cache import current_generation, page_cache, release


def generation_cached(handler):
    @wraps(handler)
    def cached_handler(view, request, *args, **kwargs):
        if not settings.PAGE_CACHE:
            return handler(view, request, *args, **kwargs)
        # The data holds absolute addresses, so the host and scheme are part of the key.
        key = f"api:{release()}:{current_generation()}:{request.build_absolute_uri()}"
        data = page_cache().get(key)
        if data is not None:
            return Response(data)
        response = handler(view, request, *args, **kwargs)
        if response.status_code == 200:
            page_cache().set(key, response.data, settings.PAGE_CACHE_TIMEOUT)
        return response

    return cached_handler

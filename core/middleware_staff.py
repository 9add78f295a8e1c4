"""Responses to logged-in users are private: never stored by a cache, nor served from one.

A logged-in editor's page may show a draft and a "Redigér" link; the page cache
for anonymous visitors (and any proxy) must neither keep it nor answer the
editor from what it keeps for the public.
"""

from django.utils.cache import add_never_cache_headers, patch_cache_control, patch_vary_headers


class PrivateForStaffMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
            patch_cache_control(response, private=True, no_store=True)
            patch_vary_headers(response, ("Cookie",))
        return response

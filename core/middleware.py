"""Sends the strict Content-Security-Policy of settings.CONTENT_SECURITY_POLICY.

The admin ships inline scripts of its own, so it is left out.
"""

from django.conf import settings


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = getattr(settings, "CONTENT_SECURITY_POLICY", "")
        if policy and not request.path.startswith("/admin/"):
            response.setdefault("Content-Security-Policy", policy)
        return response

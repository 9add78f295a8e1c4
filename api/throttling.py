"""The rate limit per client address (settings.API_RATE).

Kept apart from api.problems: DRF's settings import this class while rest_framework.views
is being imported, so it must not import the views itself.
"""

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

from core.middleware import client_ip


class ClientRateThrottle(SimpleRateThrottle):
    """A budget per client address, so that one busy page uses up only its own visitors'.

    The address is the one the reverse proxy reports (core.middleware.client_ip), the same
    as the login throttle uses; the rate is read at each request from settings.API_RATE.
    """

    scope = "client"

    def get_rate(self):
        return getattr(settings, "API_RATE", "120/minute")

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": client_ip(request) or "unknown"}

    def allow_request(self, request, view):
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)

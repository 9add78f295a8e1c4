"""What every response carries and every request must pass before it reaches a view.

- A NUL byte anywhere in a request's path, query, form or cookies is refused with a
  400: PostgreSQL cannot store NUL in text, so such a value would only ever reach the
  database to fail there with a 500.
- The strict Content-Security-Policy of settings.CONTENT_SECURITY_POLICY on every page,
  the admin's variant (settings.ADMIN_CONTENT_SECURITY_POLICY) under /admin/, and the
  Permissions-Policy and Cross-Origin-Resource-Policy headers.
- A GET that lost its database connection (a PostgreSQL restart) is run once more.
- `client_ip()`, the client's address as the reverse proxy reports it, for the login
  throttle (django-axes).
"""

import ipaddress
import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError, connection
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

logger = logging.getLogger("django.security")
FORM_TYPES = {"application/x-www-form-urlencoded", "multipart/form-data"}


def has_nul(values):
    return any("\x00" in key or any("\x00" in value for value in values.getlist(key)) for key in values)


class RejectNulMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or has_nul(request.GET) or self.cookies_have_nul(request):
            return nul_refused(request)
        # Only form posts are parsed here; other bodies are read by the views that expect them.
        if request.method == "POST" and request.content_type in FORM_TYPES and has_nul(request.POST):
            return nul_refused(request)
        return self.get_response(request)

    @staticmethod
    def cookies_have_nul(request):
        return any("\x00" in key or "\x00" in value for key, value in request.COOKIES.items())


NUL_MESSAGE = gettext_lazy("Forespørgslen indeholder et nultegn (\\x00), som ikke kan bruges.")


def nul_refused(request):
    """A 400 in the form the client reads: problem details for the API, a page for the rest."""
    logger.warning("NUL byte in the request: %s", request.path.replace("\x00", "\\x00"))
    if request.path.startswith("/api/"):
        body = {"type": "about:blank", "title": _("Ugyldig forespørgsel"), "status": 400}
        body["detail"] = str(NUL_MESSAGE)
        return JsonResponse(body, status=400, content_type="application/problem+json")
    return render(request, "errors/bad_request.html", {"message": NUL_MESSAGE}, status=400)


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith("/admin/"):
            policy = getattr(settings, "ADMIN_CONTENT_SECURITY_POLICY", "")
        else:
            policy = getattr(settings, "CONTENT_SECURITY_POLICY", "")
        if policy:
            response.setdefault("Content-Security-Policy", policy)
        permissions = getattr(settings, "PERMISSIONS_POLICY", "")
        if permissions:
            response.setdefault("Permissions-Policy", permissions)
        resource_policy = getattr(settings, "CROSS_ORIGIN_RESOURCE_POLICY", "")
        if resource_policy:
            response.setdefault("Cross-Origin-Resource-Policy", resource_policy)
        return response


def client_ip(request):
    """The client's address: REMOTE_ADDR, or behind TRUSTED_PROXY_COUNT proxies the address
    the outermost of them saw.

    Each proxy appends the address it received the request from to X-Forwarded-For, so only
    the last TRUSTED_PROXY_COUNT entries are written by our own proxies; anything before them
    came from the client and may be forged. Without enough entries (a request that bypassed
    the proxy) or with something that is no address, the direct peer's address is used.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if count <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < count:
        return remote
    try:  # stored in an inet column, so it must be an address
        return str(ipaddress.ip_address(forwarded[-count]))
    except ValueError:
        return remote


class RetryAfterLostDatabaseMiddleware:
    """Runs a GET or HEAD view once more when its database connection was lost under it.

    A PostgreSQL restart ends every open connection, and a request that was reading at that
    moment fails; reading has no side effects, so running the view again on a new
    connection (which the backend opens as soon as the server is back, core/db) turns that
    error into a slower answer. Anything else, and a second loss, is an error as before.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if request.method not in {"GET", "HEAD"} or getattr(request, "_database_retried", False):
            return None
        if not isinstance(exception, OperationalError | InterfaceError) or transaction_open():
            return None
        request._database_retried = True
        connection.close()
        match = request.resolver_match
        return match.func(request, *match.args, **match.kwargs)


def transaction_open():
    # Inside a transaction the view's earlier reads are gone with the connection; only a
    # view that runs outside one can simply start again.
    return connection.in_atomic_block

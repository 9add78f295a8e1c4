"""Anonymous GETs served from the page cache, with ETags for browsers and caches in front.

A page is cached only when nothing in it can belong to one visitor: the request carries
no session, message or authorisation, and the response sets no cookie, used no CSRF
token, is a plain 200 and varies by nothing but the cookie. Staff always have a session
cookie, so they always get a freshly rendered page, and nothing they see is stored.

Each entry holds the generation it was rendered in (core/cache.py); the generation and
the entry come in one round trip to the cache, and an entry of another generation is
rendered anew. Responses carry an ETag (a hash of the bytes) and
`Cache-Control: public, max-age=PAGE_CACHE_MAX_AGE`; with the default 0 a browser or a
proxy revalidates every time and gets a 304 without the page, so an edit is visible at
once there too.

Every successful write request by a signed-in user also starts a new generation: the
database watcher (core/cache.py) already sees the writes, and this is the second net for
a write it could not see.
"""

import hashlib
import logging

from django.conf import settings
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_cache_control
from django.utils.http import parse_etags

from core.cache import GENERATION_KEY, bump, current_generation, page_cache, release

logger = logging.getLogger(__name__)

SAFE = {"GET", "HEAD"}
# One language only, so Accept-Language never changes a page.
HARMLESS_VARY = {"cookie", "accept-language"}
UNCACHEABLE = {"private", "no-store", "no-cache"}
STATUS_HEADER = "X-Page-Cache"


def page_key(request):
    # The host and scheme are part of every page (its canonical address).
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return f"pages:{release()}:{hashlib.blake2b(address.encode(), digest_size=16).hexdigest()}"


def etag_of(content):
    return f'"{hashlib.blake2b(content, digest_size=16).hexdigest()}"'


def may_use_cache(request):
    if not settings.PAGE_CACHE or request.method not in SAFE:
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    return not request.path.startswith(settings.PAGE_CACHE_SKIP_PREFIXES)


def may_store(request, response):
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    cache_control = {
        part.strip().split("=")[0].lower() for part in response.get("Cache-Control", "").split(",")
    }
    if cache_control & UNCACHEABLE:
        return False
    vary = {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}
    return vary <= HARMLESS_VARY


def not_modified(request, etag):
    wanted = request.META.get("HTTP_IF_NONE_MATCH")
    return bool(wanted) and (etag in (tags := parse_etags(wanted)) or "*" in tags)


def public_headers(response, etag):
    response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=settings.PAGE_CACHE_MAX_AGE, must_revalidate=True)
    return response


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not may_use_cache(request):
            response = self.get_response(request)
            self.after_uncached(request, response)
            return response
        key = page_key(request)
        try:
            found = page_cache().get_many([GENERATION_KEY, key])
            generation = found.get(GENERATION_KEY) or current_generation()
        except Exception:  # an unreachable cache slows the site down; it must not stop it
            logger.exception("Page cache unavailable")
            return self.get_response(request)
        entry = found.get(key)
        if entry is not None and entry["generation"] == generation:
            return self.from_entry(request, entry)
        response = self.get_response(request)
        if not may_store(request, response):
            return response
        etag = etag_of(response.content)
        public_headers(response, etag)
        response[STATUS_HEADER] = "miss"
        entry = {
            "generation": generation,
            "content": response.content,
            "headers": [
                (name, value) for name, value in response.items() if name.lower() != STATUS_HEADER.lower()
            ],
            "etag": etag,
        }
        try:
            page_cache().set(key, entry, timeout=settings.PAGE_CACHE_TIMEOUT)
        except Exception:
            logger.exception("Could not store a page in the cache")
        if not_modified(request, etag):
            return self.not_modified(entry)
        return response

    def from_entry(self, request, entry):
        if not_modified(request, entry["etag"]):
            return self.not_modified(entry)
        response = HttpResponse(entry["content"], headers=entry["headers"])
        response[STATUS_HEADER] = "hit"
        return response

    @staticmethod
    def not_modified(entry):
        response = HttpResponseNotModified()
        for name, value in entry["headers"]:
            if name.lower() in {"etag", "cache-control", "vary", "content-security-policy"}:
                response[name] = value
        response[STATUS_HEADER] = "hit"
        return response

    @staticmethod
    def after_uncached(request, response):
        if request.method in SAFE:
            # What a signed-in user sees is theirs: no cache on the way may keep it.
            if settings.SESSION_COOKIE_NAME in request.COOKIES and not response.has_header("Cache-Control"):
                patch_cache_control(response, private=True, no_cache=True)
            return
        user = getattr(request, "user", None)
        if response.status_code < 400 and user is not None and user.is_authenticated:
            bump()

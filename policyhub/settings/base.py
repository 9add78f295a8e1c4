"""Settings shared by every environment.

Everything that differs between machines is read from the environment here,
in one place; the dev, test and production modules only choose defaults.
"""

import base64
import hashlib
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off", ""}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


SECRET_KEY = env("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "mptt",
    "simple_history",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "adminsortable2",  # drag-and-drop order in the admin
    "axes",  # login throttling
    # The project's apps, in layers: each imports only from the layers above it in this list.
    "core",  # base: scoping, provenance, periods, publication, goal kinds, admin scoping
    "chrome",  # base: page rendering, menu, pages of no content
    "organisation",  # domain
    "legal",
    "policies",
    "strategies",
    "goals",
    "overview",  # features that read across the domain
    "comparison",  # across municipalities and across time
    "search",
    "api",  # the open data: every public fact as JSON and CSV
    "content",  # loading, at the top
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Near the top, so that every response has the headers, also those answered early.
    "core.middleware.SecurityHeadersMiddleware",
    "core.middleware.RejectNulMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before CommonMiddleware, as django-cors-headers asks; it acts on /api/ only (CORS_URLS_REGEX).
    "corsheaders.middleware.CorsMiddleware",
    # Before the session: a cached page is answered without reading a session, and every
    # response still passes the security middleware above on its way out (core/cache.py).
    "core.middleware_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "core.middleware_staff.PrivateForStaffMiddleware",  # a logged-in user's page is never cached
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "core.middleware.RetryAfterLostDatabaseMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out user or address
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "policyhub.urls"
WSGI_APPLICATION = "policyhub.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# With no DATABASE_URL the site runs on an SQLite file in the working tree, so
# that `make run` needs no server; production refuses that (production.py).
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(env("CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
# Search reads its hits through GIN indexes. PostgreSQL's default random_page_cost (4, set
# for spinning disks) makes the planner read the whole search table instead when a word is
# common (at 100 000 entries 0.7 s against 0.1 s); 1.1 suits the SSDs that managed services
# run on. JIT compilation is off: it pays only for long analytical queries, and the comparison's
# grouped query spent 236 ms compiling for 20 ms of work. PG_OPTIONS="" keeps the server's own
# settings (e.g. behind a pooler that refuses them).
PG_OPTIONS = env("PG_OPTIONS", "-c random_page_cost=1.1 -c jit=off")
if DATABASES["default"]["ENGINE"].endswith("postgresql") and PG_OPTIONS:
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = PG_OPTIONS
# A page's queries are the same from one request to the next but for their parameters, and
# PostgreSQL spent longer planning most of them than running them (a policy's page: ~3 of
# ~5 ms). With the parameters bound by the server, psycopg prepares a query the fifth time a
# connection runs it, and PostgreSQL keeps its plan for the connection (Django leaves this
# off by default, for poolers that cannot keep prepared statements). PG_PREPARE_THRESHOLD=""
# turns it off behind such a pooler (PgBouncer in transaction mode before 1.21).
PG_PREPARE_THRESHOLD = env("PG_PREPARE_THRESHOLD", "5")
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        server_side_binding=True,
        prepare_threshold=int(PG_PREPARE_THRESHOLD) if PG_PREPARE_THRESHOLD else None,
    )

# The cache is shared by every process that serves or writes the site, since the page
# cache's generation lives in it (core/cache.py): with REDIS_URL, Redis (several app
# servers); without, files on this machine, so that `make run` needs no server and a
# command run beside the server still invalidates its pages.
REDIS_URL = env("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", "policyhub"),
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": env("CACHE_DIR", str(BASE_DIR / ".cache")),
            "OPTIONS": {"MAX_ENTRIES": 20000},
        }
    }
# Anonymous pages from the cache (core/middleware_cache.py); PAGE_CACHE=0 turns it off.
PAGE_CACHE = env_bool("PAGE_CACHE", True)
PAGE_CACHE_ALIAS = "default"
# A stale entry is never served (the generation decides); this only bounds its memory.
PAGE_CACHE_TIMEOUT = int(env("PAGE_CACHE_TIMEOUT", str(24 * 3600)))
# How long a browser or proxy may reuse a page without asking: 0 (ask every time, and get
# a 304 while nothing changed) keeps every edit visible at once.
PAGE_CACHE_MAX_AGE = int(env("PAGE_CACHE_MAX_AGE", "0"))
# The admin is staff-only; the API counts each client's requests (API_RATE).
PAGE_CACHE_SKIP_PREFIXES = ("/admin/", "/api/")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "da"
LANGUAGES = [("da", "Dansk")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static", ("dkfds", BASE_DIR / "node_modules" / "dkfds" / "dist")]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Pages carry no inline script or style, so this strict policy holds everywhere.
CSP_DIRECTIVES = {
    "default-src": "'self'",
    "img-src": "'self' data:",
    "style-src": "'self'",
    "script-src": "'self'",
    "font-src": "'self' data:",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}


def csp(directives):
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def style_hash(value):
    return "'sha256-" + base64.b64encode(hashlib.sha256(value.encode()).digest()).decode() + "'"


CONTENT_SECURITY_POLICY = csp(CSP_DIRECTIVES)

# Django 5.2's admin has no inline script (its data travels in data- attributes) and
# neither have django-mptt's or simple_history's; what they do have is a few style
# attributes, allowed one by one by their hashes: the organisation tree's indentation
# (DraggableMPTTAdmin.indented_title, 20 px a level) and the history list's paginator.
ADMIN_STYLE_ATTRIBUTES = ["border-top: 0", *(f"text-indent:{level * 20}px" for level in range(16))]
ADMIN_CONTENT_SECURITY_POLICY = csp(
    CSP_DIRECTIVES
    | {
        "style-src": "'self' 'unsafe-hashes' " + " ".join(map(style_hash, ADMIN_STYLE_ATTRIBUTES)),
    }
)
# The site uses none of these browser features; denying them limits what an injected
# third-party script could do.
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), browsing-topics=()"
)
# Nothing here is meant to be embedded by other sites.
CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LOGIN_URL = "admin:login"

# Where a visitor writes about the site and its accessibility (shown on "Om siden" and in the
# accessibility statement); empty until the operator sets it.
SITE_CONTACT_EMAIL = env("SITE_CONTACT_EMAIL", "")

# Login throttling (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one user name
# from one client address, that pair is refused for AXES_COOLOFF_TIME (or until
# `manage.py axes_reset_username NAME`). Keyed on the pair, so that a flood from one
# address cannot lock the real user out from their own address.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)  # the lockout page says "et kvarter"
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "errors/lockout.html"
# Not in the admin: its pages are English and offer an add form that axes refuses; a lockout
# is lifted with `manage.py axes_reset_username NAME` (README, Production).
AXES_ENABLE_ADMIN = False
# The address the reverse proxy reports (core.middleware.client_ip, TRUSTED_PROXY_COUNT).
AXES_CLIENT_IP_CALLABLE = "core.middleware.client_ip"
TRUSTED_PROXY_COUNT = int(env("TRUSTED_PROXY_COUNT", "0"))
# The lockout messages, in Danish: axes has no Danish translation of its own.
AXES_COOLOFF_MESSAGE = _("For mange mislykkede login-forsøg. Prøv igen om et kvarter.")  # API use
AXES_PERMALOCK_MESSAGE = _("For mange mislykkede login-forsøg. Kontakt en administrator.")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
}

# The open data API (api/, README "Open data"). Read-only and anonymous: no authentication
# is consulted, so no session is read and no cookie set, and a response is the same for
# everyone (cacheable like a page).
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": [],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.PagePagination",
    "PAGE_SIZE": 100,
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.ClientRateThrottle"],
    "EXCEPTION_HANDLER": "api.problems.problem_handler",
    "COERCE_DECIMAL_TO_STRING": False,
}
# Requests per client address (core.middleware.client_ip) before 429; documented on /api/v1/.
API_RATE = env("API_RATE", "120/minute")
SPECTACULAR_SETTINGS = {
    "TITLE": "policyhub – åbne data",
    "DESCRIPTION": (
        "Kommunernes børne- og ungepolitikker som åbne data: politikker, temaer, »Vi vil«-punkter, "
        "mål og opfølgning, organisation og retsgrundlag. Kun offentliggjort indhold. "
        "Licens: CC BY 4.0."
    ),
    "VERSION": "1.0.0",
    "LICENSE": {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/deed.da"},
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {},
    "DISABLE_ERRORS_AND_WARNINGS": True,
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums", "api.schema.add_problems"],
}
# Anyone may read the API from a page on another site; nothing else is shared.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False
CORS_EXPOSE_HEADERS = ["ETag", "Link", "Retry-After"]

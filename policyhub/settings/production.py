"""Production: PostgreSQL behind gunicorn, static files from whitenoise."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DATABASES, SECRET_KEY, env, env_bool

DEBUG = False

if not SECRET_KEY or SECRET_KEY.startswith(("dev-", "test-")) or len(SECRET_KEY) < 50:
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a random value of at least 50 characters in production."
    )
if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
    raise ImproperlyConfigured("Production runs on PostgreSQL: set DATABASE_URL=postgres://...")

# Persistent connections, checked before reuse, so that a restarted database
# server costs one failed health check instead of a failed request.
DATABASES["default"]["CONN_MAX_AGE"] = int(env("CONN_MAX_AGE", "600"))
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# The same backend, retrying a refused connection while the server restarts (core/db).
DATABASES["default"]["ENGINE"] = "core.db"
DATABASE_CONNECT_RETRY_SECONDS = float(env("DATABASE_CONNECT_RETRY_SECONDS", "5"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "31536000"))
# The site lives on a host of its own (e.g. boernepolitik.example.dk), whose subdomains, if
# any, are ours and served over HTTPS only; so HSTS covers them too.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
# Not preloaded: the preload list takes only registrable domains (example.dk), whose owner
# (the municipality) decides that for all its sites, not this one.
SECURE_HSTS_PRELOAD = False
SILENCED_SYSTEM_CHECKS = [
    "security.W021",  # SECURE_HSTS_PRELOAD off on purpose, see above
]

# Behind the reverse proxy: gunicorn listens on 127.0.0.1 only, and the proxy overwrites
# X-Forwarded-For with the address it received the request from (README, Production).
TRUSTED_PROXY_COUNT = int(env("TRUSTED_PROXY_COUNT", "1"))

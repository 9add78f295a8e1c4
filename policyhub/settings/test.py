"""`make test`: the real PostgreSQL that the Makefile starts (DATABASE_URL)."""

from .base import *  # noqa: F403
from .base import env, env_bool

DEBUG = False
SECRET_KEY = env("SECRET_KEY", "test-only-not-secret")
ALLOWED_HOSTS = ["*"]
# Hashing is slow on purpose; tests create many users.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Each test rolls its writes back, which no cached page would know of: the page cache is
# off but in the tests that turn it on (tests/core/test_cache.py). One cache per process.
# A server process started by a test may turn it on and share a cache with another
# (tests/core/test_cache_processes.py).
PAGE_CACHE = env_bool("PAGE_CACHE", False)
if not env("REDIS_URL") and not env("CACHE_DIR"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

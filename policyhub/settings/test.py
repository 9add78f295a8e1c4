"""`make test`: the real PostgreSQL that the Makefile starts (DATABASE_URL)."""

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = env("SECRET_KEY", "test-only-not-secret")
ALLOWED_HOSTS = ["*"]
# Hashing is slow on purpose; tests create many users.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

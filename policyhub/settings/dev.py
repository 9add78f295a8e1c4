"""`make run`: a local site on SQLite with Django's debug pages."""

from .base import *  # noqa: F403
from .base import env, env_bool

DEBUG = env_bool("DEBUG", True)
# A fixed key is harmless here: dev settings never serve real users.
SECRET_KEY = env("SECRET_KEY", "dev-only-not-secret")

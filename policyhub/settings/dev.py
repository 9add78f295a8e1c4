"""`make run`: a local site on SQLite that looks as a visitor sees it (the Danish 404 and 500 pages);
`DEBUG=1 make run` for Django's debug pages."""

from .base import *  # noqa: F403
from .base import env, env_bool

DEBUG = env_bool("DEBUG", False)
# Without DEBUG, runserver serves no static files: WhiteNoise serves them from the app and
# package folders, so a CSS change shows without running collectstatic again.
WHITENOISE_USE_FINDERS = True
# A fixed key is harmless here: dev settings never serve real users.
SECRET_KEY = env("SECRET_KEY", "dev-only-not-secret")
# A template edited while the server runs must show on the next reload.
PAGE_CACHE = env_bool("PAGE_CACHE", False)

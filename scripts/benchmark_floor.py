"""The framework floor for `make benchmark`: one bare Django view that returns fixed bytes.

It runs with the site's own settings and middleware (less the page cache, which is what
is measured against it), under the same gunicorn, and answers every path with the bytes
of FLOOR_BODY (a file: Herning's policy page as the real site rendered it). No template,
no query: what Django itself costs per request, which no page of the site can beat
without a cache in front of Django.

    DJANGO_SETTINGS_MODULE=... FLOOR_BODY=/tmp/page.html gunicorn --pythonpath scripts benchmark_floor
"""

import os
from pathlib import Path

import django
from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import re_path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "policyhub.settings.production")
django.setup()

BODY = Path(os.environ["FLOOR_BODY"]).read_bytes()


def floor(request):
    return HttpResponse(BODY, content_type="text/html; charset=utf-8")


urlpatterns = [re_path(r"", floor)]

settings.ROOT_URLCONF = __name__
settings.MIDDLEWARE = [name for name in settings.MIDDLEWARE if "middleware_cache" not in name]
application = get_wsgi_application()

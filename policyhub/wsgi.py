import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "policyhub.settings.production")

application = get_wsgi_application()

# Each gunicorn worker loads this module when it starts, before it takes a request.
from search.text import load_dictionary  # noqa: E402 - needs the settings get_wsgi_application() set up

load_dictionary()

# What a worker has loaded by now (Django, the URL patterns, simplemma's Danish dictionary)
# lives as long as the worker. Frozen, it is no longer walked by every full garbage collection:
# with the dictionary loaded, one took 40 ms and stalled the request it fell on.
gc.freeze()

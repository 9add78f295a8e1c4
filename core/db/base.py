"""Django's PostgreSQL backend, waiting out a database server that is restarting.

While PostgreSQL restarts, a new connection is refused (or told "the database system is
starting up") for a fraction of a second. Django's CONN_HEALTH_CHECKS drops the dead
persistent connection before a request uses it, and the request then opens a new one;
here that opening is retried for up to DATABASE_CONNECT_RETRY_SECONDS, so the request
waits for the server instead of failing. Nothing has been sent yet when connecting
fails, so retrying is safe for every request, writes included.
"""

import time

from django.conf import settings
from django.db.backends.postgresql import base


class DatabaseWrapper(base.DatabaseWrapper):
    def get_new_connection(self, conn_params):
        deadline = time.monotonic() + getattr(settings, "DATABASE_CONNECT_RETRY_SECONDS", 5)
        pause = 0.05
        while True:
            try:
                return super().get_new_connection(conn_params)
            except base.Database.OperationalError:
                if time.monotonic() + pause > deadline:
                    raise
                time.sleep(pause)
                pause = min(pause * 2, 0.5)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The base every app stands on: municipality scoping, provenance, periods,
    publication, the registry of goal-like kinds and the admin's scoping."""

    name = "core"
    verbose_name = _("Fælles grundlag")

    def ready(self):
        from django.db.backends.signals import connection_created

        from core.cache import watch_connection

        # Every write to the project's tables ends the page cache's generation (core/cache.py).
        connection_created.connect(watch_connection, dispatch_uid="core.cache.watch_connection")

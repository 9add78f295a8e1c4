from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The base every app stands on: municipality scoping, provenance, periods,
    publication, the registry of goal-like kinds and the admin's scoping."""

    name = "core"
    verbose_name = _("Fælles grundlag")

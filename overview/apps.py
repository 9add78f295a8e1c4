from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OverviewConfig(AppConfig):
    """The pages that read across the domain apps: the front page, a municipality's
    page, what a unit carries out, and the goal overview."""

    name = "overview"
    verbose_name = _("Overblik")

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComparisonConfig(AppConfig):
    """Pages across municipalities and across time: the municipalities side by side,
    and what changed in a municipality's goals and follow-ups."""

    name = "comparison"
    verbose_name = _("Sammenligning og ændringer")

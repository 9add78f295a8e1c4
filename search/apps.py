from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def rebuild_an_emptied_index(sender, **kwargs):
    """A migration that changes what entries hold empties the index (0006); content that is
    there already is indexed again at once, not at its next edit."""
    from search.models import SearchEntry
    from search.services import INDEXED, rebuild_index

    if SearchEntry.objects.exists():
        return
    if any(model._default_manager.published().exists() for model, _describe, _read in INDEXED):
        rebuild_index()


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Søgning")

    def ready(self):
        from search import signals

        signals.connect()
        post_migrate.connect(rebuild_an_emptied_index, sender=self, dispatch_uid="search-rebuild-emptied")

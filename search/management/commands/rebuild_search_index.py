"""Rebuild the whole search index and its counts by hand.

Every write made through Django keeps the index in step by itself; this is for what it cannot
see: a change of search/synonyms.yaml, or an upgrade of the lemmatiser or the stemmer, which
changes what every entry is matched and counted by.
"""

from django.core.management.base import BaseCommand

from search.models import SearchEntry
from search.services import rebuild_index


class Command(BaseCommand):
    help = "Bygger søgeindekset og dets optællinger forfra, fx efter en ændring af synonymerne."

    def handle(self, *args, **options):
        rebuild_index()
        self.stdout.write(f"Søgeindekset er bygget forfra: {SearchEntry.objects.count()} søgeindgange.")

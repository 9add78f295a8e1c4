"""Start a new page cache generation by hand (core/cache.py).

Every write made through Django does this by itself; this is for writes it cannot see:
a restore with pg_restore (`make restore`) or SQL typed into psql.
"""

from django.core.management.base import BaseCommand

from core.cache import bump


class Command(BaseCommand):
    help = "Gør alle gemte sider forældede, så de næste besøg viser databasens indhold."

    def handle(self, *args, **options):
        bump()
        self.stdout.write("Sidernes cache er tømt.")

"""Fill the database with a synthetic national dataset (content/synthetic.py), for benchmarks.

    manage.py generate_national_dataset                   # 98 municipalities, ~1,000 goals each
    manage.py generate_national_dataset --municipalities 3 --goals-per-theme 10

It refuses a database with real municipalities in it (`--alongside-real` overrides that,
for tests only): run it against a database of its own.
"""

import time

from django.core.management.base import BaseCommand, CommandError

from content.synthetic import RealContentError, Shape, generate


class Command(BaseCommand):
    help = "Opret et syntetisk, landsdækkende datasæt (98 kommuner) til belastningsmålinger."

    def add_arguments(self, parser):
        parser.add_argument("--municipalities", type=int, default=98)
        parser.add_argument(
            "--goals-per-theme", type=int, default=None, help="»Vi vil«-punkter pr. tema (standard 60)"
        )
        parser.add_argument("--alongside-real", action="store_true")

    def handle(self, *args, **options):
        shape = Shape()
        if options["goals_per_theme"] is not None:
            per_theme = options["goals_per_theme"]
            shape = Shape(commitments_per_theme=per_theme, initiatives_per_theme=max(1, per_theme // 2))
        started = time.perf_counter()
        try:
            goals = generate(options["municipalities"], shape, alongside_real=options["alongside_real"])
        except RealContentError as error:
            raise CommandError(
                "Databasen rummer rigtige kommuner. Brug en database for sig selv "
                "(eller --alongside-real i en testdatabase)."
            ) from error
        self.stdout.write(
            f"{options['municipalities']} syntetiske kommuner med {goals} mål "
            f"på {time.perf_counter() - started:.1f} s."
        )

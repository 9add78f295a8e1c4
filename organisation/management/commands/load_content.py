from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from organisation.loader import ContentError, fixture_paths, load


class Command(BaseCommand):
    help = (
        "Indlæser indholdet fra YAML-filerne i fixtures/. Alt valideres først; "
        "findes der fejl, skrives intet."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", help="Filer at indlæse (standard: alle i fixtures/).")
        parser.add_argument("--check", action="store_true", help="Valider kun; skriv intet.")
        parser.add_argument(
            "--skip-existing",
            action="store_true",
            help="Lad kommuner og retskilder, der allerede findes, være urørte.",
        )

    def handle(self, *args, paths, check, skip_existing, **options):
        paths = paths or fixture_paths(settings.BASE_DIR / "fixtures")
        if not paths:
            raise CommandError("Ingen indholdsfiler fundet.")
        try:
            report = load(paths, skip_existing=skip_existing, dry_run=check)
        except ContentError as exc:
            for error in exc.errors:
                self.stderr.write(str(error))
            raise CommandError(
                f"{len(exc.errors)} fejl i indholdsfilerne; databasen er ikke ændret."
            ) from None
        if check:
            self.stdout.write("Indholdsfilerne er gyldige.")
        else:
            self.stdout.write(f"Indhold indlæst: {report}.")

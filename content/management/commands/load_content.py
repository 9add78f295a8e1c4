from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from content.errors import ContentError
from content.loading import fixture_paths, load


class Command(BaseCommand):
    help = (
        "Indlæser indholdet fra YAML-filerne i fixtures/. Alt valideres først; "
        "findes der fejl, skrives intet. Hvad filerne ikke længere indeholder, fjernes."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", help="Filer at indlæse (standard: alle i fixtures/).")
        parser.add_argument("--check", action="store_true", help="Valider kun; skriv intet.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Indlæs i en transaktion, der rulles tilbage, og vis hvad der ville blive "
            "oprettet, ændret og fjernet.",
        )
        parser.add_argument(
            "--skip-existing",
            action="store_true",
            help="Lad kommuner og retskilder, der allerede findes, være urørte.",
        )

    def handle(self, *args, paths, check, dry_run, skip_existing, verbosity, **options):
        paths = paths or fixture_paths(settings.BASE_DIR / "fixtures")
        if not paths:
            raise CommandError("Ingen indholdsfiler fundet.")
        try:
            report = load(paths, skip_existing=skip_existing, check=check, dry_run=dry_run)
        except ContentError as exc:
            for error in exc.errors:
                self.stderr.write(str(error))
            raise CommandError(
                f"{len(exc.errors)} fejl i indholdsfilerne; databasen er ikke ændret."
            ) from None
        if check:
            self.stdout.write("Indholdsfilerne er gyldige.")
            return
        if dry_run:
            self.stdout.write(f"Prøvekørsel: {report}.")
        else:
            self.stdout.write(f"Indhold indlæst: {report}.")
        if report.removals and (verbosity >= 1 or dry_run):
            self.stdout.write("Ville blive fjernet:" if dry_run else "Fjernet:")
            for removal in report.removals:
                self.stdout.write(f"  {removal}")
        if dry_run:
            self.stdout.write("Prøvekørsel: intet er gemt.")

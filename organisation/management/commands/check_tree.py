from django.core.management.base import BaseCommand, CommandError

from organisation.models import OrganisationUnit
from organisation.tree_checks import tree_problems


class Command(BaseCommand):
    help = "Kontrollerer, at organisationstræets indlejrede mængder er gyldige."

    def handle(self, *args, **options):
        problems = tree_problems()
        if problems:
            for problem in problems:
                self.stderr.write(problem)
            raise CommandError(f"{len(problems)} fejl i organisationstræet.")
        count = OrganisationUnit.objects.count()
        self.stdout.write(f"Organisationstræet er gyldigt ({count} enheder).")

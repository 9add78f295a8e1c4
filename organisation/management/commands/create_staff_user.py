import os
import sys
from getpass import getpass

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.password_validation import validate_password
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from organisation.models import Municipality, StaffMembership

MUNICIPAL_EDITOR = "Kommunal redaktør"
LEGAL_EDITOR = "Juridisk redaktør"
CONTENT_APPS = ("organisation", "policies", "strategies", "goals", "legal")
LEGAL_SOURCES = ("instrument", "consolidation", "provision")
ALL_ACTIONS = ("add", "change", "delete", "view")


def municipal_models():
    """Every model a municipality owns: it can be scoped to one (LegalReference through its target)."""
    return [
        model
        for app in CONTENT_APPS
        for model in apps.get_app_config(app).get_models()
        if hasattr(model._default_manager, "for_municipality")
    ]


def permissions(models, actions):
    content_types = ContentType.objects.get_for_models(*models).values()
    codenames = [f"{action}_{model._meta.model_name}" for model in models for action in actions]
    return Permission.objects.filter(content_type__in=content_types, codename__in=codenames)


def ensure_groups():
    """Creates the two editor groups, or brings their permissions up to date."""
    legal = {name: apps.get_model("legal", name) for name in LEGAL_SOURCES}
    municipal = [model for model in municipal_models() if model is not Municipality]
    editor, _created = Group.objects.get_or_create(name=MUNICIPAL_EDITOR)
    # A municipality's own record may be edited, but creating or deleting one is for superusers.
    editor.permissions.set(
        [
            *permissions(municipal, ALL_ACTIONS),
            *permissions([Municipality], ("change", "view")),
            *permissions(
                [legal["instrument"], legal["provision"]], ("view",)
            ),  # autocompletes of legal references
        ]
    )
    lawyer, _created = Group.objects.get_or_create(name=LEGAL_EDITOR)
    lawyer.permissions.set(permissions(legal.values(), ALL_ACTIONS))
    return editor, lawyer


class Command(BaseCommand):
    help = (
        "Opretter eller opdaterer en redaktør for én kommune: aktiv medarbejder med kommunetilknytning "
        "og gruppen 'Kommunal redaktør' (med --legal-editor også 'Juridisk redaktør'). "
        "Uden adgangskodeindstilling spørges der om adgangskoden, når en ny bruger oprettes."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help="Brugernavn.")
        parser.add_argument("--municipality", required=True, help="Kommunens kortnavn, fx 'herning'.")
        parser.add_argument("--email", help="E-mailadresse.")
        parser.add_argument(
            "--legal-editor",
            action="store_true",
            help="Giv også rollen 'Juridisk redaktør' (retskilder). Uden den fjernes rollen.",
        )
        parser.add_argument(
            "--password-from-env", metavar="VAR", help="Læs adgangskoden fra miljøvariablen VAR."
        )

    def handle(self, *args, username, municipality, email, legal_editor, password_from_env, **options):
        try:
            municipality = Municipality.objects.get(slug=municipality)
        except Municipality.DoesNotExist:
            raise CommandError(f"Kommunen '{municipality}' findes ikke.") from None
        User = get_user_model()
        user = User.objects.filter(username=username).first() or User(username=username)
        password = self.password(user, password_from_env)
        with transaction.atomic():
            editor, lawyer = ensure_groups()
            user.is_staff = user.is_active = True
            if email is not None:
                user.email = email
            if password is not None:
                user.set_password(password)
            created = user.pk is None
            user.save()
            StaffMembership.objects.update_or_create(user=user, defaults={"municipality": municipality})
            user.groups.add(editor)
            if legal_editor:
                user.groups.add(lawyer)
            else:
                user.groups.remove(lawyer)
        verb = "oprettet" if created else "opdateret"
        self.stdout.write(f"Redaktøren '{username}' er {verb} for {municipality}.")

    def password(self, user, variable):
        if variable:
            password = os.environ.get(variable)
            if not password:
                raise CommandError(f"Miljøvariablen {variable} er ikke sat eller er tom.")
        elif user.pk:
            return None  # an existing user keeps the password
        elif not sys.stdin.isatty():
            raise CommandError(
                "Der er ingen terminal at spørge om adgangskoden i. Brug --password-from-env VARIABEL."
            )
        else:
            password = getpass("Adgangskode: ")
            if password != getpass("Adgangskode igen: "):
                raise CommandError("De to adgangskoder er ikke ens.")
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        return password

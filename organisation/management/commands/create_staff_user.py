import os
import sys
from getpass import getpass

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.password_validation import validate_password
from django.contrib.auth.tokens import default_token_generator
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from organisation.models import Municipality, StaffMembership

MUNICIPAL_EDITOR = "Kommunal redaktør"
PUBLISHER = "Udgiver"
LEGAL_EDITOR = "Juridisk redaktør"
# The roles a municipality gives its staff; one person may have several.
ROLES = {"editor": MUNICIPAL_EDITOR, "publisher": PUBLISHER, "legal-editor": LEGAL_EDITOR}
PUBLISH = ("publish_policy", "Må offentliggøre politikker")
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


def publish_permission():
    """The permission to publish a policy (policies.services.may_publish), created on demand."""
    policy = ContentType.objects.get_for_model(apps.get_model("policies", "Policy"))
    permission, _created = Permission.objects.get_or_create(
        content_type=policy, codename=PUBLISH[0], defaults={"name": PUBLISH[1]}
    )
    return permission


def ensure_groups():
    """Creates the role groups, or brings their permissions up to date; returns {role: group}."""
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
    # A publisher reads everything of the municipality and publishes; editing is the editor's.
    publisher, _created = Group.objects.get_or_create(name=PUBLISHER)
    publisher.permissions.set([*permissions(municipal, ("view",)), publish_permission()])
    lawyer, _created = Group.objects.get_or_create(name=LEGAL_EDITOR)
    lawyer.permissions.set(permissions(legal.values(), ALL_ACTIONS))
    return {"editor": editor, "publisher": publisher, "legal-editor": lawyer}


class Command(BaseCommand):
    help = (
        "Opretter eller opdaterer en medarbejder for én kommune med de roller, der gives med --role "
        "(editor: redaktør, publisher: udgiver, legal-editor: juridisk redaktør; uden --role: editor). "
        "Adgangskoden læses fra en miljøvariabel (--password-from-env), spørges om i en terminal, "
        "eller der skrives et engangslink til at vælge den."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help="Brugernavn.")
        parser.add_argument("--municipality", required=True, help="Kommunens kortnavn, fx 'herning'.")
        parser.add_argument("--email", help="E-mailadresse.")
        parser.add_argument(
            "--role",
            action="append",
            choices=sorted(ROLES),
            dest="roles",
            help="En rolle; kan gives flere gange. Roller, der ikke gives, fjernes.",
        )
        parser.add_argument(
            "--legal-editor",
            action="store_true",
            help="Det samme som --role legal-editor (sammen med editor, hvis ingen anden rolle gives).",
        )
        parser.add_argument(
            "--password-from-env", metavar="VAR", help="Læs adgangskoden fra miljøvariablen VAR."
        )
        parser.add_argument(
            "--password-link",
            action="store_true",
            help="Skriv et engangslink, hvor brugeren selv vælger sin adgangskode (også uden terminal).",
        )
        parser.add_argument(
            "--site-url",
            default=os.environ.get("SITE_URL", "http://127.0.0.1:8000"),
            help="Sidens adresse i linket (standard: $SITE_URL eller http://127.0.0.1:8000).",
        )

    def handle(self, *args, username, municipality, email, roles, legal_editor, **options):
        try:
            municipality = Municipality.objects.get(slug=municipality)
        except Municipality.DoesNotExist:
            raise CommandError(f"Kommunen '{municipality}' findes ikke.") from None
        roles = set(roles or ["editor"]) | ({"legal-editor"} if legal_editor else set())
        User = get_user_model()
        user = User.objects.filter(username=username).first() or User(username=username)
        link = options["password_link"] or (
            user.pk is None and not options["password_from_env"] and not sys.stdin.isatty()
        )
        password = None if link else self.password(user, options["password_from_env"])
        with transaction.atomic():
            groups = ensure_groups()
            user.is_staff = user.is_active = True
            if email is not None:
                user.email = email
            if password is not None:
                user.set_password(password)
            elif user.pk is None:
                user.set_unusable_password()  # until the link is used
            created = user.pk is None
            user.save()
            StaffMembership.objects.update_or_create(user=user, defaults={"municipality": municipality})
            for role, group in groups.items():
                (user.groups.add if role in roles else user.groups.remove)(group)
        verb = "oprettet" if created else "opdateret"
        names = ", ".join(ROLES[role] for role in sorted(roles))
        self.stdout.write(f"Brugeren '{username}' er {verb} for {municipality} med rollerne: {names}.")
        if link:
            self.stdout.write(
                "Engangslink til at vælge adgangskode (send det kun til brugeren selv):\n"
                + password_link(user, options["site_url"])
            )

    def password(self, user, variable):
        if variable:
            password = os.environ.get(variable)
            if not password:
                raise CommandError(f"Miljøvariablen {variable} er ikke sat eller er tom.")
        elif user.pk:
            return None  # an existing user keeps the password
        else:
            password = getpass("Adgangskode: ")
            if password != getpass("Adgangskode igen: "):
                raise CommandError("De to adgangskoder er ikke ens.")
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        return password


def password_link(user, site_url):
    """Django's password-reset link: valid once, for PASSWORD_RESET_TIMEOUT (three days)."""
    path = reverse(
        "password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return site_url.rstrip("/") + path

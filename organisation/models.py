from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from mptt.managers import TreeManager
from mptt.models import MPTTModel, TreeForeignKey
from mptt.querysets import TreeQuerySet
from simple_history.models import HistoricalRecords

from core.addresses import cached_reverse
from core.models import Ordered, ScopedQuerySet, Sourced


class Municipality(models.Model):
    name = models.CharField(_("navn"), max_length=100, unique=True)
    slug = models.SlugField(_("kortnavn i adresser"), max_length=60, unique=True)
    website = models.URLField(_("hjemmeside"), blank=True)
    description = models.TextField(_("beskrivelse"), blank=True)

    history = HistoricalRecords()

    municipality_lookup = "pk"
    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("kommune")
        verbose_name_plural = _("kommuner")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return cached_reverse("overview:municipality", municipality=self.slug)

    def council_name(self):
        """What the municipality calls its council, as its own documents do ("Byrådet",
        "Kommunalbestyrelsen"); the law's word where the data names no council."""
        council = self.bodies.filter(kind=PoliticalBody.Kind.COUNCIL).order_by("order", "pk").first()
        return council.name if council else gettext("Kommunalbestyrelsen")


class SourceDocument(models.Model):
    """A document that content was transcribed from, so a page can say where a sentence stands."""

    class Kind(models.TextChoices):
        WEBPAGE = "webpage", _("Side på kommunens hjemmeside")
        PLAN = "plan", _("Afsnit af kommuneplan")
        POLICY = "policy", _("Politikdokument")

    municipality = models.ForeignKey(
        Municipality, models.CASCADE, related_name="source_documents", verbose_name=_("kommune")
    )
    key = models.SlugField(_("nøgle"), max_length=60)
    title = models.CharField(_("titel"), max_length=200)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    seed_file = models.CharField(
        _("kildefil"),
        max_length=100,
        blank=True,
        help_text=_("Navnet på tekstudskriften i projektets kildemappe."),
    )
    description = models.TextField(_("beskrivelse"), blank=True)

    history = HistoricalRecords()

    municipality_lookup = "municipality"
    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["municipality", "seed_file", "title"]
        verbose_name = _("kildedokument")
        verbose_name_plural = _("kildedokumenter")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "key"], name="unique_source_key"),
        ]

    def __str__(self):
        return self.title


class PoliticalBody(Sourced, Ordered):
    class Kind(models.TextChoices):
        COUNCIL = "council", _("Kommunalbestyrelse/byråd")
        COMMITTEE = "committee", _("Politisk udvalg")
        COUNCIL_OF_CITIZENS = "forum", _("Forum eller råd")
        YOUTH_COUNCIL = "youth_council", _("Ungeråd")
        PUPILS_COUNCIL = "pupils_council", _("Elevråd")

    municipality = models.ForeignKey(
        Municipality, models.CASCADE, related_name="bodies", verbose_name=_("kommune")
    )
    name = models.CharField(_("navn"), max_length=150)
    slug = models.SlugField(_("kortnavn i adresser"), max_length=80)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    description = models.TextField(_("beskrivelse"), blank=True)

    history = HistoricalRecords()

    municipality_lookup = "municipality"
    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["municipality", "order", "name"]
        verbose_name = _("politisk organ")
        verbose_name_plural = _("politiske organer")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "slug"], name="unique_body_slug"),
        ]

    def __str__(self):
        return self.name


class OrganisationUnitQuerySet(TreeQuerySet, ScopedQuerySet):
    pass


class OrganisationUnit(MPTTModel, Sourced, Ordered):
    """A directorate, centre, unit, area or team.

    Written only through organisation.services, which serialises tree writes:
    django-mptt rewrites lft/rght of many rows per insert and is not safe
    under concurrent writers.
    """

    class Kind(models.TextChoices):
        DIRECTORATE = "directorate", _("Forvaltning")
        CENTRE = "centre", _("Center")
        UNIT = "unit", _("Enhed")
        AREA = "area", _("Centerområde")
        COLLABORATION = "collaboration", _("Samarbejdsstruktur")
        INSTITUTION = "institution", _("Tilbud eller institution")

    municipality = models.ForeignKey(
        Municipality, models.CASCADE, related_name="units", verbose_name=_("kommune")
    )
    parent = TreeForeignKey(
        "self",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("overordnet enhed"),
    )
    name = models.CharField(_("navn"), max_length=150)
    slug = models.SlugField(_("kortnavn i adresser"), max_length=80)
    abbreviation = models.CharField(_("forkortelse"), max_length=20, blank=True)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    description = models.TextField(_("beskrivelse"), blank=True)
    serves = models.ManyToManyField(
        PoliticalBody,
        blank=True,
        related_name="served_by",
        verbose_name=_("betjener"),
        help_text=_("De politiske organer, enheden betjener."),
    )

    # The nested-set columns are bookkeeping that any tree write rewrites for
    # many rows; history keeps the parent, which is what staff changed.
    history = HistoricalRecords(excluded_fields=["lft", "rght", "tree_id", "level"])

    municipality_lookup = "municipality"
    objects = TreeManager.from_queryset(OrganisationUnitQuerySet)()

    class MPTTMeta:
        order_insertion_by = ["order"]

    class Meta:
        verbose_name = _("organisatorisk enhed")
        verbose_name_plural = _("organisatoriske enheder")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "slug"], name="unique_unit_slug"),
        ]

    def __str__(self):
        return f"{self.name} ({self.abbreviation})" if self.abbreviation else self.name

    def get_absolute_url(self):
        return cached_reverse("overview:unit", municipality=self.municipality.slug, unit=self.slug)


class CoreTask(Sourced, Ordered):
    """A core task (kerneopgave) or field of work that a unit names."""

    unit = models.ForeignKey(
        OrganisationUnit, models.CASCADE, related_name="core_tasks", verbose_name=_("enhed")
    )
    text = models.CharField(_("opgave"), max_length=200)

    history = HistoricalRecords()

    municipality_lookup = "unit__municipality"
    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["unit", "order"]
        verbose_name = _("kerneopgave")
        verbose_name_plural = _("kerneopgaver")

    def __str__(self):
        return self.text


class Person(Sourced, Ordered):
    """A person in a published role, with work contact details as the municipality publishes them."""

    class Role(models.TextChoices):
        DIRECTOR = "director", _("Direktør")
        CENTRE_CHIEF = "centre_chief", _("Centerchef")
        CONTACT = "contact", _("Kontaktperson")
        MAYOR = "mayor", _("Borgmester")
        POLITICIAN = "politician", _("Politiker")

    municipality = models.ForeignKey(
        Municipality, models.CASCADE, related_name="people", verbose_name=_("kommune")
    )
    slug = models.SlugField(_("kortnavn i adresser"), max_length=80)
    name = models.CharField(_("navn"), max_length=150)
    role = models.CharField(_("rolle"), max_length=20, choices=Role.choices)
    job_title = models.CharField(
        _("stillingsbetegnelse"),
        max_length=200,
        help_text=_(
            "Som kommunen skriver den, men med lille begyndelsesbogstav, fx »centerchef«: "
            "den står efter navnet."
        ),
    )
    unit = models.ForeignKey(
        OrganisationUnit,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("enhed"),
    )
    body = models.ForeignKey(
        PoliticalBody,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("politisk organ"),
    )
    phone = models.CharField(_("telefon"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)

    history = HistoricalRecords()

    municipality_lookup = "municipality"
    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["municipality", "order", "name"]
        verbose_name = _("person")
        verbose_name_plural = _("personer")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "slug"], name="unique_person_slug"),
        ]

    def __str__(self):
        return f"{self.name}, {self.job_title}"


class StaffMembership(models.Model):
    """Ties a staff user to the one municipality whose content they may edit."""

    user = models.OneToOneField(
        "auth.User", models.CASCADE, related_name="membership", verbose_name=_("bruger")
    )
    municipality = models.ForeignKey(
        Municipality, models.CASCADE, related_name="staff", verbose_name=_("kommune")
    )

    class Meta:
        verbose_name = _("medarbejdertilknytning")
        verbose_name_plural = _("medarbejdertilknytninger")

    def __str__(self):
        return f"{self.user} – {self.municipality}"

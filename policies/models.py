from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from organisation.mixins import Period, Responsible
from organisation.models import MunicipalityScopedQuerySet, Sourced


class PolicyQuerySet(MunicipalityScopedQuerySet):
    def published(self):
        """What the public site shows: everything but drafts."""
        return self.exclude(status=Policy.Status.DRAFT)

    def current_first(self):
        is_current = models.Case(
            models.When(status=Policy.Status.ADOPTED, then=0),
            default=1,
            output_field=models.IntegerField(),
        )
        return self.order_by(is_current, "-period_start", "title")


class Policy(Sourced, Period):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Udkast")
        ADOPTED = "adopted", _("Vedtaget")
        EXPIRED = "expired", _("Udløbet")
        REPLACED = "replaced", _("Afløst")

    municipality = models.ForeignKey(
        "organisation.Municipality",
        models.CASCADE,
        related_name="policies",
        verbose_name=_("kommune"),
    )
    title = models.CharField(_("titel"), max_length=200)
    slug = models.SlugField(_("kortnavn i adresser"), max_length=80)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    status_note = models.TextField(
        _("note om status"),
        blank=True,
        help_text=_("Fx at perioden er udløbet, men at politikken gælder, til en ny er vedtaget."),
    )
    predecessor = models.OneToOneField(
        "self",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="successor",
        verbose_name=_("afløser politikken"),
    )
    adopted_by = models.ForeignKey(
        "organisation.PoliticalBody",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="adopted_policies",
        verbose_name=_("vedtaget af"),
    )
    foreword = models.TextField(_("forord"), blank=True)
    foreword_by = models.ForeignKey(
        "organisation.Person",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("forord skrevet af"),
    )
    introduction = models.TextField(_("indledning"), blank=True)
    purpose = models.TextField(_("formål"), blank=True)
    vision = models.TextField(_("vision"), blank=True)
    children_view_title = models.CharField(
        _("fælles børne- og ungesyn"),
        max_length=200,
        blank=True,
        help_text=_("Fx 'Her skaber vi venskaber'."),
    )
    children_view = models.TextField(_("om børne- og ungesynet"), blank=True)
    actors_introduction = models.TextField(_("hvem udfører politikken"), blank=True)
    implementation = models.TextField(_("implementering"), blank=True)
    evaluation = models.TextField(_("evaluering"), blank=True)
    discrepancy_note = models.TextField(
        _("uoverensstemmelser mellem kilderne"),
        blank=True,
        help_text=_("Hvor kildedokumenterne siger noget forskelligt, og hvad siden viser."),
    )

    history = HistoricalRecords()

    municipality_lookup = "municipality"
    basis_parent_field = None
    objects = PolicyQuerySet.as_manager()

    class Meta:
        ordering = ["municipality", "-period_start", "title"]
        verbose_name = _("politik")
        verbose_name_plural = _("politikker")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "slug"], name="unique_policy_slug"),
        ]

    def __str__(self):
        return f"{self.title} ({self.period_label})" if self.period_label else self.title

    def get_absolute_url(self):
        return reverse(
            "policies:policy", kwargs={"municipality": self.municipality.slug, "policy": self.slug}
        )

    def clean(self):
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("Perioden kan ikke slutte, før den begynder.")})
        if self.predecessor_id and self.predecessor_id == self.pk:
            raise ValidationError({"predecessor": _("En politik kan ikke afløse sig selv.")})


class PolicyChild(Sourced):
    policy = models.ForeignKey(Policy, models.CASCADE, related_name="+", verbose_name=_("politik"))
    order = models.PositiveIntegerField(_("rækkefølge"), default=0)

    municipality_lookup = "policy__municipality"
    objects = MunicipalityScopedQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["policy", "order"]


class PolicyValue(PolicyChild):
    policy = models.ForeignKey(Policy, models.CASCADE, related_name="values", verbose_name=_("politik"))
    name = models.CharField(_("værdi"), max_length=100)
    tagline = models.CharField(_("undertitel"), max_length=200, blank=True)
    text = models.TextField(_("tekst"), blank=True)

    history = HistoricalRecords()

    class Meta(PolicyChild.Meta):
        verbose_name = _("værdi")
        verbose_name_plural = _("værdier")

    def __str__(self):
        return self.name


class Actor(PolicyChild):
    """Who carries the policy out, and with which responsibility."""

    policy = models.ForeignKey(Policy, models.CASCADE, related_name="actors", verbose_name=_("politik"))
    group = models.CharField(
        _("gruppe"), max_length=100, blank=True, help_text=_("Fx 'De professionelle aktører'.")
    )
    name = models.CharField(_("aktør"), max_length=300)
    responsibility = models.TextField(_("ansvar"))

    history = HistoricalRecords()

    class Meta(PolicyChild.Meta):
        verbose_name = _("aktør")
        verbose_name_plural = _("aktører")

    def __str__(self):
        return self.name


class Theme(Sourced):
    policy = models.ForeignKey(Policy, models.CASCADE, related_name="themes", verbose_name=_("politik"))
    order = models.PositiveIntegerField(_("rækkefølge"), default=0)
    number = models.PositiveSmallIntegerField(
        _("nummer"), null=True, blank=True, help_text=_("Når dokumentet nummererer temaerne.")
    )
    title = models.CharField(_("titel"), max_length=200)
    slug = models.SlugField(_("kortnavn i adresser"), max_length=80)
    subtitle = models.CharField(_("undertitel"), max_length=200, blank=True)
    text = models.TextField(_("tekst"), blank=True)
    discrepancy_note = models.TextField(_("uoverensstemmelser mellem kilderne"), blank=True)

    history = HistoricalRecords()

    municipality_lookup = "policy__municipality"
    basis_parent_field = "policy"
    objects = MunicipalityScopedQuerySet.as_manager()

    class Meta:
        ordering = ["policy", "order"]
        verbose_name = _("tema")
        verbose_name_plural = _("temaer")
        constraints = [
            models.UniqueConstraint(fields=["policy", "slug"], name="unique_theme_slug"),
        ]

    def __str__(self):
        return self.title

    @property
    def anchor(self):
        return f"tema-{self.slug}"

    def get_absolute_url(self):
        return reverse(
            "policies:theme",
            kwargs={
                "municipality": self.policy.municipality.slug,
                "policy": self.policy.slug,
                "theme": self.slug,
            },
        )


class ThemeChild(Sourced):
    theme = models.ForeignKey(Theme, models.CASCADE, related_name="+", verbose_name=_("tema"))
    order = models.PositiveIntegerField(_("rækkefølge"), default=0)

    municipality_lookup = "theme__policy__municipality"
    basis_parent_field = "theme"
    objects = MunicipalityScopedQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["theme", "order"]

    def get_absolute_url(self):
        return f"{self.theme.get_absolute_url()}#{self.anchor}"


class ThemeSection(ThemeChild):
    theme = models.ForeignKey(Theme, models.CASCADE, related_name="sections", verbose_name=_("tema"))
    heading = models.CharField(_("mellemrubrik"), max_length=200, blank=True)
    text = models.TextField(_("tekst"))

    history = HistoricalRecords()

    class Meta(ThemeChild.Meta):
        verbose_name = _("afsnit")
        verbose_name_plural = _("afsnit")

    def __str__(self):
        return self.heading or self.text[:60]

    @property
    def anchor(self):
        return f"afsnit-{self.pk}"


class Commitment(ThemeChild, Responsible):
    """A "Vi vil" commitment of a theme."""

    theme = models.ForeignKey(Theme, models.CASCADE, related_name="commitments", verbose_name=_("tema"))
    text = models.TextField(_("tekst"))

    history = HistoricalRecords()

    class Meta(ThemeChild.Meta):
        verbose_name = _("'Vi vil'-punkt")
        verbose_name_plural = _("'Vi vil'-punkter")

    def __str__(self):
        return self.text[:80]

    @property
    def anchor(self):
        return f"vi-vil-{self.pk}"


class Initiative(ThemeChild, Responsible):
    """A concrete initiative ("konkret tiltag") of a theme."""

    theme = models.ForeignKey(Theme, models.CASCADE, related_name="initiatives", verbose_name=_("tema"))
    text = models.TextField(_("tekst"))

    history = HistoricalRecords()

    class Meta(ThemeChild.Meta):
        verbose_name = _("konkret tiltag")
        verbose_name_plural = _("konkrete tiltag")

    def __str__(self):
        return self.text[:80]

    @property
    def anchor(self):
        return f"tiltag-{self.pk}"


class KeyMessage(ThemeChild):
    """A statement the printed policy sets off in large type (a pull-out)."""

    theme = models.ForeignKey(Theme, models.CASCADE, related_name="key_messages", verbose_name=_("tema"))
    text = models.TextField(_("tekst"))

    history = HistoricalRecords()

    class Meta(ThemeChild.Meta):
        verbose_name = _("fremhævet budskab")
        verbose_name_plural = _("fremhævede budskaber")

    def __str__(self):
        return self.text[:80]

    @property
    def anchor(self):
        return f"budskab-{self.pk}"


class Quote(PolicyChild):
    """A quote from a child, parent or professional: the speaker's role, never a name."""

    policy = models.ForeignKey(Policy, models.CASCADE, related_name="quotes", verbose_name=_("politik"))
    theme = models.ForeignKey(
        Theme,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="quotes",
        verbose_name=_("tema"),
        help_text=_("Tom, når citatet står i politikkens indledning."),
    )
    text = models.TextField(_("citat"))
    speaker_role = models.CharField(
        _("hvem siger det"),
        max_length=200,
        blank=True,
        help_text=_("Personens rolle, fx 'Skoleelev'. Aldrig et navn."),
    )
    context = models.CharField(
        _("sammenhæng"), max_length=200, blank=True, help_text=_("Fx 'Sagt på ungeworkshop'.")
    )

    history = HistoricalRecords()

    class Meta(PolicyChild.Meta):
        verbose_name = _("citat")
        verbose_name_plural = _("citater")

    def __str__(self):
        return self.text[:80]

    @property
    def anchor(self):
        return f"citat-{self.pk}"

    def clean(self):
        if self.theme_id and self.theme.policy_id != self.policy_id:
            raise ValidationError({"theme": _("Temaet hører ikke til politikken.")})

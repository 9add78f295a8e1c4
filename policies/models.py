from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.addresses import cached_reverse
from core.models import DRAFT, FollowedUp, Ordered, Period, Responsible, ScopedQuerySet, Sourced


@dataclass(frozen=True)
class StandingKind:
    key: str
    label: str
    variant: str  # the DKFDS badge variant it is shown with

    def __str__(self):
        return str(self.label)


class Standing:
    """The one status vocabulary of the public pages (see Policy.standing)."""

    IN_FORCE = StandingKind("in_force", _("Gældende"), "success")
    EXPIRED = StandingKind("expired", _("Udløbet"), "warning")
    REPLACED = StandingKind("replaced", _("Afløst"), "info")
    IN_PREPARATION = StandingKind("in_preparation", _("Under udarbejdelse"), "info")


class SuccessorOutlook(models.TextChoices):
    """What the documents say about a policy to follow this one; the public text is derived from it
    (Policy.successor_text), so no page shows the editors' wording."""

    NOTHING = "", _("Dokumenterne siger intet om en ny politik")
    IN_PREPARATION = "in_preparation", _("Kommunen skriver, at en ny politik er under udarbejdelse")
    REVISION_DUE = "revision_due", _("Politikken skulle selv revideres, når perioden sluttede")


class PolicyQuerySet(ScopedQuerySet):
    def current_first(self):
        is_current = models.Case(
            models.When(status=Policy.Status.ADOPTED, then=0),
            default=1,
            output_field=models.IntegerField(),
        )
        return self.order_by(is_current, "-period_start", "title")


class Policy(Sourced, Responsible, Period):
    class Status(models.TextChoices):
        DRAFT = DRAFT, _("Kladde")
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
    successor_outlook = models.CharField(
        _("det dokumenterne siger om en ny politik"),
        max_length=20,
        choices=SuccessorOutlook.choices,
        blank=True,
        default=SuccessorOutlook.NOTHING,
        help_text=_(
            "Vælg kun det, som et af kommunens dokumenter siger; siden skriver teksten ud fra valget."
        ),
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
        help_text=_("Fx »Her skaber vi venskaber«."),
    )
    children_view = models.TextField(_("om børne- og ungesynet"), blank=True)
    actors_introduction = models.TextField(_("hvem der udfører politikken"), blank=True)
    implementation = models.TextField(_("implementering"), blank=True)
    evaluation = models.TextField(_("evaluering"), blank=True)
    discrepancy_note = models.TextField(
        _("uoverensstemmelser mellem kilderne"),
        blank=True,
        help_text=_("Hvor kildedokumenterne siger noget forskelligt, og hvad siden viser."),
    )

    history = HistoricalRecords()

    municipality_lookup = "municipality"
    publication_lookup = "status"
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
        return cached_reverse("policies:policy", municipality=self.municipality.slug, policy=self.slug)

    @property
    def standing(self):
        """Where the policy stands, as every page says it: derived here and nowhere else.

        The status is the editor's judgement and wins over the period: an adopted policy is in
        force until it is marked expired or replaced, even after the period it names (Herning's
        2018–2022 policy applies until a new one is adopted); `runs_past_period` says so.
        """
        if self.status == self.Status.DRAFT:
            return Standing.IN_PREPARATION
        if self.status == self.Status.REPLACED:
            return Standing.REPLACED
        if self.status == self.Status.EXPIRED:
            return Standing.EXPIRED
        return Standing.IN_FORCE

    @property
    def period_is_over(self):
        return bool(self.period_end) and self.period_end < timezone.localdate().year

    @property
    def runs_past_period(self):
        """In force although the period it names is over."""
        return self.standing is Standing.IN_FORCE and self.period_is_over

    @property
    def is_in_force(self):
        return self.standing is Standing.IN_FORCE

    @property
    def has_lapsed(self):
        return self.standing in (Standing.EXPIRED, Standing.REPLACED)

    @property
    def is_replaced(self):
        return self.standing is Standing.REPLACED

    @property
    def standing_label(self):
        return self.standing.label

    @property
    def successor_text(self):
        """What a citizen is told about a policy to follow this one, from what the documents say."""
        if self.successor_outlook == SuccessorOutlook.IN_PREPARATION:
            return _("Kommunen skriver, at en ny politik er under udarbejdelse.")
        if self.successor_outlook == SuccessorOutlook.REVISION_DUE:
            if self.period_end:
                return _("Ifølge politikken selv skulle den revideres, når perioden sluttede i %(year)s.") % {
                    "year": self.period_end
                }
            return _("Ifølge politikken selv skulle den revideres, når perioden sluttede.")
        return ""

    def clean(self):
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("Perioden kan ikke slutte, før den begynder.")})
        if self.predecessor_id and self.predecessor_id == self.pk:
            raise ValidationError({"predecessor": _("En politik kan ikke afløse sig selv.")})


class PolicyChild(Sourced, Ordered):
    """Part of a policy; each subclass declares its own `policy` key, for its own reverse name."""

    municipality_lookup = "policy__municipality"
    publication_lookup = "policy__status"
    objects = ScopedQuerySet.as_manager()

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
        _("gruppe"), max_length=100, blank=True, help_text=_("Fx »De professionelle aktører«.")
    )
    name = models.CharField(_("aktør"), max_length=300)
    responsibility = models.TextField(_("ansvar"))

    history = HistoricalRecords()

    class Meta(PolicyChild.Meta):
        verbose_name = _("aktør")
        verbose_name_plural = _("aktører")

    def __str__(self):
        return self.name


class Theme(Sourced, Ordered):
    policy = models.ForeignKey(Policy, models.CASCADE, related_name="themes", verbose_name=_("politik"))
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
    publication_lookup = "policy__status"
    objects = ScopedQuerySet.as_manager()

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
        return cached_reverse(
            "policies:theme",
            municipality=self.policy.municipality.slug,
            policy=self.policy.slug,
            theme=self.slug,
        )


class ThemeChild(Sourced, Ordered):
    """A text of a theme; each subclass declares its own `theme` key, for its own reverse name."""

    text = models.TextField(_("tekst"))

    municipality_lookup = "theme__policy__municipality"
    publication_lookup = "theme__policy__status"
    objects = ScopedQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["theme", "order"]

    def __str__(self):
        return self.text[:80]

    @property
    def anchor(self):
        return f"{self.anchor_prefix}-{self.pk}"

    def get_absolute_url(self):
        return f"{self.theme.get_absolute_url()}#{self.anchor}"


class ThemeSection(ThemeChild):
    theme = models.ForeignKey(Theme, models.CASCADE, related_name="sections", verbose_name=_("tema"))
    heading = models.CharField(_("mellemrubrik"), max_length=200, blank=True)

    history = HistoricalRecords()
    anchor_prefix = "afsnit"

    class Meta(ThemeChild.Meta):
        verbose_name = _("afsnit")
        verbose_name_plural = _("afsnit")

    def __str__(self):
        return self.heading or self.text[:60]


class Commitment(ThemeChild, Responsible, FollowedUp):
    """A "Vi vil" commitment of a theme."""

    theme = models.ForeignKey(Theme, models.CASCADE, related_name="commitments", verbose_name=_("tema"))

    history = HistoricalRecords()
    anchor_prefix = "vi-vil"

    class Meta(ThemeChild.Meta):
        verbose_name = _("»Vi vil«-punkt")
        verbose_name_plural = _("»Vi vil«-punkter")


class Initiative(ThemeChild, Responsible, FollowedUp):
    """A concrete initiative ("konkret tiltag") of a theme."""

    theme = models.ForeignKey(Theme, models.CASCADE, related_name="initiatives", verbose_name=_("tema"))

    history = HistoricalRecords()
    anchor_prefix = "tiltag"

    class Meta(ThemeChild.Meta):
        verbose_name = _("konkret tiltag")
        verbose_name_plural = _("konkrete tiltag")


class KeyMessage(ThemeChild):
    """A statement the printed policy sets off in large type (a pull-out)."""

    theme = models.ForeignKey(Theme, models.CASCADE, related_name="key_messages", verbose_name=_("tema"))

    history = HistoricalRecords()
    anchor_prefix = "budskab"

    class Meta(ThemeChild.Meta):
        verbose_name = _("fremhævet budskab")
        verbose_name_plural = _("fremhævede budskaber")


# Defined in their own modules for the size limit of a module; imported here so that Django registers them.
from policies.passages import PolicyPassage  # noqa: E402, F401
from policies.quotes import Quote  # noqa: E402, F401

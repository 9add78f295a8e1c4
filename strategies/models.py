from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.addresses import cached_reverse
from core.models import Ordered, Period, ScopedQuerySet, Sourced


class Strategy(Sourced, Period, Ordered):
    """A strategy under a policy, such as an inclusion strategy or Herningmodellen."""

    municipality = models.ForeignKey(
        "organisation.Municipality",
        models.CASCADE,
        related_name="strategies",
        verbose_name=_("kommune"),
    )
    policy = models.ForeignKey(
        "policies.Policy",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="strategies",
        verbose_name=_("hører under politik"),
    )
    title = models.CharField(_("titel"), max_length=200)
    slug = models.SlugField(_("kortnavn i adresser"), max_length=80)
    kind_label = models.CharField(
        _("strategitype"), max_length=100, blank=True, help_text=_("Fx »Inklusionsstrategi«.")
    )
    purpose = models.TextField(_("formål"), blank=True)
    description = models.TextField(_("beskrivelse"), blank=True)
    components_introduction = models.TextField(_("om delelementerne"), blank=True)
    discrepancy_note = models.TextField(_("uoverensstemmelser mellem kilderne"), blank=True)

    history = HistoricalRecords()

    municipality_lookup = "municipality"
    publication_lookup = "policy__status"
    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["municipality", "order", "title"]
        verbose_name = _("strategi")
        verbose_name_plural = _("strategier")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "slug"], name="unique_strategy_slug"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return cached_reverse("strategies:strategy", municipality=self.municipality.slug, strategy=self.slug)


class StrategyChild(Sourced, Ordered):
    """A part of a strategy; each subclass declares its own `strategy` key, for its own reverse name."""

    title = models.CharField(_("titel"), max_length=200)
    text = models.TextField(_("tekst"), blank=True)

    municipality_lookup = "strategy__municipality"
    publication_lookup = "strategy__policy__status"
    objects = ScopedQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["strategy", "order"]

    def __str__(self):
        return self.title

    @property
    def anchor(self):
        return f"{self.anchor_prefix}-{self.pk}"

    def get_absolute_url(self):
        return f"{self.strategy.get_absolute_url()}#{self.anchor}"


class StrategyTheme(StrategyChild):
    strategy = models.ForeignKey(Strategy, models.CASCADE, related_name="themes", verbose_name=_("strategi"))

    history = HistoricalRecords()
    anchor_prefix = "tema"

    class Meta(StrategyChild.Meta):
        verbose_name = _("strategitema")
        verbose_name_plural = _("strategitemaer")


class StrategyComponent(StrategyChild):
    """A component (delelement) of a strategy, such as "Herningmodel Skole"."""

    strategy = models.ForeignKey(
        Strategy, models.CASCADE, related_name="components", verbose_name=_("strategi")
    )

    history = HistoricalRecords()
    anchor_prefix = "delelement"

    class Meta(StrategyChild.Meta):
        verbose_name = _("delelement")
        verbose_name_plural = _("delelementer")


class StrategyPassage(StrategyChild):
    """What another document than the strategy's own says about it, under that document's heading.

    A page that summarises the strategy is a source of its own: its paragraphs
    keep their document, so that no text is credited to a document it does not
    stand in.
    """

    strategy = models.ForeignKey(
        Strategy, models.CASCADE, related_name="passages", verbose_name=_("strategi")
    )

    history = HistoricalRecords()
    anchor_prefix = "afsnit"

    class Meta(StrategyChild.Meta):
        verbose_name = _("afsnit fra et andet dokument")
        verbose_name_plural = _("afsnit fra andre dokumenter")

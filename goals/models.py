from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import Ordered, Period, Responsible, ScopedQuerySet, Sourced


class MunicipalGoal(Sourced, Responsible, Ordered):
    """A goal the municipality sets. Each subclass declares its own `municipality` and
    `policy` keys, for its own reverse names."""

    municipality_lookup = "municipality"
    publication_lookup = "policy__status"
    objects = ScopedQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["municipality", "order"]

    def get_absolute_url(self):
        return reverse("overview:goals", kwargs={"municipality": self.municipality.slug}) + f"#{self.anchor}"


class GoalTrack(MunicipalGoal, Period):
    """A political goal track (målspor) with its sub-goals."""

    municipality = models.ForeignKey(
        "organisation.Municipality", models.CASCADE, related_name="goal_tracks", verbose_name=_("kommune")
    )
    policy = models.ForeignKey(
        "policies.Policy",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="goal_tracks",
        verbose_name=_("hører under politik"),
    )
    title = models.CharField(_("titel"), max_length=200)
    slug = models.SlugField(_("kortnavn i adresser"), max_length=80)
    set_by = models.ForeignKey(
        "organisation.PoliticalBody",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="goal_tracks",
        verbose_name=_("formuleret af"),
    )
    description = models.TextField(_("beskrivelse"), blank=True)

    history = HistoricalRecords()

    class Meta(MunicipalGoal.Meta):
        verbose_name = _("målspor")
        verbose_name_plural = _("målspor")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "slug"], name="unique_goal_track_slug"),
        ]

    def __str__(self):
        return self.title

    @property
    def anchor(self):
        return f"maalspor-{self.slug}"


class SubGoal(Sourced, Responsible, Ordered):
    track = models.ForeignKey(GoalTrack, models.CASCADE, related_name="sub_goals", verbose_name=_("målspor"))
    text = models.TextField(_("tekst"))

    history = HistoricalRecords()

    municipality_lookup = "track__municipality"
    publication_lookup = "track__policy__status"
    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["track", "order"]
        verbose_name = _("delmål")
        verbose_name_plural = _("delmål")

    def __str__(self):
        return self.text[:80]

    @property
    def anchor(self):
        return f"delmaal-{self.pk}"

    def get_absolute_url(self):
        return (
            reverse("overview:goals", kwargs={"municipality": self.track.municipality.slug})
            + f"#{self.anchor}"
        )


class CouncilCommitment(MunicipalGoal):
    """What the city council commits to ("Byrådet vil")."""

    municipality = models.ForeignKey(
        "organisation.Municipality",
        models.CASCADE,
        related_name="council_commitments",
        verbose_name=_("kommune"),
    )
    policy = models.ForeignKey(
        "policies.Policy",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="council_commitments",
        verbose_name=_("hører under politik"),
    )
    text = models.TextField(_("tekst"))

    history = HistoricalRecords()

    class Meta(MunicipalGoal.Meta):
        verbose_name = _("'Byrådet vil'-punkt")
        verbose_name_plural = _("'Byrådet vil'-punkter")

    def __str__(self):
        return self.text[:80]

    @property
    def anchor(self):
        return f"byraadet-vil-{self.pk}"


class BudgetGoal(MunicipalGoal):
    """A yearly budget goal (budgetmål) of the political area."""

    municipality = models.ForeignKey(
        "organisation.Municipality", models.CASCADE, related_name="budget_goals", verbose_name=_("kommune")
    )
    policy = models.ForeignKey(
        "policies.Policy",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="budget_goals",
        verbose_name=_("hører under politik"),
    )
    title = models.CharField(_("titel"), max_length=200)
    slug = models.SlugField(_("kortnavn i adresser"), max_length=80)
    from_year = models.PositiveSmallIntegerField(
        _("fra år"), null=True, blank=True, help_text=_("Tom, når dokumentet ikke nævner et år.")
    )
    description = models.TextField(_("beskrivelse"), blank=True)

    history = HistoricalRecords()

    class Meta(MunicipalGoal.Meta):
        verbose_name = _("budgetmål")
        verbose_name_plural = _("budgetmål")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "slug"], name="unique_budget_goal_slug"),
        ]

    def __str__(self):
        return self.title

    @property
    def anchor(self):
        return f"budgetmaal-{self.slug}"

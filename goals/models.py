from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from organisation.mixins import Period, Responsible
from organisation.models import MunicipalityScopedQuerySet, Sourced


class MunicipalGoal(Sourced, Responsible):
    municipality = models.ForeignKey(
        "organisation.Municipality", models.CASCADE, related_name="+", verbose_name=_("kommune")
    )
    policy = models.ForeignKey(
        "policies.Policy",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("hører under politik"),
        help_text=_("Den politik, dokumentet knytter målet til. Målet arver politikkens retsgrundlag."),
    )
    order = models.PositiveIntegerField(_("rækkefølge"), default=0)

    municipality_lookup = "municipality"
    basis_parent_field = "policy"
    objects = MunicipalityScopedQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["municipality", "order"]

    def get_absolute_url(self):
        return reverse("goals:overview", kwargs={"municipality": self.municipality.slug}) + f"#{self.anchor}"


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


class SubGoal(Sourced, Responsible):
    track = models.ForeignKey(GoalTrack, models.CASCADE, related_name="sub_goals", verbose_name=_("målspor"))
    order = models.PositiveIntegerField(_("rækkefølge"), default=0)
    text = models.TextField(_("tekst"))

    history = HistoricalRecords()

    municipality_lookup = "track__municipality"
    basis_parent_field = "track"
    objects = MunicipalityScopedQuerySet.as_manager()

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
            reverse("goals:overview", kwargs={"municipality": self.track.municipality.slug})
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

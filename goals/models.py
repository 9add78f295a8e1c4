from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.addresses import cached_reverse
from core.goalkinds import GOALS, kind_of, municipality_of
from core.models import (
    FollowedUp,
    Ordered,
    Period,
    Responsible,
    ScopedQuerySet,
    Sourced,
)
from core.targets import HasOneTarget, TargetQuerySet, exactly_one_target, target_keys


def goal_page_url(item):
    """The page of a goal and its follow-up (in the overview), for every kind in GOALS."""
    return cached_reverse("overview:goal", municipality=municipality_of(item).slug, anchor=item.anchor)


class MunicipalGoal(Sourced, Responsible, FollowedUp, Ordered):
    """A goal the municipality sets. Each subclass declares its own `municipality` and
    `policy` keys, for its own reverse names."""

    municipality_lookup = "municipality"
    publication_lookup = "policy__status"
    objects = ScopedQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["municipality", "order"]

    def get_absolute_url(self):
        return goal_page_url(self)


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
    anchor_prefix, anchor_field = "maalspor", "slug"

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
        return f"{self.anchor_prefix}-{self.slug}"


class SubGoal(Sourced, Responsible, FollowedUp, Ordered):
    track = models.ForeignKey(GoalTrack, models.CASCADE, related_name="sub_goals", verbose_name=_("målspor"))
    text = models.TextField(_("tekst"))

    history = HistoricalRecords()
    anchor_prefix = "delmaal"

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
        return f"{self.anchor_prefix}-{self.pk}"

    def get_absolute_url(self):
        return goal_page_url(self)


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
    anchor_prefix = "byraadet-vil"

    class Meta(MunicipalGoal.Meta):
        verbose_name = _("kommunalbestyrelsens mål")
        verbose_name_plural = _("kommunalbestyrelsens mål")

    def __str__(self):
        return self.text[:80]

    @property
    def anchor(self):
        return f"{self.anchor_prefix}-{self.pk}"


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
    anchor_prefix, anchor_field = "budgetmaal", "slug"

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
        return f"{self.anchor_prefix}-{self.slug}"


# Kept for the admin and the changes page, which list the keys.
FOLLOW_UP_TARGETS = [kind.key for kind in GOALS]


class FollowUpQuerySet(TargetQuerySet):
    def for_items(self, items):
        """Every follow-up of the given goal-like items, in one query, oldest first."""
        ids = {}
        for item in items:
            ids.setdefault(kind_of(item).key, []).append(item.pk)
        condition = Q()
        for key, pks in ids.items():
            condition |= Q(**{f"{key}_id__in": pks})
        if not ids:
            return self.none()
        return self.filter(condition).order_by("date", "pk")


class FollowUp(HasOneTarget):
    """A dated entry on how far a goal has come; the latest is its current state."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Ikke påbegyndt")
        IN_PROGRESS = "in_progress", _("I gang")
        ACHIEVED = "achieved", _("Nået")
        PARTLY_ACHIEVED = "partly_achieved", _("Delvist nået")
        NOT_ACHIEVED = "not_achieved", _("Ikke nået")
        DROPPED = "dropped", _("Opgivet")

    # What a goal without any follow-up shows; the documents state no status.
    NOT_FOLLOWED_UP = "none"
    NOT_FOLLOWED_UP_LABEL = _("Ikke fulgt op endnu")

    date = models.DateField(_("dato"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    progress = models.PositiveSmallIntegerField(
        _("fremdrift i procent"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text=_("Fra 0 til 100. Tom, når fremdriften ikke kan gøres op i procent."),
    )
    text = models.CharField(_("kort status"), max_length=500, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("indtastet af"),
        editable=False,
    )

    target_kinds = GOALS
    vars().update(target_keys(GOALS, related_name="follow_ups"))

    history = HistoricalRecords()

    objects = FollowUpQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("opfølgning")
        verbose_name_plural = _("opfølgninger")
        constraints = [
            models.CheckConstraint(condition=exactly_one_target(GOALS), name="follow_up_has_one_target"),
            models.CheckConstraint(
                condition=Q(progress__isnull=True) | Q(progress__lte=100), name="follow_up_progress_percent"
            ),
        ]

    def __str__(self):
        return f"{self.date:%d.%m.%Y} {self.get_status_display()}"

    def get_absolute_url(self):
        target = self.target
        return goal_page_url(target) if target is not None else ""

    def clean(self):
        if len(self.targets_set()) != 1:
            raise ValidationError(_("En opfølgning skal høre til præcis ét mål."))
        # A track's progress is computed from its sub-goals; entered by hand as well, the two
        # could disagree.
        if self.goal_track_id and self.progress is not None and self.goal_track.sub_goals.exists():
            raise ValidationError(
                {
                    "progress": _(
                        "Målsporets fremdrift beregnes ud fra delmålene. "
                        "Angiv fremdriften på de enkelte delmål i stedet."
                    )
                }
            )

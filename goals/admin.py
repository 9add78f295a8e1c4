from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from core.admin import MunicipalityScopedAdmin, MunicipalityScopedInline, SortableScopedAdmin
from goals.models import FOLLOW_UP_TARGETS, BudgetGoal, CouncilCommitment, FollowUp, GoalTrack, SubGoal
from legal.admin import references_inline

RESPONSIBLE = ("responsible_unit", "responsible_body")
FOLLOW_UP_FIELDS = ("date", "status", "progress", "text", "entered_by")


class FollowUpInline(MunicipalityScopedInline):
    """The goal's timeline, newest first; a new row is a new follow-up."""

    model = FollowUp
    fields = FOLLOW_UP_FIELDS
    readonly_fields = ("entered_by",)
    ordering = ["-date", "-pk"]
    verbose_name = _("opfølgning")
    verbose_name_plural = _("opfølgninger (den nyeste er målets status)")


def follow_ups_inline(target):
    return type(f"{target.title().replace('_', '')}FollowUpInline", (FollowUpInline,), {"fk_name": target})


class EntersFollowUps:
    """Fills in who entered a follow-up, from the request, never from the form."""

    def save_formset(self, request, form, formset, change):
        if formset.model is FollowUp:
            for follow_up in formset.save(commit=False):
                if follow_up.entered_by_id is None:
                    follow_up.entered_by = request.user
        return super().save_formset(request, form, formset, change)


class SubGoalInline(MunicipalityScopedInline):
    model = SubGoal
    fields = ("text", *RESPONSIBLE, "weight", "order")
    autocomplete_fields = RESPONSIBLE
    show_change_link = True


class MunicipalGoalAdmin(EntersFollowUps, SortableScopedAdmin):
    list_display = ("__str__", "policy", "municipality")
    list_filter = ("municipality", "policy")
    autocomplete_fields = ("policy", *RESPONSIBLE, "source")


@admin.register(GoalTrack)
class GoalTrackAdmin(MunicipalGoalAdmin):
    search_fields = ("title", "slug", "description")
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("policy", "set_by", *RESPONSIBLE, "source")
    inlines = [SubGoalInline, references_inline("goal_track"), follow_ups_inline("goal_track")]


@admin.register(CouncilCommitment)
class CouncilCommitmentAdmin(MunicipalGoalAdmin):
    search_fields = ("text",)
    inlines = [references_inline("council_commitment"), follow_ups_inline("council_commitment")]


@admin.register(BudgetGoal)
class BudgetGoalAdmin(MunicipalGoalAdmin):
    list_display = ("title", "from_year", "policy", "municipality")
    search_fields = ("title", "slug", "description")
    prepopulated_fields = {"slug": ("title",)}
    inlines = [references_inline("budget_goal"), follow_ups_inline("budget_goal")]


@admin.register(SubGoal)
class SubGoalAdmin(EntersFollowUps, SortableScopedAdmin):
    list_display = ("__str__", "track")
    list_filter = ("track",)
    search_fields = ("text", "track__title")
    autocomplete_fields = ("track", *RESPONSIBLE, "source")
    inlines = [references_inline("sub_goal"), follow_ups_inline("sub_goal")]


@admin.register(FollowUp)
class FollowUpAdmin(MunicipalityScopedAdmin):
    """Every follow-up; the place to follow up "Vi vil" commitments and initiatives
    (e.g. /admin/goals/followup/add/?commitment=12 from the goal page)."""

    list_display = ("date", "status", "progress", "__str__", "target_display", "entered_by")
    list_filter = ("status", "date")
    date_hierarchy = "date"
    search_fields = ("text",)
    fields = ("date", "status", "progress", "text", *FOLLOW_UP_TARGETS, "entered_by")
    readonly_fields = ("entered_by",)
    autocomplete_fields = FOLLOW_UP_TARGETS
    list_select_related = ("entered_by", *FOLLOW_UP_TARGETS)

    @admin.display(description=_("mål"))
    def target_display(self, obj):
        return str(obj.target or "")

    def save_model(self, request, obj, form, change):
        if obj.entered_by_id is None:
            obj.entered_by = request.user
        super().save_model(request, obj, form, change)

from django.contrib import admin

from core.admin import MunicipalityScopedAdmin, MunicipalityScopedInline
from goals.models import BudgetGoal, CouncilCommitment, GoalTrack, SubGoal
from legal.admin import references_inline

RESPONSIBLE = ("responsible_unit", "responsible_body")


class SubGoalInline(MunicipalityScopedInline):
    model = SubGoal
    fields = ("text", *RESPONSIBLE, "order")
    autocomplete_fields = RESPONSIBLE
    show_change_link = True


class MunicipalGoalAdmin(MunicipalityScopedAdmin):
    list_display = ("__str__", "policy", "order", "municipality")
    list_filter = ("municipality", "policy")
    autocomplete_fields = ("policy", *RESPONSIBLE, "source")


@admin.register(GoalTrack)
class GoalTrackAdmin(MunicipalGoalAdmin):
    search_fields = ("title", "slug", "description")
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("policy", "set_by", *RESPONSIBLE, "source")
    inlines = [SubGoalInline, references_inline("goal_track")]


@admin.register(CouncilCommitment)
class CouncilCommitmentAdmin(MunicipalGoalAdmin):
    search_fields = ("text",)
    inlines = [references_inline("council_commitment")]


@admin.register(BudgetGoal)
class BudgetGoalAdmin(MunicipalGoalAdmin):
    list_display = ("title", "from_year", "policy", "order", "municipality")
    search_fields = ("title", "slug", "description")
    prepopulated_fields = {"slug": ("title",)}
    inlines = [references_inline("budget_goal")]


@admin.register(SubGoal)
class SubGoalAdmin(MunicipalityScopedAdmin):
    list_display = ("__str__", "track", "order")
    list_filter = ("track",)
    search_fields = ("text", "track__title")
    autocomplete_fields = ("track", *RESPONSIBLE, "source")
    inlines = [references_inline("sub_goal")]

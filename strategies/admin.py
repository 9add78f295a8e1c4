from django.contrib import admin

from core.admin import MunicipalityScopedStackedInline, SortableScopedAdmin
from legal.admin import references_inline
from strategies.models import Strategy, StrategyComponent, StrategyTheme


class StrategyThemeInline(MunicipalityScopedStackedInline):
    model = StrategyTheme
    fields = ("title", "text", "order")


class StrategyComponentInline(StrategyThemeInline):
    model = StrategyComponent
    show_change_link = True


@admin.register(Strategy)
class StrategyAdmin(SortableScopedAdmin):
    list_display = ("title", "kind_label", "policy", "period_start", "period_end", "municipality")
    list_filter = ("municipality", "policy")
    search_fields = ("title", "kind_label", "slug")
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("policy", "source")
    inlines = [StrategyThemeInline, StrategyComponentInline, references_inline("strategy")]


class StrategyChildAdmin(SortableScopedAdmin):
    list_display = ("title", "strategy")
    list_filter = ("strategy",)
    search_fields = ("title", "text", "strategy__title")
    autocomplete_fields = ("strategy", "source")


@admin.register(StrategyTheme)
class StrategyThemeAdmin(StrategyChildAdmin):
    pass


@admin.register(StrategyComponent)
class StrategyComponentAdmin(StrategyChildAdmin):
    inlines = [references_inline("component")]

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from core.admin import (
    MunicipalityScopedAdmin,
    MunicipalityScopedInline,
    MunicipalityScopedStackedInline,
)
from legal.admin import references_inline
from policies.models import (
    Actor,
    Commitment,
    Initiative,
    KeyMessage,
    Policy,
    PolicyValue,
    Quote,
    Theme,
    ThemeSection,
)

RESPONSIBLE = ("responsible_unit", "responsible_body")


class ThemeInline(MunicipalityScopedInline):
    model = Theme
    fields = ("order", "number", "title", "slug", "subtitle")
    prepopulated_fields = {"slug": ("title",)}
    show_change_link = True


class PolicyValueInline(MunicipalityScopedStackedInline):
    model = PolicyValue
    fields = ("name", "tagline", "text", "order")


class ActorInline(MunicipalityScopedInline):
    model = Actor
    fields = ("group", "name", "responsibility", "order")


class PolicyQuoteInline(MunicipalityScopedInline):
    """The quotes outside any theme; a theme's quotes are edited on the theme's page."""

    model = Quote
    fk_name = "policy"
    fields = ("text", "speaker_role", "context", "order")
    verbose_name_plural = _("citater uden for temaerne")

    def get_queryset(self, request):
        return super().get_queryset(request).filter(theme__isnull=True)


@admin.register(Policy)
class PolicyAdmin(MunicipalityScopedAdmin):
    list_display = ("title", "status", "period_start", "period_end", "municipality")
    list_filter = ("municipality", "status")
    search_fields = ("title", "slug")
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("predecessor", "adopted_by", "foreword_by", "source")
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "municipality",
                    "title",
                    "slug",
                    ("status", "period_start", "period_end"),
                    "status_note",
                    "predecessor",
                    "adopted_by",
                    "source",
                )
            },
        ),
        (
            _("Tekster"),
            {
                "fields": (
                    "foreword",
                    "foreword_by",
                    "introduction",
                    "purpose",
                    "vision",
                    "children_view_title",
                    "children_view",
                    "actors_introduction",
                    "implementation",
                    "evaluation",
                )
            },
        ),
        (_("Redaktionelt"), {"fields": ("discrepancy_note",)}),
    )
    inlines = [ThemeInline, PolicyValueInline, ActorInline, PolicyQuoteInline, references_inline("policy")]


class SectionInline(MunicipalityScopedStackedInline):
    model = ThemeSection
    fields = ("heading", "text", "order")


class CommitmentInline(MunicipalityScopedInline):
    model = Commitment
    fields = ("text", *RESPONSIBLE, "order")
    autocomplete_fields = RESPONSIBLE
    show_change_link = True


class InitiativeInline(CommitmentInline):
    model = Initiative


class KeyMessageInline(MunicipalityScopedInline):
    model = KeyMessage
    fields = ("text", "order")


class ThemeQuoteForm(forms.ModelForm):
    """A theme's quote belongs to the theme's policy, so the form takes the policy from the theme."""

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("theme"):  # the theme being edited, also when it is new
            self.instance.policy_id = cleaned["theme"].policy_id
        return cleaned


class ThemeQuoteInline(MunicipalityScopedInline):
    model = Quote
    fk_name = "theme"
    form = ThemeQuoteForm
    fields = ("text", "speaker_role", "context", "order")


@admin.register(Theme)
class ThemeAdmin(MunicipalityScopedAdmin):
    list_display = ("title", "policy", "number", "order")
    list_filter = ("policy",)
    search_fields = ("title", "subtitle", "slug")
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("policy", "source")
    inlines = [
        SectionInline,
        CommitmentInline,
        InitiativeInline,
        KeyMessageInline,
        ThemeQuoteInline,
        references_inline("theme"),
    ]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # A theme moved to another policy takes its quotes along (Quote.clean requires it).
        theme = form.instance
        for quote in theme.quotes.exclude(policy_id=theme.policy_id):
            quote.policy_id = theme.policy_id
            quote.save()


class PolicyChildAdmin(MunicipalityScopedAdmin):
    list_display = ("__str__", "policy", "order")
    list_filter = ("policy",)
    autocomplete_fields = ("policy", "source")


@admin.register(PolicyValue)
class PolicyValueAdmin(PolicyChildAdmin):
    search_fields = ("name", "tagline", "text")


@admin.register(Actor)
class ActorAdmin(PolicyChildAdmin):
    search_fields = ("name", "group", "responsibility")


@admin.register(Quote)
class QuoteAdmin(PolicyChildAdmin):
    list_display = ("__str__", "speaker_role", "policy", "theme")
    search_fields = ("text", "speaker_role", "context")
    autocomplete_fields = ("policy", "theme", "source")


class ThemeChildAdmin(MunicipalityScopedAdmin):
    list_display = ("__str__", "theme", "order")
    list_filter = ("theme__policy",)
    search_fields = ("text", "theme__title")
    autocomplete_fields = ("theme", "source")


@admin.register(ThemeSection)
class ThemeSectionAdmin(ThemeChildAdmin):
    search_fields = ("heading", "text", "theme__title")


@admin.register(Commitment)
class CommitmentAdmin(ThemeChildAdmin):
    autocomplete_fields = ("theme", *RESPONSIBLE, "source")
    inlines = [references_inline("commitment")]


@admin.register(Initiative)
class InitiativeAdmin(ThemeChildAdmin):
    autocomplete_fields = ("theme", *RESPONSIBLE, "source")
    inlines = [references_inline("initiative")]


@admin.register(KeyMessage)
class KeyMessageAdmin(ThemeChildAdmin):
    pass

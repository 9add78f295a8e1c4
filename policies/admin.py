"""A policy edited as the whole it is: its outline, its themes in order, each theme with its parts.

The policy's page lists its themes (drag to reorder) and an outline of
everything under them, each part linked to its own form; a theme's page holds
its sections, commitments, initiatives, key messages and quotes, each list
ordered by drag and drop. Publishing and new versions are actions on the
policy (policies.services), for those who may publish.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _

from core.admin import (
    MunicipalityScopedAdmin,
    MunicipalityScopedStackedInline,
    SortableScopedAdmin,
    SortableScopedInline,
)
from legal.admin import LegalFactsAdmin, references_inline
from policies import services
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
PLAN = tuple(  # issue 9's follow-up plan, where the model has it
    name for name in ("deadline", "indicator", "target", "weight") if hasattr(Commitment, name)
)


def has_fields(model, *names):
    return all(any(f.name == name for f in model._meta.get_fields()) for name in names)


class ThemeInline(SortableScopedInline):
    model = Theme
    fields = ("title", "number", "slug", "subtitle", "order")
    prepopulated_fields = {"slug": ("title",)}
    show_change_link = True
    verbose_name_plural = _("temaer (træk i en række for at flytte den)")


class PolicyValueInline(MunicipalityScopedStackedInline):
    model = PolicyValue
    fields = ("name", "tagline", "text", "order")
    classes = ["collapse"]


class ActorInline(MunicipalityScopedStackedInline):
    model = Actor
    fields = ("group", "name", "responsibility", "order")
    classes = ["collapse"]


class PolicyQuoteInline(MunicipalityScopedStackedInline):
    """The quotes outside any theme; a theme's quotes are edited on the theme's page."""

    model = Quote
    fk_name = "policy"
    fields = ("text", "speaker_role", "context", "order")
    verbose_name_plural = _("citater uden for temaerne")
    classes = ["collapse"]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(theme__isnull=True)


@admin.register(Policy)
class PolicyAdmin(LegalFactsAdmin, MunicipalityScopedAdmin):
    list_display = ("title", "status", "period_start", "period_end", "municipality")
    list_filter = ("municipality", "status")
    search_fields = ("title", "slug")
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = (
        "predecessor",
        "adopted_by",
        "foreword_by",
        "source",
        *(RESPONSIBLE if has_fields(Policy, *RESPONSIBLE) else ()),
    )
    public_facts = ("public_address", "outline")
    actions = ["publish", "new_version"]
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
                    *(RESPONSIBLE if has_fields(Policy, *RESPONSIBLE) else ()),
                    "source",
                )
            },
        ),
        (
            _("Tekster"),
            {
                "classes": ["collapse"],
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
                ),
            },
        ),
        (_("Redaktionelt"), {"classes": ["collapse"], "fields": ("discrepancy_note",)}),
    )
    inlines = [ThemeInline, PolicyValueInline, ActorInline, PolicyQuoteInline, references_inline("policy")]

    def get_readonly_fields(self, request, obj=None):
        # An editor prepares; only a publisher changes the status (publishing is the action below).
        readonly = super().get_readonly_fields(request, obj)
        return readonly if services.may_publish(request.user, obj) else (*readonly, "status")

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not services.may_publish(request.user):
            actions.pop("publish", None)
        return actions

    def get_urls(self):
        # The buttons on the change form: one policy, POST only, scoped as the form is.
        return [
            path(
                "<path:object_id>/offentliggoer/",
                self.admin_site.admin_view(self.publish_view),
                name="policies_policy_publish",
            ),
            path(
                "<path:object_id>/ny-version/",
                self.admin_site.admin_view(self.new_version_view),
                name="policies_policy_new_version",
            ),
            *super().get_urls(),
        ]

    def one_policy(self, request, object_id):
        if request.method != "POST":
            return None
        return self.get_queryset(request).filter(pk=self.get_object(request, unquote(object_id)).pk)

    def publish_view(self, request, object_id):
        queryset = self.one_policy(request, object_id)
        if queryset is None:
            return HttpResponseNotAllowed(["POST"])
        if not services.may_publish(request.user, queryset.get()):
            raise PermissionDenied
        self.publish(request, queryset)
        return HttpResponseRedirect(reverse("admin:policies_policy_change", args=[queryset.get().pk]))

    def new_version_view(self, request, object_id):
        queryset = self.one_policy(request, object_id)
        if queryset is None:
            return HttpResponseNotAllowed(["POST"])
        if not self.has_add_permission(request):
            raise PermissionDenied
        return self.new_version(request, queryset) or HttpResponseRedirect(
            reverse("admin:policies_policy_change", args=[queryset.get().pk])
        )

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["may_publish"] = (
            obj is not None
            and obj.status == Policy.Status.DRAFT
            and (services.may_publish(request.user, obj))
        )
        context["may_make_new_version"] = (
            obj is not None and obj.status == Policy.Status.ADOPTED and self.has_add_permission(request)
        )
        return super().render_change_form(request, context, add, change, form_url, obj)

    @admin.display(description=_("Politikkens opbygning"))
    def outline(self, obj):
        themes = obj.themes.order_by("order").prefetch_related(
            "sections", "commitments", "initiatives", "key_messages", "quotes"
        )
        return render_to_string("admin/includes/policy_outline.html", {"policy": obj, "themes": themes})

    @admin.action(description=_("Offentliggør de valgte kladder"))
    def publish(self, request, queryset):
        done = []
        for policy in queryset:
            try:
                done.append(services.publish(policy, request.user))
            except (PermissionDenied, ValidationError) as error:
                self.message_user(request, f"{policy}: {_message(error)}", messages.ERROR)
        if done:
            self.message_user(
                request,
                _g("Offentliggjort: %(titles)s.") % {"titles": ", ".join(str(p) for p in done)},
                messages.SUCCESS,
            )

    @admin.action(description=_("Lav en ny version som kladde"), permissions=["add"])
    def new_version(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(request, _g("Vælg én politik ad gangen."), messages.ERROR)
            return None
        try:
            draft = services.new_version(queryset.get(), request.user)
        except ValidationError as error:
            self.message_user(request, _message(error), messages.ERROR)
            return None
        self.message_user(
            request,
            _g(
                "Den nye version er oprettet som kladde. Den er ikke offentlig, før en udgiver "
                "offentliggør den, og så afløser den den gamle."
            ),
            messages.SUCCESS,
        )
        return HttpResponseRedirect(reverse("admin:policies_policy_change", args=[draft.pk]))


def _message(error):
    return " ".join(getattr(error, "messages", [])) or _g("Du har ikke lov til at offentliggøre.")


class SectionInline(MunicipalityScopedStackedInline):
    model = ThemeSection
    fields = ("heading", "text", "order")


class CommitmentInline(MunicipalityScopedStackedInline):
    model = Commitment
    fields = ("text", RESPONSIBLE, "order")
    autocomplete_fields = RESPONSIBLE
    show_change_link = True


class InitiativeInline(CommitmentInline):
    model = Initiative


class KeyMessageInline(MunicipalityScopedStackedInline):
    model = KeyMessage
    fields = ("text", "order")


class ThemeQuoteForm(forms.ModelForm):
    """A theme's quote belongs to the theme's policy, so the form takes the policy from the theme."""

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("theme"):  # the theme being edited, also when it is new
            self.instance.policy_id = cleaned["theme"].policy_id
        return cleaned


class ThemeQuoteInline(MunicipalityScopedStackedInline):
    model = Quote
    fk_name = "theme"
    form = ThemeQuoteForm
    fields = ("text", ("speaker_role", "context"), "order")


@admin.register(Theme)
class ThemeAdmin(LegalFactsAdmin, SortableScopedAdmin):
    list_display = ("title", "policy", "number")
    list_filter = ("policy",)
    search_fields = ("title", "subtitle", "slug")
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("policy", "source")
    fields = (
        "policy",
        "title",
        "slug",
        "number",
        "subtitle",
        "text",
        "discrepancy_note",
        "source",
    )
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


class PolicyChildAdmin(SortableScopedAdmin):
    list_display = ("__str__", "policy")
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


class ThemeChildAdmin(SortableScopedAdmin):
    list_display = ("__str__", "theme")
    list_filter = ("theme__policy", "theme")
    search_fields = ("text", "theme__title")
    autocomplete_fields = ("theme", "source")


@admin.register(ThemeSection)
class ThemeSectionAdmin(ThemeChildAdmin):
    search_fields = ("heading", "text", "theme__title")


class GoalChildAdmin(LegalFactsAdmin, ThemeChildAdmin):
    """A commitment or initiative: its text, who carries it out and, where set, its follow-up plan."""

    autocomplete_fields = ("theme", *RESPONSIBLE, "source")
    fieldsets = (
        (None, {"fields": ("theme", "text", RESPONSIBLE, "source")}),
        *(((_("Opfølgning"), {"fields": PLAN}),) if PLAN else ()),
    )


@admin.register(Commitment)
class CommitmentAdmin(GoalChildAdmin):
    inlines = [references_inline("commitment")]


@admin.register(Initiative)
class InitiativeAdmin(GoalChildAdmin):
    inlines = [references_inline("initiative")]


@admin.register(KeyMessage)
class KeyMessageAdmin(ThemeChildAdmin):
    pass

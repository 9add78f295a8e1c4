"""The register of legal sources, edited by the legal-editor role, and the references to it."""

from adminsortable2.admin import SortableAdminBase, SortableStackedInline
from django import forms
from django.contrib import admin
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from core.admin import HistoryAdmin, MunicipalityScopedAdmin, SortableScopedInline
from core.admin_facts import PublicFactsAdmin, is_goal_like
from core.goalkinds import ancestors, key_of
from legal.basis import BasisIndex
from legal.models import TARGET_FIELDS, Consolidation, Instrument, LegalReference, Provision

REFERENCE_FIELDS = ("instrument", "provision", "relation", "citation", "source", "is_editorial", "order")


class ConsolidationInline(admin.TabularInline):
    model = Consolidation
    extra = 0
    formfield_overrides = HistoryAdmin.formfield_overrides
    fields = ("label", "dated", "identifier", "verification", "verification_note")


class ProvisionInline(SortableStackedInline):
    model = Provision
    extra = 0
    ordering = ["order"]
    fields = ("label", "slug", "heading", "summary", "order")
    prepopulated_fields = {"slug": ("label",)}
    show_change_link = True


@admin.register(Instrument)
class InstrumentAdmin(SortableAdminBase, HistoryAdmin):
    list_display = ("short_title", "kind", "bindingness", "verification", "checked_on", "order")
    list_filter = ("kind", "bindingness", "verification")
    search_fields = ("short_title", "title", "citation", "slug")
    prepopulated_fields = {"slug": ("short_title",)}
    inlines = [ConsolidationInline, ProvisionInline]


@admin.register(Consolidation)
class ConsolidationAdmin(HistoryAdmin):
    list_display = ("label", "instrument", "dated", "verification")
    list_filter = ("verification", "instrument")
    search_fields = ("label", "instrument__short_title")
    autocomplete_fields = ("instrument",)


@admin.register(Provision)
class ProvisionAdmin(HistoryAdmin):
    list_display = ("__str__", "heading", "replaced_by", "verification")
    list_filter = ("verification", "instrument")
    search_fields = ("label", "heading", "instrument__short_title")
    prepopulated_fields = {"slug": ("label",)}
    autocomplete_fields = ("instrument", "replaced_by")


class LegalReferenceInline(SortableScopedInline):
    model = LegalReference
    verbose_name = _("henvisning til retsgrundlag")
    verbose_name_plural = _("retsgrundlag, som dokumentet selv nævner")
    fields = REFERENCE_FIELDS
    autocomplete_fields = ("instrument", "provision", "source")


def references_inline(target):
    """The legal references of one kind of goal-like item, inline under it."""
    return type(
        f"{target.title().replace('_', '')}ReferenceInline", (LegalReferenceInline,), {"fk_name": target}
    )


class LegalReferenceForm(forms.ModelForm):
    def clean(self):
        cleaned = super().clean()
        # The model's clean() refuses two targets; none would only fail at the check constraint.
        if not any(cleaned.get(field) for field in TARGET_FIELDS):
            raise forms.ValidationError(_("Vælg det mål, tema eller den politik, retsgrundlaget hører til."))
        return cleaned


@admin.register(LegalReference)
class LegalReferenceAdmin(MunicipalityScopedAdmin):
    form = LegalReferenceForm
    list_display = ("__str__", "relation", "target_display", "is_editorial")
    list_filter = ("relation", "is_editorial", "instrument")
    list_select_related = ("instrument", "provision")
    search_fields = ("citation", "instrument__short_title", "provision__label")
    autocomplete_fields = ("instrument", "provision", "source", *TARGET_FIELDS)
    fieldsets = ((None, {"fields": REFERENCE_FIELDS}), (_("Hører til"), {"fields": TARGET_FIELDS}))

    @admin.display(description=_("hører til"))
    def target_display(self, obj):
        return obj.target


def basis_of(item):
    """The basis the public page shows for a goal-like item: its own references or inherited."""
    condition = Q()
    nodes = list(ancestors(item))
    for node in nodes:
        key, pk = key_of(node)
        condition |= Q(**{key: pk})
    return BasisIndex(LegalReference.objects.with_provisions().filter(condition)).basis_of(item)


class LegalFactsAdmin(PublicFactsAdmin):
    """The public facts, with the legal basis the item rests on, directly or inherited."""

    public_facts = ("public_address", "responsible_shown", "basis_shown")

    @admin.display(description=_("Retsgrundlag på den offentlige side"))
    def basis_shown(self, obj):
        if not is_goal_like(type(obj)):
            return "–"
        basis = basis_of(obj)
        kind = basis.inherited_from._meta.verbose_name if basis.inherited_from else ""
        return render_to_string("admin/includes/basis_shown.html", {"basis": basis, "kind": kind})

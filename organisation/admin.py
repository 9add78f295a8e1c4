from django.contrib import admin, messages
from django.contrib.admin.widgets import FilteredSelectMultiple
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from mptt.admin import DraggableMPTTAdmin
from mptt.forms import MPTTAdminForm

from core.admin import MunicipalityScopedAdmin, SortableScopedAdmin, SortableScopedInline
from organisation import services
from organisation.models import (
    CoreTask,
    Municipality,
    OrganisationUnit,
    Person,
    PoliticalBody,
    SourceDocument,
    StaffMembership,
)

admin.site.site_header = _("Børne- og ungepolitikker – redaktion")
admin.site.site_title = _("Redaktion af Børne- og ungepolitikker")
admin.site.index_title = _("Redigér indhold")


@admin.register(Municipality)
class MunicipalityAdmin(MunicipalityScopedAdmin):
    list_display = ("name", "slug", "website")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


@admin.register(SourceDocument)
class SourceDocumentAdmin(MunicipalityScopedAdmin):
    list_display = ("title", "key", "kind", "seed_file", "municipality")
    list_filter = ("municipality", "kind")
    search_fields = ("title", "key", "seed_file")


@admin.register(PoliticalBody)
class PoliticalBodyAdmin(SortableScopedAdmin):
    list_display = ("name", "kind", "municipality")
    list_filter = ("municipality", "kind")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("source",)


class CoreTaskInline(SortableScopedInline):
    model = CoreTask
    fields = ("text", "order", "source")
    autocomplete_fields = ("source",)


class UnitForm(MPTTAdminForm):
    def clean(self):
        cleaned = super().clean()
        parent, municipality = cleaned.get("parent"), cleaned.get("municipality")
        if parent and municipality and parent.municipality_id != municipality.pk:
            self.add_error("parent", _("Den overordnede enhed hører til en anden kommune."))
        unit = self.instance
        if (
            municipality
            and unit.pk
            and unit.municipality_id != municipality.pk
            and unit.get_descendant_count()
        ):
            self.add_error(
                "municipality", _("En enhed med underenheder kan ikke flyttes til en anden kommune.")
            )
        return cleaned


@admin.register(OrganisationUnit)
class OrganisationUnitAdmin(MunicipalityScopedAdmin, DraggableMPTTAdmin):
    """The tree, with drag and drop; every tree write is serialised by services.tree_write()."""

    form = UnitForm
    list_display = ("tree_actions", "indented_title", "abbreviation", "kind", "municipality")
    list_display_links = ("indented_title",)
    list_filter = ("municipality", "kind")
    search_fields = ("name", "abbreviation", "slug")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("source",)
    filter_horizontal = ("serves",)
    inlines = [CoreTaskInline]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "serves":
            # The widget names its two lists after this word: "Tilgængelige politiske organer".
            kwargs["widget"] = FilteredSelectMultiple(_("politiske organer"), is_stacked=False)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    @admin.display(description=_("navn"))
    def indented_title(self, item):
        return super().indented_title(item)

    def save_model(self, request, obj, form, change):
        with services.tree_write():
            super().save_model(request, obj, form, change)

    def delete_model(self, request, obj):
        services.delete_unit(obj)

    def delete_selected_tree(self, modeladmin, request, queryset):
        with services.tree_write():
            return super().delete_selected_tree(modeladmin, request, queryset)

    def _move_node(self, request):
        # The lock is taken before the nodes are read, so the move works on current lft/rght.
        with services.tree_write():
            pks = [request.POST.get(key, "") for key in ("cut_item", "pasted_on")]
            units = self.get_queryset(request).filter(pk__in=[pk for pk in pks if pk.isdigit()])
            if len({unit.municipality_id for unit in units}) > 1:
                self.message_user(
                    request, _("En enhed kan ikke flyttes til en anden kommune."), level=messages.ERROR
                )
                return HttpResponse("FAIL, other municipality.")
            return super()._move_node(request)


@admin.register(CoreTask)
class CoreTaskAdmin(SortableScopedAdmin):
    list_display = ("text", "unit")
    list_filter = ("unit",)
    search_fields = ("text", "unit__name")
    autocomplete_fields = ("unit", "source")


@admin.register(Person)
class PersonAdmin(SortableScopedAdmin):
    list_display = ("name", "job_title", "role", "unit", "municipality")
    list_filter = ("municipality", "role")
    search_fields = ("name", "job_title", "email")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("unit", "body", "source")


@admin.register(StaffMembership)
class StaffMembershipAdmin(admin.ModelAdmin):
    """Who may edit which municipality: for superusers only, whatever a group grants."""

    list_display = ("user", "municipality")
    list_filter = ("municipality",)
    search_fields = ("user__username", "user__email")
    autocomplete_fields = ("user",)

    def has_module_permission(self, request):
        return request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser

    has_add_permission = has_change_permission = has_delete_permission = has_view_permission

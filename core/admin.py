"""Admin building blocks that keep staff inside their own municipality.

A staff user belongs to one municipality (organisation.StaffMembership) and
sees and edits only its content; superusers see everything; staff without a
membership see nothing. Everything is derived from the models'
`municipality_lookup` and their querysets' `for_municipality()`, so no admin
repeats the rule.
"""

from django.contrib import admin
from django.contrib.admin.utils import get_fields_from_path, unquote
from django.core.exceptions import PermissionDenied
from django.db import models, router, transaction
from django.http import Http404
from simple_history.admin import SimpleHistoryAdmin


def municipality_id(user):
    """The pk of the user's municipality, or None."""
    membership = getattr(user, "membership", None)
    return membership.municipality_id if membership else None


def is_municipal(model):
    return hasattr(model._default_manager, "for_municipality")


def scoped(request, queryset):
    """The part of `queryset` that the request's user may see."""
    if request.user.is_superuser:
        return queryset
    municipality = municipality_id(request.user)
    return queryset.for_municipality(municipality) if municipality else queryset.none()


class HistoryAdmin(SimpleHistoryAdmin):
    """SimpleHistoryAdmin whose revert needs change permission.

    simple_history lets anyone with view permission POST a revert; here a
    revert is a change like any other, and it is atomic as the change form is.
    """

    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST" and not self.has_change_permission(request):
            raise PermissionDenied
        with transaction.atomic(using=router.db_for_write(self.model)):
            return super().history_form_view(request, object_id, version_id, extra_context)


class MunicipalityScope:
    """Scopes the queryset and every foreign-key choice; for model admins and inlines alike."""

    def get_queryset(self, request):
        return scoped(request, super().get_queryset(request))

    def scope_choices(self, db_field, request, kwargs):
        related = db_field.related_model
        if request.user.is_superuser or not is_municipal(related):
            return kwargs
        # Admin validates a submitted pk against this queryset, not just the rendered options.
        kwargs["queryset"] = scoped(request, kwargs.get("queryset", related._default_manager.all()))
        if related.municipality_lookup == "pk":  # the municipality itself: fixed to the user's
            kwargs.update(disabled=True, empty_label=None)
        return kwargs

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        return super().formfield_for_foreignkey(
            db_field, request, **self.scope_choices(db_field, request, kwargs)
        )

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        return super().formfield_for_manytomany(
            db_field, request, **self.scope_choices(db_field, request, kwargs)
        )


class MunicipalityScopedAdmin(MunicipalityScope, HistoryAdmin):
    def get_list_filter(self, request):
        # Django's default filter for a relation lists every row of the related model.
        return [
            (f, admin.RelatedOnlyFieldListFilter)
            if isinstance(f, str) and get_fields_from_path(self.model, f)[-1].is_relation
            else f
            for f in super().get_list_filter(request)
        ]

    def has_add_permission(self, request):
        return super().has_add_permission(request) and (
            request.user.is_superuser or municipality_id(request.user) is not None
        )

    def get_object(self, request, object_id, from_field=None):
        # Outside the user's municipality is "not found", not Django's redirect with a message.
        obj = super().get_object(request, object_id, from_field)
        if obj is None:
            raise Http404
        return obj

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        municipality = municipality_id(request.user)
        if request.user.is_superuser or municipality is None or "municipality" not in form.base_fields:
            return form

        class FixedMunicipalityForm(form):
            # The field is disabled, so its value is this initial and never the submitted one;
            # set before validation, so unique constraints with the municipality are checked.
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                self.initial["municipality"] = municipality

        return FixedMunicipalityForm

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not self.get_queryset(request).filter(pk=obj.pk).exists():
            raise PermissionDenied  # rolls back the view's transaction

    def history_view(self, request, object_id, extra_context=None):
        # simple_history falls back to the last historical record when the object is not in
        # get_queryset(), which would show another municipality's history; only superusers
        # keep that fallback (it shows deleted objects).
        if not request.user.is_superuser:
            self.get_object(request, unquote(object_id))
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if not request.user.is_superuser:
            self.get_object(request, unquote(object_id))
        return super().history_form_view(request, object_id, version_id, extra_context)


class MunicipalityScopedInline(MunicipalityScope, admin.TabularInline):
    extra = 0
    ordering = ["order"]


class MunicipalityScopedStackedInline(MunicipalityScopedInline):
    template = "admin/edit_inline/stacked.html"

"""Admin building blocks that keep staff inside their own municipality.

A staff user belongs to one municipality (organisation.StaffMembership) and
sees and edits only its content; superusers see everything; staff without a
membership see nothing. Everything is derived from the models'
`municipality_lookup` and their querysets' `for_municipality()`, so no admin
repeats the rule.
"""

import json

from adminsortable2.admin import (
    SortableAdminBase,
    SortableAdminMixin,
    SortableInlineAdminMixin,
    SortableStackedInline,
    SortableTabularInline,
)
from django.contrib import admin
from django.contrib.admin import helpers
from django.contrib.admin.utils import get_fields_from_path, unquote
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, router, transaction
from django.db.models import Max
from django.forms.formsets import TOTAL_FORM_COUNT
from django.http import Http404, HttpResponse, HttpResponseBadRequest, HttpResponseNotAllowed
from django.utils.translation import gettext
from simple_history.admin import SimpleHistoryAdmin

from core.admin_facts import PlainHelp
from core.history import ChangeReasonAdmin
from core.services import ORDER_FIELD, reorder

# No inline holds anywhere near this many rows (the largest, a theme's commitments, holds
# tens); a submitted TOTAL_FORMS above it is refused before any form is built, so that a
# crafted POST cannot make a worker build and render millions of forms.
INLINE_MAX_NUM = 300


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


def parses_as(field, value):
    """Whether `value` (a submitted id) is a valid value of model field `field`."""
    try:
        field.to_python(value)
    except (ValidationError, ValueError, TypeError):
        return False
    return True


class ValidIdsOnly:
    """An autocomplete widget that redraws a form although a submitted id is no id at all.

    Django's autocomplete widgets look the submitted ids up to show them again, and an id
    such as "abc" or "1.5" for an integer key raises there; the form already reports it as
    an invalid choice, so the lookup just leaves it out.
    """

    def optgroups(self, name, value, attr=None):
        target = self.field.remote_field.get_related_field()
        value = [item for item in value if parses_as(target, item)]
        return super().optgroups(name, value, attr)


class ValidIdsAutocompleteSelect(ValidIdsOnly, AutocompleteSelect):
    pass


class ValidIdsAutocompleteSelectMultiple(ValidIdsOnly, AutocompleteSelectMultiple):
    pass


def tolerate_invalid_ids(formfield):
    widget = getattr(formfield, "widget", None)
    inner = getattr(widget, "widget", widget)  # inside RelatedFieldWidgetWrapper
    if isinstance(inner, ValidIdsOnly):
        pass
    elif isinstance(inner, AutocompleteSelectMultiple):
        inner.__class__ = ValidIdsAutocompleteSelectMultiple
    elif isinstance(inner, AutocompleteSelect):
        inner.__class__ = ValidIdsAutocompleteSelect
    return formfield


class RobustRelations:
    """Relation fields whose widgets survive invalid submitted ids; for admins and inlines."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        return tolerate_invalid_ids(super().formfield_for_foreignkey(db_field, request, **kwargs))

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        return tolerate_invalid_ids(super().formfield_for_manytomany(db_field, request, **kwargs))


class BoundedFormSet:
    """A formset that refuses a TOTAL_FORMS above its absolute_max without building the forms.

    Django caps the forms it builds at absolute_max but still builds and cleans that many;
    here a formset submitted with too many forms builds none and reports the error.
    """

    def total_form_count(self):
        if self.is_bound:  # an unbound management form asks total_form_count() itself
            form = self.management_form
            if form.is_valid() and form.cleaned_data[TOTAL_FORM_COUNT] > self.absolute_max:
                return 0
        return super().total_form_count()


def bounded(formset_class):
    if issubclass(formset_class, BoundedFormSet):
        return formset_class
    limit = INLINE_MAX_NUM
    max_num = min(formset_class.max_num, limit)
    return type(
        formset_class.__name__,
        (BoundedFormSet, formset_class),
        {"max_num": max_num, "absolute_max": min(formset_class.absolute_max, limit)},
    )


class LowerCaseAddText(helpers.InlineAdminFormSet):
    """Django capitalises the model's name in "Tilføj …" (for English, where it starts the phrase);
    Danish nouns are lower case mid-sentence: "Tilføj tema", not "Tilføj Tema"."""

    def inline_formset_data(self):
        data = json.loads(super().inline_formset_data())
        data["options"]["addText"] = gettext("Add another %(verbose_name)s") % {
            "verbose_name": self.opts.verbose_name
        }
        return json.dumps(data)


class HistoryAdmin(ChangeReasonAdmin, PlainHelp, RobustRelations, SimpleHistoryAdmin):
    """SimpleHistoryAdmin whose revert needs change permission.

    simple_history lets anyone with view permission POST a revert; here a
    revert is a change like any other, and it is atomic as the change form is.
    Every change form asks for an optional reason (core.history).
    """

    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST" and not self.has_change_permission(request):
            raise PermissionDenied
        self.check_history_ids(object_id, version_id)
        with transaction.atomic(using=router.db_for_write(self.model)):
            return super().history_form_view(request, object_id, version_id, extra_context)

    def history_view(self, request, object_id, extra_context=None):
        self.check_history_ids(object_id)
        return super().history_view(request, object_id, extra_context)

    def check_history_ids(self, object_id, version_id=None):
        # simple_history filters by the ids as given, and "abc" for an integer key raises there.
        history = getattr(self.model, self.model._meta.simple_history_manager_attribute).model
        if not parses_as(self.model._meta.pk, unquote(object_id)):
            raise Http404
        if version_id is not None and not parses_as(history._meta.pk, version_id):
            raise Http404

    def get_inline_formsets(self, request, formsets, inline_instances, obj=None):
        inline_formsets = super().get_inline_formsets(request, formsets, inline_instances, obj)
        for inline_formset in inline_formsets:
            inline_formset.__class__ = LowerCaseAddText
        return inline_formsets

    def get_formsets_with_inlines(self, request, obj=None):
        # Every inline, also those not built on MunicipalityScopedInline, gets a bounded formset.
        for formset, inline in super().get_formsets_with_inlines(request, obj):
            yield bounded(formset), inline


class MunicipalityScope(PlainHelp, RobustRelations):
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


class MunicipalityScopedAdmin(MunicipalityScope, SortableAdminBase, HistoryAdmin):
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
    max_num = INLINE_MAX_NUM

    def get_formset(self, request, obj=None, **kwargs):
        # Django's absolute_max is max_num + 1000; one limit is enough.
        kwargs.setdefault("absolute_max", self.get_max_num(request, obj) or INLINE_MAX_NUM)
        return bounded(super().get_formset(request, obj, **kwargs))


class SortableScopedInline(SortableInlineAdminMixin, MunicipalityScopedInline):
    """Rows in the document's order, moved by drag and drop (django-admin-sortable2); a new row
    goes last. For inlines ordered by `order`; a timeline ordered by date stays a plain inline."""

    template = SortableTabularInline.template


class MunicipalityScopedStackedInline(SortableScopedInline):
    template = SortableStackedInline.template


class SortableScopedAdmin(SortableAdminMixin, MunicipalityScopedAdmin):
    """A changelist whose rows are moved by drag and drop (django-admin-sortable2).

    The model is ordered within a list (its Meta.ordering: e.g. ["policy", "order"]), so
    the rows can be dragged only while the changelist shows one such list in its own order
    (e.g. the themes of one policy); a new row goes last in its list. The moves go through
    `core.services.reorder`, on the rows the user may change, all or nothing.
    """

    ordering = (ORDER_FIELD,)  # sortable2 reads its field from here; the list is get_ordering()
    change_list_template = "admin/sortable_change_list.html"

    def __init__(self, model, admin_site):
        self.within = model._meta.ordering[0]
        super().__init__(model, admin_site)

    def get_ordering(self, request):
        return [self.within, ORDER_FIELD, "pk"]

    def get_changelist_instance(self, request):
        cl = super().get_changelist_instance(request)
        # Per request, on the instance as sortable2 does: the changelist view reads it while rendering.
        lists = cl.queryset.order_by().values(self.within).distinct()[:2]
        self.enable_sorting = "o" not in request.GET and len(lists) == 1
        return cl

    def changelist_view(self, request, extra_context=None):
        within = self.model._meta.get_field(self.within).verbose_name
        return super().changelist_view(request, {**(extra_context or {}), "sortable_within": within})

    def get_actions(self, request):
        # sortable2's "move to page" actions renumber across lists; they are left out.
        return super(SortableAdminMixin, self).get_actions(request)

    def get_max_order(self, request, obj=None):
        field = self.model._meta.get_field(self.within)
        siblings = self.model._default_manager.filter(**{field.attname: getattr(obj, field.attname)})
        return siblings.aggregate(last=Max(ORDER_FIELD))["last"] or 0

    def update_order(self, request):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not self.has_change_permission(request):
            raise PermissionDenied
        try:
            items = json.loads(request.body)["updatedItems"]
            orders = {self.model._meta.pk.to_python(pk): int(order) for pk, order in items}
        except (ValueError, TypeError, KeyError, ValidationError):
            return HttpResponseBadRequest(gettext("Rækkefølgen kunne ikke forstås."))
        if not orders or min(orders.values()) < 0:
            return HttpResponseBadRequest(gettext("Rækkefølgen kunne ikke forstås."))
        moved = reorder(self.get_queryset(request), orders, self.within)
        return HttpResponse(f"Updated {len(moved)} items")

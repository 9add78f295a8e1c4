"""History that explains itself: a reason with every change, and a revert recorded as a restore.

simple_history keeps who and when; staff also need to say why, and to read a
revert as what it is. The reason is an optional field on every change form,
stored as the historical record's change reason; a revert stores "Gendannet
fra versionen af …" there, which the history list shows as a restore.
"""

from django import forms
from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

REASON_FIELD = "change_reason"
REASON_MAX_LENGTH = 100  # simple_history's history_change_reason column


def restored_reason(history_date):
    when = date_format(localtime(history_date), r"j. F Y \k\l. H.i")
    return gettext("Gendannet fra versionen af %(when)s") % {"when": when}


def is_restore(reason):
    return bool(reason) and reason.startswith(gettext("Gendannet fra versionen af %(when)s").split("%")[0])


def with_reason(form_class):
    """The form class with the optional reason field, declared so any ModelForm takes it."""
    if REASON_FIELD in form_class.base_fields:
        return form_class
    field = forms.CharField(
        label=_("Årsag til ændringen"),
        required=False,
        max_length=REASON_MAX_LENGTH,
        help_text=_(
            "Valgfrit. Skriv kort, hvorfor du ændrer, fx »Rettet efter udvalgets beslutning«. "
            "Det står i historikken sammen med dit navn."
        ),
    )
    return type(form_class.__name__, (form_class,), {REASON_FIELD: field})


class ChangeReasonAdmin:
    """For a SimpleHistoryAdmin: the reason field, the restore record and the restore message."""

    def get_form(self, request, obj=None, change=False, **kwargs):
        kwargs["form"] = with_reason(kwargs.get("form") or self.form)
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fieldsets(self, request, obj=None):
        fieldsets = [
            (name, {**options, "fields": [f for f in options["fields"] if f != REASON_FIELD]})
            for name, options in super().get_fieldsets(request, obj)
        ]
        if getattr(request, "_restored_reason", None) or not self.has_change_permission(request, obj):
            return fieldsets  # a restore writes its own reason; a reader changes nothing
        return [*fieldsets, (_("Årsag til ændringen"), {"fields": [REASON_FIELD]})]

    def save_model(self, request, obj, form, change):
        reason = getattr(request, "_restored_reason", None)
        if not reason and form is not None and hasattr(form, "cleaned_data"):
            reason = form.cleaned_data.get(REASON_FIELD, "").strip()
        if reason:
            obj._change_reason = reason
        super().save_model(request, obj, form, change)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        history = getattr(self.model, self.model._meta.simple_history_manager_attribute)
        version = history.filter(history_id=version_id).only("history_date").first()
        if version is not None:
            request._restored_reason = restored_reason(version.history_date)
        return super().history_form_view(request, object_id, version_id, extra_context)

    def response_change(self, request, obj):
        if not getattr(request, "_restored_reason", None):
            return super().response_change(request, obj)
        opts = obj._meta
        self.message_user(
            request,
            gettext("%(name)s »%(obj)s« blev gendannet.")
            % {"name": str(opts.verbose_name).capitalize(), "obj": obj},
            messages.SUCCESS,
        )
        return HttpResponseRedirect(
            reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[obj.pk])
        )

"""How a historical record reads in the history list: a revert is a restore."""

from django import template
from django.utils.translation import gettext as _

from core.history import is_restore

register = template.Library()


@register.filter
def history_action(record):
    if is_restore(record.history_change_reason):
        return _("Gendannet")
    return record.get_history_type_display()

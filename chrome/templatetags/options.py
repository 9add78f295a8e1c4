"""A <select>'s options, built with format_html_join: the search form offers ~100
municipalities and the goal overview's basis filter every instrument and provision, and as a
template loop each option's lookups and comparison cost more than the rest of the form."""

from django import template
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe

register = template.Library()

SELECTED = mark_safe(" selected")


@register.simple_tag
def options(choices, chosen):
    """An <option> for each (value, label), the one whose value is `chosen` selected."""
    return format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        ((value, SELECTED if value == chosen else "", label) for value, label in choices),
    )

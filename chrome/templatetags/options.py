"""A <select>'s options, built with format_html_join: the search form offers ~100
municipalities and the goal overview's basis filter every instrument and provision, and as a
template loop each option's lookups and comparison cost more than the rest of the form."""

from django import template
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe

register = template.Library()

SELECTED = mark_safe(" selected")


@register.simple_tag
def options(choices, chosen, value="", label=""):
    """An <option> for each (value, label), the one whose value is `chosen` selected; with
    `value` and `label`, the choices are objects and those are the names of their attributes."""
    if value:
        choices = ((getattr(choice, value), getattr(choice, label)) for choice in choices)
    return format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        ((choice, SELECTED if choice == chosen else "", text) for choice, text in choices),
    )

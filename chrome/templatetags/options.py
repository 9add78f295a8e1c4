"""A <select>'s options, built in Python (chrome/html.py): the search form offers ~100
municipalities and the goal overview's basis filter every instrument and provision, and as a
template loop each option's lookups and comparison cost more than the rest of the form."""

from django import template
from django.utils.safestring import mark_safe

from chrome.html import joined

register = template.Library()

SELECTED = mark_safe(" selected")


@register.simple_tag
def options(choices, chosen, value="", label=""):
    """An <option> for each (value, label), the one whose value is `chosen` selected; with
    `value` and `label`, the choices are objects and those are the names of their attributes."""
    if value:
        choices = ((getattr(choice, value), getattr(choice, label)) for choice in choices)
    return joined(
        '<option value="{}"{}>{}</option>',
        ((choice, SELECTED if choice == chosen else "", text) for choice, text in choices),
    )

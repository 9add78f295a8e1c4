"""The heading over a list of goal-like items, in the singular over one item."""

from django import template

from core.goalkinds import BY_KEY

register = template.Library()


@register.filter
def kind_heading(items, key):
    """{{ initiatives|kind_heading:"initiative" }}: the registry's label by the number of items."""
    return BY_KEY[key].heading_for(len(items))

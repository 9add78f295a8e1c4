"""The main menu, with the section of the current page marked for screen readers (aria-current)."""

from django import template
from django.utils.translation import gettext_lazy as _

from core.addresses import cached_reverse

register = template.Library()

# (label, url name, the URL namespaces and names that belong to the section). Pages of a
# municipality are reached from the front page, so they belong to its section.
MENU = (
    (_("Kommuner"), "overview:home", {"overview", "policies", "strategies", "organisation"}),
    (_("Love og konventioner"), "legal:index", {"legal:index", "legal:instrument", "legal:provision"}),
    (_("Mål og retsgrundlag"), "legal:coverage", {"legal:coverage"}),
    (_("Søg"), "search:search", {"search"}),
    (_("Om siden"), "chrome:about", {"chrome"}),
)


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    match = getattr(context.get("request"), "resolver_match", None)
    view = match.view_name if match else ""
    namespace = match.namespace if match else ""
    items = []
    for label, name, section in MENU:
        url = cached_reverse(name)
        if view == name:
            current = "page"
        elif view in section or namespace in section:
            current = "true"
        else:
            current = ""
        items.append({"label": label, "url": url, "current": current})
    return {"items": items}


@register.simple_tag
def address(name):
    """`{% url name %}` for a page without arguments (the menu's, the footer's), reversed once
    per process rather than on every page (core.addresses)."""
    return cached_reverse(name)

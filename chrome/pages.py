"""How every public page is rendered: its canonical address, its breadcrumbs, the 400 page.

The views of every app use these; nothing here knows a domain model (a
municipality is anything with a name and an address).
"""

from django.shortcuts import render
from django.utils.translation import gettext as _

from core.addresses import cached_reverse


def crumbs(*pairs):
    """Breadcrumbs from the front page down: [(label, url)], the last one is the current page."""
    return [(_("Forside"), cached_reverse("overview:home")), *pairs]


def municipality_crumb(municipality):
    return (municipality.name, municipality.get_absolute_url())


def render_page(request, template, context, status=200):
    context.setdefault("canonical_url", request.build_absolute_uri(request.path))
    return render(request, template, context, status=status)


def bad_request(request, message):
    """A Danish page for a request the site cannot answer (HTTP 400)."""
    return render_page(
        request,
        "errors/bad_request.html",
        {"message": message, "breadcrumbs": crumbs((_("Siden kan ikke vises"), ""))},
        status=400,
    )

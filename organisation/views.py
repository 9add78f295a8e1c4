"""The organisation tree of a municipality."""

from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from chrome.history import last_changed
from chrome.pages import crumbs, municipality_crumb, render_page
from organisation.models import OrganisationUnit
from organisation.selectors import municipality_or_404


def _walk(nodes):
    """Every unit of the cached trees; get_children() reads the cache, not the database."""
    for node in nodes:
        yield node
        yield from _walk(node.get_children())


@require_safe
def organisation(request, municipality):
    municipality = municipality_or_404(municipality)
    roots = OrganisationUnit.objects.for_municipality(municipality).get_cached_trees()
    units = list(_walk(roots))
    return render_page(
        request,
        "organisation/organisation.html",
        {
            "municipality": municipality,
            "roots": roots,
            "last_changed": last_changed(units),
            "breadcrumbs": crumbs(municipality_crumb(municipality), (_("Organisation"), "")),
        },
    )

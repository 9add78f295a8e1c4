"""The organisation tree of a municipality."""

from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from chrome.history import last_changed
from chrome.pages import crumbs, municipality_crumb, render_page
from organisation.selectors import municipality_or_404, unit_tree


@require_safe
def organisation(request, municipality):
    municipality = municipality_or_404(municipality)
    units, roots = unit_tree(municipality)
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

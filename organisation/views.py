"""The organisation tree of a municipality."""

from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from chrome.pages import crumbs, municipality_crumb, render_page
from organisation.models import OrganisationUnit
from organisation.selectors import municipality_or_404


@require_safe
def organisation(request, municipality):
    municipality = municipality_or_404(municipality)
    roots = OrganisationUnit.objects.for_municipality(municipality).get_cached_trees()
    return render_page(
        request,
        "organisation/organisation.html",
        {
            "municipality": municipality,
            "roots": roots,
            "breadcrumbs": crumbs(municipality_crumb(municipality), (_("Organisation"), "")),
        },
    )

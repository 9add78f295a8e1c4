"""The search page."""

from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from chrome.pages import bad_request, crumbs, render_page
from organisation.models import Municipality
from search.selectors import MAX_RESULTS, find

MAX_QUERY_LENGTH = 200


@require_safe
def search(request):
    q = request.GET.get("q", "")
    slug = request.GET.get("kommune", "")
    if len(q) > MAX_QUERY_LENGTH or len(slug) > MAX_QUERY_LENGTH:
        return bad_request(
            request,
            _("Søgningen er for lang. Skriv højst %(count)s tegn, og prøv igen.")
            % {"count": MAX_QUERY_LENGTH},
        )
    if "\x00" in q or "\x00" in slug:
        return bad_request(request, _("Søgningen indeholder et tegn, som ikke kan bruges. Prøv igen."))
    q = q.strip()
    municipalities = list(Municipality.objects.all())
    municipality = None
    if slug:
        municipality = next((m for m in municipalities if m.slug == slug), None)
        if municipality is None:
            return bad_request(request, _("Kommunen i søgningen findes ikke. Vælg en kommune i listen."))
    results = find(q, municipality) if q else []
    return render_page(
        request,
        "search/search.html",
        {
            "q": q,
            "municipalities": municipalities,
            "chosen_municipality": municipality,
            "results": results[:MAX_RESULTS],
            "has_more": len(results) > MAX_RESULTS,
            "max_results": MAX_RESULTS,
            "breadcrumbs": crumbs((_("Søg"), "")),
        },
    )

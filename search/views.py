"""The search page."""

from functools import lru_cache
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from chrome.pages import bad_request, crumbs, render_page
from organisation.models import Municipality
from search.selectors import MAX_RESULTS, find, last_changed

MAX_QUERY_LENGTH = 200
# Suggestions on a page with no results: words the bundled documents use often.
SUGGESTIONS = ("trivsel", "fællesskab", "dagtilbud", "inklusion", "forældre")


@lru_cache(maxsize=4096)
def _encoded(name, value):
    """One parameter of a search link, encoded as urlencode() would: a municipality's or a kind's
    is the same in every search, so it is encoded once per process, not on every page."""
    return urlencode({name: value})


def _linker():
    """A search link maker; the page's address is reversed once, not for each of ~100 filter links."""
    page = reverse("search:search")

    def link(q, municipality=None, kind=""):
        params = [_encoded("q", q)]
        if municipality is not None:
            params.append(_encoded("kommune", municipality.slug))
        if kind:
            params.append(_encoded("slags", kind))
        return f"{page}?{'&'.join(params)}"

    return link


def _listed(words):
    """'a', 'a og b', 'a, b og c'."""
    if len(words) < 2:
        return "".join(words)
    return _("%(first)s og %(last)s") % {"first": ", ".join(words[:-1]), "last": words[-1]}


@require_safe
def search(request):
    q = request.GET.get("q", "")
    slug = request.GET.get("kommune", "")
    kind = request.GET.get("slags", "")
    if any(len(value) > MAX_QUERY_LENGTH for value in (q, slug, kind)):
        return bad_request(
            request,
            _("Søgningen er for lang. Skriv højst %(count)s tegn, og prøv igen.")
            % {"count": MAX_QUERY_LENGTH},
        )
    if any("\x00" in value for value in (q, slug, kind)):
        return bad_request(request, _("Søgningen indeholder et tegn, som ikke kan bruges. Prøv igen."))
    q = " ".join(q.split())
    municipalities = list(Municipality.objects.all())
    municipality = None
    if slug:
        municipality = next((m for m in municipalities if m.slug == slug), None)
        if municipality is None:
            return bad_request(request, _("Kommunen i søgningen findes ikke. Vælg en kommune i listen."))
    result = find(q, municipalities, municipality, kind) if q else None
    context = {
        "q": q,
        "municipalities": municipalities,
        "chosen_municipality": municipality,
        "chosen_kind": kind,
        "result": result,
        "max_results": MAX_RESULTS,
        "last_changed": last_changed(),
        "breadcrumbs": crumbs((_("Søg"), "")),
    }
    if result is not None:
        link = _linker()
        context.update(
            {
                "suggestion_url": link(result.suggestion, municipality) if result.suggestion else "",
                "kind_links": [
                    (label, count, link(q, municipality, label), label == kind)
                    for label, count in result.kinds
                ],
                "all_kinds_url": link(q, municipality),
                "all_kinds_count": sum(count for _label, count in result.kinds),
                "expansions": _listed(result.expansions),
                "municipality_links": [
                    (m.name, count, link(q, m, kind), m == municipality) for m, count in result.municipalities
                ],
                "all_municipalities_url": link(q, None, kind),
                "suggestions": [(word, link(word)) for word in SUGGESTIONS],
                "all_municipalities_link": link(q, None, kind) if municipality else "",
            }
        )
    return render_page(request, "search/search.html", context)

"""The pages that belong to no content: robots.txt, the 404 and 500 pages, about and accessibility."""

from django.conf import settings
from django.http import HttpResponse, HttpResponseNotFound, HttpResponseServerError
from django.template import loader
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from chrome.pages import crumbs, render_page


@require_safe
def robots_txt(request):
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    lines = ["User-agent: *", "Disallow: /admin/", "Allow: /", f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def page_not_found(request, exception=None):
    template = loader.get_template("404.html")
    context = {"canonical_url": request.build_absolute_uri(request.path), "breadcrumbs": []}
    return HttpResponseNotFound(template.render(context, request))


def server_error(request):
    # No request context and no database: the page must render whatever went wrong.
    return HttpResponseServerError(loader.get_template("500.html").render())


def _contact():
    return {"contact_email": settings.SITE_CONTACT_EMAIL}


@require_safe
def about(request):
    return render_page(
        request, "chrome/about.html", {**_contact(), "breadcrumbs": crumbs((_("Om siden"), ""))}
    )


@require_safe
def accessibility(request):
    return render_page(
        request,
        "chrome/accessibility.html",
        {**_contact(), "breadcrumbs": crumbs((_("Tilgængelighedserklæring"), ""))},
    )

from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from policyhub.sitemaps import SITEMAPS

urlpatterns = [
    path("admin/", admin.site.urls),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("", include("search.urls")),
    path("", include("legal.urls")),
    path("", include("organisation.urls")),
    path("<slug:municipality>/politikker/", include("policies.urls")),
    path("<slug:municipality>/strategier/", include("strategies.urls")),
    path("<slug:municipality>/maal/", include("goals.urls")),
]

handler404 = "organisation.views.page_not_found"
handler500 = "organisation.views.server_error"

from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from chrome.views import robots_txt
from policyhub.sitemaps import SITEMAPS

urlpatterns = [
    path("admin/", admin.site.urls),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots"),
    path("", include("search.urls")),
    path("", include("legal.urls")),
    path("", include("organisation.urls")),
    path("", include("overview.urls")),
    path("<slug:municipality>/politikker/", include("policies.urls")),
    path("<slug:municipality>/strategier/", include("strategies.urls")),
]

handler404 = "chrome.views.page_not_found"
handler500 = "chrome.views.server_error"

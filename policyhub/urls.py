from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from chrome.views import robots_txt
from policyhub.sitemaps import SITEMAPS

urlpatterns = [
    # The one-time link of `create_staff_user --password-link`: a new user chooses a password.
    path(
        "admin/adgangskode/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(success_url="/admin/adgangskode/valgt/"),
        name="password_reset_confirm",
    ),
    path(
        "admin/adgangskode/valgt/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("admin/", admin.site.urls),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots"),
    path("api/v1/", include("api.urls")),
    path("", include("chrome.urls")),
    path("", include("search.urls")),
    path("", include("legal.urls")),
    path("", include("organisation.urls")),
    path("", include("comparison.urls")),  # before overview: "sammenlign/" is no municipality
    path("", include("overview.urls")),
    path("<slug:municipality>/politikker/", include("policies.urls")),
    path("<slug:municipality>/strategier/", include("strategies.urls")),
]

handler404 = "chrome.views.page_not_found"
handler500 = "chrome.views.server_error"

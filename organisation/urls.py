from django.urls import path

from organisation import views

app_name = "organisation"
urlpatterns = [
    path("", views.home, name="home"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("<slug:municipality>/", views.municipality, name="municipality"),
    path("<slug:municipality>/organisation/", views.organisation, name="organisation"),
    path("<slug:municipality>/organisation/<slug:unit>/", views.unit, name="unit"),
]

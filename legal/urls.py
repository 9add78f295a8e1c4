from django.urls import path

from legal import views

app_name = "legal"
urlpatterns = [
    path("retsgrundlag/", views.index, name="index"),
    path("retsgrundlag/<slug:instrument>/", views.instrument, name="instrument"),
    path("retsgrundlag/<slug:instrument>/<slug:provision>/", views.provision, name="provision"),
    path("daekning/", views.coverage, name="coverage"),
]

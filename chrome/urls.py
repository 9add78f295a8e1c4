from django.urls import path

from chrome import views

app_name = "chrome"
urlpatterns = [
    path("om-siden/", views.about, name="about"),
    path("tilgaengelighed/", views.accessibility, name="accessibility"),
]

from django.urls import path

from goals import views

app_name = "goals"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("maal.csv", views.overview_csv, name="overview_csv"),
]

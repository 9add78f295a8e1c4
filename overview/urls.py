from django.urls import path

from overview import views

app_name = "overview"
urlpatterns = [
    path("", views.home, name="home"),
    path("<slug:municipality>/", views.municipality, name="municipality"),
    path("<slug:municipality>/organisation/<slug:unit>/", views.unit, name="unit"),
    path("<slug:municipality>/maal/", views.goals, name="goals"),
    path("<slug:municipality>/maal/maal.csv", views.goals_csv, name="goals_csv"),
]

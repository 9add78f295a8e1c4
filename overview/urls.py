from django.urls import path

from overview import goal_views, views

app_name = "overview"
urlpatterns = [
    path("", views.home, name="home"),
    path("<slug:municipality>/", views.municipality, name="municipality"),
    path("<slug:municipality>/organisation/<slug:unit>/", views.unit, name="unit"),
    path("<slug:municipality>/maal/", goal_views.goals, name="goals"),
    path("<slug:municipality>/maal/maal.csv", goal_views.goals_csv, name="goals_csv"),
    path("<slug:municipality>/maal/maal.json", goal_views.goals_json, name="goals_json"),
    path("<slug:municipality>/maal/<slug:anchor>/", goal_views.goal, name="goal"),
]

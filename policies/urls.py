from django.urls import path

from policies import views

app_name = "policies"
urlpatterns = [
    path("<slug:policy>/", views.policy, name="policy"),
    path("<slug:policy>/<slug:theme>/", views.theme, name="theme"),
]

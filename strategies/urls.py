from django.urls import path

from strategies import views

app_name = "strategies"
urlpatterns = [
    path("<slug:strategy>/", views.strategy, name="strategy"),
]

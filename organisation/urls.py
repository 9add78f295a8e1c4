from django.urls import path

from organisation import views

app_name = "organisation"
urlpatterns = [
    path("<slug:municipality>/organisation/", views.organisation, name="organisation"),
]

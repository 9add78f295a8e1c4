from django.urls import path

from comparison import views

app_name = "comparison"
urlpatterns = [
    path("sammenlign/", views.compare, name="compare"),
    path("<slug:municipality>/aendringer/", views.changes, name="changes"),
    path("<slug:municipality>/aendringer/atom.xml", views.ChangesFeed(), name="changes_feed"),
]

"""Public search pages, to be mounted at /search/."""

from django.urls import path

from gongkai.search import views

app_name = "search_public"
urlpatterns = [
    path("", views.index, name="index"),
    path("api/", views.api, name="api"),
]

"""Workspace pages of the search, to be mounted at /workspace/search/."""

from django.urls import path

from gongkai.search import workspace_views

app_name = "search"
urlpatterns = [
    path("synonyms/", workspace_views.synonym_list, name="synonyms"),
    path("synonyms/<int:pk>/switch/", workspace_views.synonym_switch, name="synonym_switch"),
]

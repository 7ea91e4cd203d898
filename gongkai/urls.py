from django.urls import include, path

urlpatterns = [
    path("workspace/", include("gongkai.workspace.urls")),
    path("", include("gongkai.portal.urls")),
]

from django.urls import include, path

# Each app mounts its staff pages under /workspace/<area>/ and its public pages on the portal.
urlpatterns = [
    path("workspace/documents/", include("gongkai.documents.urls")),
    path("workspace/requests/", include("gongkai.info_requests.urls")),
    path("workspace/reports/", include("gongkai.reports.urls")),
    path("workspace/supervision/", include("gongkai.supervision.urls")),
    path("workspace/participation/", include("gongkai.participation.urls")),
    path("workspace/search/", include("gongkai.search.workspace_urls")),
    path("workspace/", include("gongkai.workspace.urls")),
    path("docs/", include("gongkai.documents.public_urls")),
    path("ysq/", include("gongkai.info_requests.public_urls")),
    path("nianbao/", include("gongkai.reports.public_urls")),
    path("hudong/", include("gongkai.participation.public_urls")),
    path("search/", include("gongkai.search.public_urls")),
    path("", include("gongkai.portal.urls")),
]

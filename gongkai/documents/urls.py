"""Staff pages of 政府信息, mounted at /workspace/documents/."""

from django.urls import path

from gongkai.documents.views import actions, settings, workspace

app_name = "documents"
urlpatterns = [
    path("", workspace.index, name="index"),
    path("themes/", settings.themes, name="themes"),
    path("org/<str:code>/", workspace.organization_list, name="organization"),
    path("org/<str:code>/new/", workspace.create, name="create"),
    path("org/<str:code>/index-pattern/", settings.index_pattern, name="index_pattern"),
    path("<int:pk>/", workspace.detail, name="detail"),
    path("<int:pk>/edit/", workspace.edit, name="edit"),
    path("<int:pk>/attachments/", workspace.upload, name="upload"),
    path("<int:pk>/attachments/<int:attachment_id>/", workspace.download, name="download"),
    path(
        "<int:pk>/attachments/<int:attachment_id>/remove/",
        workspace.remove_attachment,
        name="remove_attachment",
    ),
    path("<int:pk>/submit/", actions.submit, name="submit"),
    path("<int:pk>/approve/", actions.approve, name="approve"),
    path("<int:pk>/return/", actions.return_, name="return"),
    path("<int:pk>/publish/", actions.publish, name="publish"),
    path("<int:pk>/withdraw/", actions.withdraw, name="withdraw"),
    path("<int:pk>/correct/", actions.correct, name="correct"),
    path("<int:pk>/validity/", actions.validity, name="validity"),
    path("<int:pk>/mask/", actions.mask, name="mask"),
    path("<int:pk>/rescan/", actions.rescan, name="rescan"),
    path("<int:pk>/findings/<int:finding_id>/keep/", actions.keep, name="keep"),
]

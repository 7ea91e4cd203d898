"""Staff pages of the annual report, mounted at /workspace/reports/."""

from django.urls import path

from gongkai.reports.views import workspace as views

app_name = "reports"
urlpatterns = [
    path("", views.index, name="index"),
    path("org/<str:code>/", views.organization, name="organization"),
    path("org/<str:code>/open/", views.open_report, name="open"),
    path("org/<str:code>/<int:year>/", views.detail, name="detail"),
    path("org/<str:code>/<int:year>/texts/", views.texts, name="texts"),
    path("org/<str:code>/<int:year>/figures/", views.figures, name="figures"),
    path("org/<str:code>/<int:year>/figures/import/", views.import_figures, name="import_figures"),
    path("org/<str:code>/<int:year>/cases/", views.add_case, name="add_case"),
    path(
        "org/<str:code>/<int:year>/cases/<int:case_id>/remove/",
        views.remove_case,
        name="remove_case",
    ),
    path("org/<str:code>/<int:year>/publish/", views.publish, name="publish"),
    path("org/<str:code>/<int:year>/withdraw/", views.withdraw, name="withdraw"),
    path("org/<str:code>/<int:year>/report.docx", views.docx, name="docx"),
    path("region/<str:code>/<int:year>/", views.region, name="region"),
]

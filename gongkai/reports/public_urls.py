"""Public pages of this area, mounted at /nianbao/."""

from django.urls import path

from gongkai.reports.views import public as views

app_name = "reports_public"
urlpatterns = [
    path("", views.index, name="index"),
    path("<str:code>/", views.report_list, name="list"),
    path("<str:code>/<int:year>/", views.report, name="report"),
    path("<str:code>/<int:year>.json", views.report_json, name="json"),
    path("<str:code>/<int:year>.docx", views.report_docx, name="docx"),
]

from django.urls import path

from gongkai.supervision.views import assessment, dashboard, inbox, tasks

app_name = "supervision"
urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("refresh/", dashboard.refresh, name="refresh"),
    path("org/<str:code>/", dashboard.organization, name="organization"),
    path("org/<str:code>/domain/<slug:domain_code>/", dashboard.domain, name="domain"),
    path("item/<int:item_id>/", dashboard.item, name="item"),
    path("document/<int:document_id>/", dashboard.document, name="document"),
    path("list/<slug:figure>/", dashboard.figure, name="figure_list"),
    path("tasks/", tasks.task_plans, name="task_plans"),
    path("tasks/import/", tasks.task_import, name="task_import"),
    path("tasks/overdue/", tasks.overdue, name="tasks_overdue"),
    path("tasks/plan/<int:plan_id>/", tasks.task_plan, name="task_plan"),
    path("tasks/plan/<int:plan_id>/export.xlsx", tasks.task_plan_export, name="task_plan_export"),
    path("tasks/assignment/<int:assignment_id>/", tasks.assignment, name="assignment"),
    path("tasks/evidence/<int:update_id>/", tasks.evidence, name="evidence"),
    path("ranking/", assessment.ranking, name="ranking"),
    path("ranking/run/", assessment.run, name="assessment_run"),
    path("ranking/<int:run_id>/export.xlsx", assessment.ranking_export, name="ranking_export"),
    path("assessment/<int:assessment_id>/", assessment.assessment, name="assessment"),
    path("indicators/", assessment.indicators, name="indicators"),
    path("inbox/", inbox.inbox, name="inbox"),
    path("inbox/<int:notification_id>/read/", inbox.read, name="notification_read"),
    path("inbox/read-all/", inbox.read_all, name="inbox_read_all"),
]

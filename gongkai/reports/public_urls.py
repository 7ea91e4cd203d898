"""Public pages of this area, mounted at /nianbao/."""

app_name = "reports_public"
urlpatterns = []

"""Public pages of this area, mounted at /ysq/."""

app_name = "info_requests_public"
urlpatterns = []

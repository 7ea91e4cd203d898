"""Public pages of this area, mounted at /docs/."""

app_name = "documents_public"
urlpatterns = []

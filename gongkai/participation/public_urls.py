"""Public pages of this area, mounted at /hudong/."""

app_name = "participation_public"
urlpatterns = []

"""Public pages of this area, mounted at /ysq/."""

from django.urls import path

from gongkai.info_requests.views import public

app_name = "info_requests_public"
urlpatterns = [
    path("", public.index, name="index"),
    path("t/<str:token>/", public.track, name="track"),
    path("t/<str:token>/correction/", public.track_correct, name="track_correct"),
    path("t/<str:token>/message/", public.track_message, name="track_message"),
    path("t/<str:token>/letter/", public.track_letter, name="track_letter"),
    path("t/<str:token>/files/<int:file_id>/", public.track_file, name="track_file"),
    path("<str:code>/apply/", public.apply, name="apply"),
    path("<str:code>/stats/", public.stats_latest, name="stats_latest"),
    path("<str:code>/stats/<int:year>/", public.stats, name="stats"),
]

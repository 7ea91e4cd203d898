"""Public pages of this area, mounted at /hudong/ (互动交流)."""

from django.urls import path

from gongkai.participation import public_views as views

app_name = "participation_public"
urlpatterns = [
    path("", views.index, name="index"),
    path("yjzj/", views.consultation_list, name="consultations"),
    path("yjzj/<int:pk>/", views.consultation_detail, name="consultation"),
    path("ly/", views.message_list, name="messages"),
    path("ly/new/", views.message_new, name="message_new"),
    path("ly/my/<str:key>/", views.message_private, name="message_private"),
    path("ly/<str:number>/", views.message_detail, name="message"),
    path("hy/", views.response_list, name="responses"),
    path("hy/<int:pk>/", views.response_detail, name="response"),
    path("jyta/", views.proposal_list, name="proposals"),
    path("jyta/<int:pk>/", views.proposal_detail, name="proposal"),
    path("cyqd/", views.participation_lists, name="participation_lists"),
    path("cyqd/<str:code>/", views.participation_list, name="participation_list"),
]

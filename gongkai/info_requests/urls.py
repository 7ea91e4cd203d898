"""Staff pages of 依申请公开, mounted at /workspace/requests/."""

from django.urls import path

from gongkai.info_requests.views import handling, lists, tools

app_name = "info_requests"
urlpatterns = [
    path("", lists.request_list, name="list"),
    path("due/", lists.board, name="board"),
    path("notices/", lists.notices, name="notices"),
    path("notices/read/", lists.notices_read, name="notices_read"),
    path("calculator/", tools.calculator, name="calculator"),
    path("holidays/", tools.holidays, name="holidays"),
    path("holidays/<int:year>/", tools.holidays, name="holiday_year"),
    path("new/<str:code>/", tools.register, name="register"),
    path("<int:pk>/", handling.detail, name="detail"),
    path("<int:pk>/assign/", handling.assign, name="assign"),
    path("<int:pk>/correction/", handling.correction, name="correction"),
    path(
        "<int:pk>/correction/received/",
        handling.correction_received,
        name="correction_received",
    ),
    path("<int:pk>/consultations/", handling.consultation, name="consultation"),
    path(
        "<int:pk>/consultations/<int:consultation_id>/answer/",
        handling.consultation_answer,
        name="consultation_answer",
    ),
    path("<int:pk>/extension/", handling.extension, name="extension"),
    path("<int:pk>/files/", handling.upload, name="upload"),
    path("<int:pk>/files/<int:file_id>/", handling.file_download, name="file"),
    path("<int:pk>/files/<int:file_id>/remove/", handling.remove_file, name="remove_file"),
    path("<int:pk>/decide/", handling.decide, name="decide"),
    path("<int:pk>/letter.docx", handling.letter, name="letter"),
    path("<int:pk>/delivery/", handling.delivery, name="delivery"),
    path("<int:pk>/message/", handling.message, name="message"),
    path("<int:pk>/link/", handling.reissue_link, name="reissue_link"),
]

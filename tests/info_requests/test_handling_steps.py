"""Every handling step: done by whom it may be, refused with a reason when illegal, audited."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.audit.models import Event
from gongkai.info_requests import services
from gongkai.info_requests.models import InfoRequest, Message, ReplyFile, Status

PDF = b"%PDF-1.4\n%%EOF\n"


def _stored(info_request) -> InfoRequest:
    return InfoRequest.objects.get(pk=info_request.pk)


def _actions(info_request) -> list[str]:
    return list(
        Event.objects.filter(
            target_type="info_requests.inforequest", target_id=str(info_request.pk)
        )
        .order_by("id")
        .values_list("action", flat=True)
    )


def _refused(message: str):
    return pytest.raises(ValidationError, match=message)


def test_assign_to_a_handler_of_the_organization_only(world, township_request):
    r = township_request.request
    services.assign_handler(info_request=r, by=world.township_admin, handler=world.editor)
    assert (_stored(r).handler, _stored(r).status) == (world.editor, Status.HANDLING)
    with _refused("承办人必须是本机关有权办理依申请公开的工作人员。"):
        services.assign_handler(info_request=r, by=world.editor, handler=world.neighbour_editor)
    with _refused("承办人必须是本机关"):
        services.assign_handler(info_request=r, by=world.editor, handler=world.reviewer)
    with pytest.raises(PermissionDenied):
        services.assign_handler(info_request=r, by=world.supervisor, handler=world.editor)
    assert _actions(r) == ["info_requests.registered", "info_requests.assigned"]


def test_correction_is_asked_once_only(world, township_request):
    r = township_request.request
    correction = services.request_correction(
        info_request=r, by=world.editor, items="请写明年度", requested_on=date(2025, 5, 13)
    )
    # 15 working days from Tue 13 May: 5/14–16 (3), 5/19–23 (8), 5/26–30 (13), [端午], 6/3, 6/4
    assert correction.correct_by == date(2025, 6, 4)
    assert r.messages.filter(kind=Message.Kind.CORRECTION_REQUEST).count() == 1
    with _refused("补正只能一次性告知"):
        services.request_correction(info_request=r, by=world.editor, items="再补充")


def test_correction_steps_refused_when_out_of_order(world, township_request):
    r = township_request.request
    with _refused("该申请当前不在待补正状态。"):
        services.record_correction(
            info_request=r, by=world.editor, description="x", received_on=date(2025, 5, 20)
        )
    with _refused("告知补正日期不能早于收到申请日期。"):
        services.request_correction(
            info_request=r, by=world.editor, items="x", requested_on=date(2025, 5, 9)
        )
    with _refused("请写明需要补正的事项。"):
        services.request_correction(info_request=r, by=world.editor, items="  ")
    services.request_correction(
        info_request=r, by=world.editor, items="x", requested_on=date(2025, 5, 13)
    )
    with _refused("收到补正申请日期不能早于告知补正日期。"):
        services.record_correction(
            info_request=r, by=world.editor, description="y", received_on=date(2025, 5, 12)
        )
    with _refused("请填写补正后的所需信息内容描述。"):
        services.record_correction(
            info_request=r, by=world.editor, description=" ", received_on=date(2025, 5, 14)
        )
    with _refused("申请人尚未补正，答复期限尚未起算，不能延期。"):
        services.approve_extension(info_request=r, by=world.reviewer, reason="x")
    with _refused("申请人尚未补正，暂不能征求第三方意见。"):
        services.start_consultation(
            info_request=r, by=world.editor, third_party="x", sent_on=date(2025, 5, 14)
        )


def test_applicant_corrects_through_the_private_link(world, township_request):
    r = township_request.request
    services.request_correction(
        info_request=r, by=world.editor, items="请写明年度", requested_on=date(2025, 5, 13)
    )
    services.submit_correction(token=township_request.token, description="2025年度的汇总表")
    r = _stored(r)
    assert r.description == "2025年度的汇总表"
    assert r.correction.original_description == "城关镇2025年最低生活保障资金发放汇总表"
    assert r.status == Status.NEW
    assert r.due_on is not None
    assert list(r.messages.values_list("kind", flat=True)) == [
        "receipt", "correction_request", "correction", "message",
    ]  # fmt: skip
    with _refused("查询链接无效。"):
        services.submit_correction(token="wrong", description="x")
    with _refused("该申请当前不在待补正状态。"):
        services.submit_correction(token=township_request.token, description="again")


def test_extension_needs_an_approver_once_and_before_the_due_day(world, township_request):
    r = township_request.request
    with pytest.raises(PermissionDenied):
        services.approve_extension(info_request=r, by=world.editor, reason="x")
    with pytest.raises(PermissionDenied):
        services.approve_extension(info_request=r, by=world.neighbour_editor, reason="x")
    with _refused("答复期限已于2025年6月10日届满，不能再延期。"):
        services.approve_extension(
            info_request=r, by=world.reviewer, reason="x", approved_on=date(2025, 6, 11)
        )
    with _refused("延长答复期限最长不超过20个工作日"):
        services.approve_extension(info_request=r, by=world.reviewer, reason="x", days=21)
    with _refused("请填写延期理由。"):
        services.approve_extension(info_request=r, by=world.reviewer, reason=" ")
    extension = services.approve_extension(
        info_request=r, by=world.reviewer, reason="需调取档案", approved_on=date(2025, 6, 2)
    )
    assert (extension.approver_label, extension.approved_by) == ("cgz_reviewer", world.reviewer)
    notice = r.messages.get(kind=Message.Kind.EXTENSION)
    # 6/10 + 20: 6/11–13 (3), 6/16–20 (8), 6/23–27 (13), 6/30–7/4 (18), 7/7, 7/8 (20)
    assert "延长20个工作日，至2025年7月8日" in notice.body
    with _refused("答复期限已延长过一次，不能再次延长。"):
        services.approve_extension(info_request=r, by=world.reviewer, reason="again")
    extended = Event.objects.get(action="info_requests.extended", target_id=str(r.pk))
    assert extended.reason == "需调取档案"


def test_decision_rules(world, township_request):
    r = township_request.request
    with _refused("未知的办理结果类型：maybe。"):
        services.decide(info_request=r, by=world.editor, result="maybe", reply_text="x")
    with _refused("“部分公开”须在答复中说明理由。"):
        services.decide(info_request=r, by=world.editor, result="partial", reply_text="")
    with _refused("请填写作出该决定的法律依据。"):
        services.decide(info_request=r, by=world.editor, result="other", reply_text="撤回")
    with _refused("请上传提供的政府信息，或在答复意见中告知获取的方式、途径。"):
        services.decide(info_request=r, by=world.editor, result="granted", reply_text="")
    with _refused("只有经过补正的申请"):
        services.decide(info_request=r, by=world.editor, result="unable_unclear", reply_text="")
    with _refused("只有告知补正后申请人逾期未补正的"):
        services.decide(
            info_request=r, by=world.editor, result="other_no_correction", reply_text=""
        )
    with _refused("答复日期不能早于收到申请日期。"):
        services.decide(
            info_request=r, by=world.editor, result="granted", reply_text="x",
            replied_on=date(2025, 5, 1),
        )  # fmt: skip
    with pytest.raises(PermissionDenied):
        services.decide(info_request=r, by=world.supervisor, result="granted", reply_text="x")
    assert _stored(r).status == Status.NEW
    assert not _stored(r).letter


def test_excessive_requests_are_a_recorded_decision_with_reasons(world, township_request):
    """第三十五条: not a silent drop, a 不予处理 decision with the reason, letter and audit row."""
    r = township_request.request
    with _refused("“不予处理（无正当理由大量反复申请）”须在答复中说明理由。"):
        services.decide(info_request=r, by=world.editor, result="notproc_excessive", reply_text="")
    services.decide(
        info_request=r,
        by=world.editor,
        result="notproc_excessive",
        reply_text="一个月内提出申请43件，经要求说明理由，未能说明。",
        replied_on=date(2025, 5, 30),
    )
    r = _stored(r)
    assert (r.status, r.result, r.basis) == (
        Status.REPLIED,
        "notproc_excessive",
        "《中华人民共和国政府信息公开条例》第三十五条",
    )
    assert r.letter
    assert Event.objects.filter(action="info_requests.decided", target_id=str(r.pk)).exists()


def test_no_further_steps_after_the_reply(world, township_request):
    r = township_request.request
    services.decide(
        info_request=r, by=world.editor, result="notproc_repeat", reply_text="",
        replied_on=date(2025, 5, 30),
    )  # fmt: skip
    with _refused("该申请已答复办结。"):
        services.decide(info_request=r, by=world.editor, result="granted", reply_text="x")
    with _refused("该申请已答复办结，不能再办理此步骤。"):
        services.request_correction(info_request=r, by=world.editor, items="x")
    with _refused("已答复的申请不能再添加附件。"):
        services.attach_file(
            info_request=r, by=world.editor, upload=SimpleUploadedFile("a.pdf", PDF)
        )
    with _refused("送达日期不能早于答复日期。"):
        services.record_delivery(info_request=r, by=world.editor, delivered_on=date(2025, 5, 29))
    services.record_delivery(
        info_request=r, by=world.editor, delivered_on=date(2025, 6, 2), note="挂号信"
    )
    assert _stored(r).delivered_on == date(2025, 6, 2)


def test_delivery_only_after_a_reply(world, township_request):
    with _refused("答复作出后才能登记送达。"):
        services.record_delivery(
            info_request=township_request.request, by=world.editor, delivered_on=date(2025, 6, 2)
        )


def test_giving_up_after_the_correction_period(world, township_request):
    r = township_request.request
    services.request_correction(
        info_request=r, by=world.editor, items="请写明年度", requested_on=date(2025, 5, 13),
        correct_by=date(2025, 5, 27),
    )  # fmt: skip
    with _refused("申请人尚未补正，请等待补正"):
        services.decide(info_request=r, by=world.editor, result="granted", reply_text="x")
    with _refused("补正期限至2025年5月27日，期限届满前不能作出不再处理的决定。"):
        services.decide(
            info_request=r, by=world.editor, result="other_no_correction", reply_text="",
            replied_on=date(2025, 5, 27),
        )  # fmt: skip
    services.decide(
        info_request=r, by=world.editor, result="other_no_correction", reply_text="",
        replied_on=date(2025, 5, 28),
    )  # fmt: skip
    assert _stored(r).result == "other_no_correction"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("名单.exe", b"MZ", "只能上传 PDF、OFD、Word、Excel、JPG、PNG 或 ZIP 文件。"),
        ("名单.pdf", b"<html>", "文件内容与扩展名 .pdf 不符，请检查后重新上传。"),
        ("名单.docx", b"%PDF-1.4", "文件内容与扩展名 .docx 不符"),
        ("名单.pdf", b"", "文件是空的。"),
    ],
)
def test_uploads_are_type_checked(world, township_request, name, content, message):
    with _refused(message):
        services.attach_file(
            info_request=township_request.request,
            by=world.editor,
            upload=SimpleUploadedFile(name, content),
        )
    assert not ReplyFile.objects.exists()


def test_uploads_over_the_limit_are_refused(world, township_request, settings):
    settings.UPLOAD_MAX_BYTES = 10
    with _refused("文件不能超过 0 MB。"):
        services.attach_file(
            info_request=township_request.request,
            by=world.editor,
            upload=SimpleUploadedFile("a.pdf", PDF),
        )


def test_upload_keeps_the_name_but_stores_under_a_random_one(world, township_request):
    stored = services.attach_file(
        info_request=township_request.request,
        by=world.editor,
        upload=SimpleUploadedFile("../../低保名单.PDF", PDF),
    )
    assert stored.name == "低保名单.PDF"
    assert stored.content_type == "application/pdf"
    assert "低保" not in stored.file.name
    assert stored.file.name.endswith(".pdf")
    with pytest.raises(PermissionDenied):
        services.attach_file(
            info_request=township_request.request,
            by=world.neighbour_editor,
            upload=SimpleUploadedFile("a.pdf", PDF),
        )
    services.remove_file(reply_file=stored, by=world.editor)
    assert not ReplyFile.objects.exists()


def test_messages_both_ways(world, township_request):
    r = township_request.request
    services.post_staff_message(info_request=r, by=world.editor, body="请问您需要哪一年度？")
    services.post_applicant_message(token=township_request.token, body="2025年度")
    assert list(r.messages.values_list("sender", "kind")) == [
        ("staff", "receipt"), ("staff", "message"), ("applicant", "message"),
    ]  # fmt: skip
    with _refused("请填写留言内容。"):
        services.post_applicant_message(token=township_request.token, body=" ")
    with _refused("留言不能超过2000字。"):
        services.post_applicant_message(token=township_request.token, body="字" * 2001)
    with pytest.raises(PermissionDenied):
        services.post_staff_message(info_request=r, by=world.supervisor, body="x")

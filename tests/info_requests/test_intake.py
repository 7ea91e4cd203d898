"""Applications: online without an account, registered by staff with the Art. 31 receipt day."""

import hashlib
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.audit.models import Event
from gongkai.info_requests import selectors, services
from gongkai.info_requests.models import InfoRequest, Message, RequestCounter, Status
from tests.info_requests.conftest import (
    APPLICANT_NAME,
    APPLICANT_PHONE,
    applicant_data,
    freeze,
    register,
)


def test_online_application_gets_a_number_a_private_link_and_a_receipt(
    world, applicant, on_2026_03_02, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        info_request, token = services.submit_online(organization=world.township, data=applicant)
    assert info_request.number == "YSQ-QH01T01-2026-00001"
    assert info_request.channel == "online"
    assert info_request.received_on == info_request.submitted_on == date(2026, 3, 2)
    # Monday 2 March 2026 + 20 working days (no holiday between): Monday 30 March
    assert info_request.due_on == date(2026, 3, 30)
    assert info_request.status == Status.NEW
    assert len(token) == 32
    assert info_request.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in info_request.token_hash
    assert selectors.request_for_token(token) == info_request
    assert selectors.request_for_token(token[:-1] + "x") is None
    receipt = info_request.messages.get()
    assert receipt.kind == Message.Kind.RECEIPT
    assert "2026年3月30日前作出答复" in receipt.body
    assert [m.to for m in mailoutbox] == [["mingyue@example.com"]]
    assert f"/ysq/t/{token}/" in mailoutbox[0].body


def test_numbers_count_per_organization_and_year(world, applicant, on_2026_03_02):
    numbers = [
        services.submit_online(organization=org, data=applicant)[0].number
        for org in (world.township, world.township, world.neighbour)
    ]
    assert numbers == [
        "YSQ-QH01T01-2026-00001",
        "YSQ-QH01T01-2026-00002",
        "YSQ-QH01T02-2026-00001",
    ]
    older = register(world, received=date(2025, 12, 30))
    assert older.request.number == "YSQ-QH01T01-2025-00001"
    assert RequestCounter.objects.get(organization=world.township, year=2026).last == 2


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"phone": "", "email": ""}, "请至少填写一种联系方式（联系电话或电子邮箱）。"),
        ({"description": "   "}, "请描述您需要的政府信息"),
        ({"applicant_name": ""}, "请填写申请人姓名。"),
        ({"applicant_type": "commercial", "applicant_name": ""}, "请填写法人或其他组织的名称。"),
        ({"delivery": "post", "address": ""}, "选择邮寄方式时，请填写通信地址。"),
        ({"delivery": "email", "email": ""}, "选择电子邮件方式时，请填写电子邮箱。"),
        ({"phone": "call me"}, "联系电话格式不正确。"),
    ],
)
def test_incomplete_applications_are_refused_and_nothing_is_saved(
    world, on_2026_03_02, changes, message
):
    events = Event.objects.count()
    with pytest.raises(ValidationError) as refused:
        services.submit_online(organization=world.township, data=applicant_data(**changes))
    assert message in refused.value.messages[0]
    assert not InfoRequest.objects.exists()
    assert not RequestCounter.objects.exists()
    assert Event.objects.count() == events


def test_post_received_day_is_the_day_signed_for(world, applicant):
    info_request, _ = services.register_application(
        organization=world.township,
        by=world.editor,
        data=applicant,
        channel="post",
        submitted_on=date(2025, 9, 26),
        signed_for=date(2025, 9, 29),
    )
    assert info_request.received_on == date(2025, 9, 29)
    # Mon 29 Sep 2025: 9/30 (1), [国庆 10/1–10/8], 10/9–10/10 (3), 10/11 Sat 调休 (4),
    # 10/13–10/17 (9), 10/20–10/24 (14), 10/27–10/31 (19), 11/3 (20)
    assert info_request.due_on == date(2025, 11, 3)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (
            {"channel": "in_person", "submitted_on": date(2026, 3, 3)},
            "申请日期（落款或寄出日期）不能晚于今天。",
        ),
        (
            {"channel": "post", "submitted_on": date(2026, 3, 1), "signed_for": date(2026, 3, 5)},
            "收到申请日期不能晚于今天。",
        ),
        (
            {"channel": "post", "submitted_on": date(2026, 2, 20), "signed_for": date(2026, 2, 18)},
            "收到申请日期不能早于申请人提交（寄出）日期。",
        ),
        (
            {"channel": "post", "submitted_on": date(2026, 2, 20)},
            "邮寄申请须填写行政机关签收日期（无需签收的平常信函填写确认日期）。",
        ),
        (
            {"channel": "fax", "submitted_on": date(2026, 2, 20)},
            "传真提交的申请须填写双方确认收到申请的日期。",
        ),
        ({"channel": "pigeon", "submitted_on": date(2026, 2, 20)}, "请选择申请的提交方式。"),
    ],
)
def test_staff_registration_with_impossible_dates_is_refused(
    world, applicant, on_2026_03_02, kwargs, message
):
    with pytest.raises(ValidationError) as refused:
        services.register_application(
            organization=world.township, by=world.editor, data=applicant, **kwargs
        )
    assert refused.value.messages == [message]
    assert not InfoRequest.objects.exists()


def test_only_staff_of_the_organization_may_register(world, applicant):
    for outsider in (world.neighbour_editor, world.supervisor, world.reviewer):
        with pytest.raises(PermissionDenied):
            services.register_application(
                organization=world.township,
                by=outsider,
                data=applicant,
                channel="in_person",
                submitted_on=date(2025, 5, 12),
            )
    assert not InfoRequest.objects.exists()


def test_a_new_link_replaces_the_lost_one(world, township_request):
    new = services.reissue_link(info_request=township_request.request, by=world.editor)
    assert selectors.request_for_token(township_request.token) is None
    assert selectors.request_for_token(new) == township_request.request
    with pytest.raises(PermissionDenied):
        services.reissue_link(info_request=township_request.request, by=world.neighbour_editor)


def test_the_audit_trail_and_the_log_never_hold_the_applicants_data(
    world, applicant, on_2026_03_02, caplog
):
    caplog.set_level("DEBUG", logger="gongkai")
    info_request, token = services.submit_online(organization=world.township, data=applicant)
    services.request_correction(info_request=info_request, by=world.editor, items="请写明年度")
    services.submit_correction(token=token, description="2025年度的汇总表")
    events = Event.objects.filter(
        target_type="info_requests.inforequest", target_id=str(info_request.pk)
    )
    assert events.count() == 3
    for event in events:
        text = f"{event.target_label}{event.before}{event.after}{event.reason}{event.actor_label}"
        assert APPLICANT_NAME not in text
        assert APPLICANT_PHONE not in text
        assert token not in text
    assert caplog.records, "the services log what they do"
    for record in caplog.records:
        message = record.getMessage()
        assert APPLICANT_NAME not in message
        assert APPLICANT_PHONE not in message
        assert token not in message


def test_same_applicant_is_recognised_by_contact_without_storing_more(world, on_2026_03_02):
    first, _ = services.submit_online(organization=world.township, data=applicant_data())
    services.submit_online(
        organization=world.neighbour, data=applicant_data(applicant_name="另一个名字")
    )
    services.submit_online(
        organization=world.township, data=applicant_data(phone="13900000000", email="")
    )
    assert selectors.same_applicant_recent(first) == 1
    assert APPLICANT_PHONE not in first.applicant_key


def test_frozen_helper_moves_today():
    with freeze(date(2030, 1, 2)):
        from django.utils import timezone

        assert timezone.localdate() == date(2030, 1, 2)

"""留言咨询: time limits, routing and transfer, answers, masking of what is published, rating."""

from datetime import date

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from gongkai.participation.models import Message, MessageLimitSetting, MessageStatus
from gongkai.participation.services import messages as services
from tests.participation.conftest import at

BODY = "我是城关镇居民，电话13812345678，身份证110105199001011234。请问低保申请需要哪些材料？"


def ask(organization, kind="inquiry", body=BODY, **kwargs):
    return services.submit_message(
        organization=organization, kind=kind, subject="低保申请材料", body=body, **kwargs
    )


# --- time limits -----------------------------------------------------------------------------


def test_an_inquiry_must_be_accepted_in_one_and_answered_in_five_working_days(world, clock):
    message = ask(world.township)
    assert message.number == "LY202503030001"
    assert (message.accept_due, message.answer_due) == (date(2025, 3, 4), date(2025, 3, 10))
    assert message.status == MessageStatus.RECEIVED


def test_a_suggestion_and_a_complaint_have_fifteen_working_days(world, clock):
    assert ask(world.township, kind="suggestion").answer_due == date(2025, 3, 24)
    assert ask(world.township, kind="complaint").answer_due == date(2025, 3, 24)


def test_a_message_on_friday_before_the_national_day_counts_after_the_holiday(world, clock):
    clock.move_to(at(date(2025, 9, 30), 16), tick=False)
    message = ask(world.township)
    assert (message.accept_due, message.answer_due) == (date(2025, 10, 9), date(2025, 10, 14))


def test_the_administrators_limit_applies(world, clock):
    MessageLimitSetting.objects.create(kind="inquiry", accept_workdays=2, answer_workdays=3)
    message = ask(world.township)
    assert (message.accept_due, message.answer_due) == (date(2025, 3, 5), date(2025, 3, 6))


def test_an_incomplete_message_is_refused_whole(world, clock):
    with pytest.raises(ValidationError) as exc:
        services.submit_message(organization=world.township, kind="x", subject=" ", body="")
    assert exc.value.message_dict == {
        "kind": ["请选择留言类型。"],
        "subject": ["请填写标题。"],
        "body": ["请填写留言内容。"],
    }
    assert not Message.objects.exists()


def test_overdue_messages_are_those_past_their_acceptance_or_answer_limit(world, clock):
    from gongkai.participation.selectors import overdue_messages

    late = ask(world.township)
    accepted = ask(world.township)
    services.accept_message(message=accepted, by=world.editor)
    answered = ask(world.township)
    services.answer_message(message=answered, by=world.editor, answer="答复")
    orgs = [world.township]
    assert list(overdue_messages(orgs, today=date(2025, 3, 4))) == []
    assert list(overdue_messages(orgs, today=date(2025, 3, 5))) == [late]
    assert set(overdue_messages(orgs, today=date(2025, 3, 11))) == {late, accepted}


# --- routing, transfer, answer ---------------------------------------------------------------


def test_the_platform_routes_a_message_and_the_organization_answers(world, clock):
    message = ask(None)
    with pytest.raises(PermissionDenied):
        services.route_message(message=message, organization=world.township, by=world.supervisor)
    services.route_message(message=message, organization=world.township, by=world.city_supervisor)
    message.refresh_from_db()
    assert message.organization == world.township
    assert message.transfers.get().reason == "平台分办"


def test_a_transfer_keeps_the_citizens_time_limits(world, clock):
    message = ask(world.township)
    services.accept_message(message=message, by=world.editor)
    moved = services.transfer_message(
        message=message, to=world.department, by=world.editor, reason="低保审核属民政局职责"
    )
    assert moved.organization == world.department
    assert moved.status == MessageStatus.RECEIVED
    assert moved.answer_due == date(2025, 3, 10)
    with pytest.raises(PermissionDenied):
        services.answer_message(message=moved, by=world.editor, answer="越权答复")
    services.answer_message(message=moved, by=world.department_editor, answer="请携带户口簿。")


def test_the_neighbouring_editor_cannot_accept_or_answer(world, clock):
    message = ask(world.township)
    with pytest.raises(PermissionDenied):
        services.accept_message(message=message, by=world.neighbour_editor)
    with pytest.raises(PermissionDenied):
        services.answer_message(message=message, by=world.neighbour_editor, answer="x")


def test_an_answer_is_published_with_personal_information_masked(world, clock):
    message = ask(world.township)
    clock.move_to(at(date(2025, 3, 6)), tick=False)
    answered = services.answer_message(
        message=message,
        by=world.editor,
        answer="您好：我们已回电至您的手机13900001111，请携带户口簿到镇便民服务中心办理。",
    )
    assert answered.published is True
    assert answered.answered_on_time is True
    assert answered.body_public == (
        "我是城关镇居民，电话138****5678，身份证110105********1234。请问低保申请需要哪些材料？"
    )
    assert "139****1111" in answered.answer_public
    assert "13900001111" not in answered.answer_public
    assert answered.body == BODY  # the original is kept


def test_an_author_who_asked_for_privacy_is_never_published(world, clock):
    message = ask(world.township, wants_private=True)
    answered = services.answer_message(message=message, by=world.editor, answer="答复")
    assert answered.published is False
    with pytest.raises(ValidationError, match="留言人要求不公开"):
        services.set_message_publication(message=answered, by=world.editor, publish=True)


def test_a_report_is_not_published_unless_staff_decide_so(world, clock):
    message = ask(world.township, kind="report", body="举报某摊主占道经营。")
    answered = services.answer_message(message=message, by=world.editor, answer="已核查处理。")
    assert answered.published is False
    services.set_message_publication(message=answered, by=world.editor, publish=True)
    answered.refresh_from_db()
    assert answered.published is True


def test_unpublishing_needs_a_reason(world, clock):
    message = services.answer_message(message=ask(world.township), by=world.editor, answer="答复")
    with pytest.raises(ValidationError, match="取消公开的理由"):
        services.set_message_publication(message=message, by=world.editor, publish=False)
    services.set_message_publication(
        message=message, by=world.editor, publish=False, reason="留言人电话要求撤下"
    )
    message.refresh_from_db()
    assert message.published is False


def test_a_late_answer_is_counted_late(world, clock):
    message = ask(world.township)
    clock.move_to(at(date(2025, 3, 11)), tick=False)
    answered = services.answer_message(message=message, by=world.editor, answer="答复")
    assert answered.answered_on_time is False


def test_the_citizen_is_told_by_mail_with_the_private_link(
    world, clock, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        message = ask(world.township, email="citizen@example.com")
        services.answer_message(message=message, by=world.editor, answer="答复")
    sent = [m for m in mail.outbox if m.to == ["citizen@example.com"]]
    assert len(sent) == 1
    assert f"/hudong/ly/my/{message.access_key}/" in sent[0].body


# --- rating ----------------------------------------------------------------------------------


def test_the_citizen_rates_once_through_the_private_link(world, clock):
    message = ask(world.township)
    with pytest.raises(ValidationError, match="答复后才能评价"):
        services.rate_answer(message=message, key=message.access_key, rating="satisfied")
    services.answer_message(message=message, by=world.editor, answer="答复")
    with pytest.raises(ValidationError, match="链接无效"):
        services.rate_answer(message=message, key="x" * 32, rating="satisfied")
    rated = services.rate_answer(
        message=message, key=message.access_key, rating="basically", comment="还算及时"
    )
    assert (rated.rating, rated.rating_comment) == ("basically", "还算及时")
    with pytest.raises(ValidationError, match="已评价过"):
        services.rate_answer(message=message, key=message.access_key, rating="unsatisfied")


# --- monthly figures -------------------------------------------------------------------------


def test_monthly_answer_on_time_and_satisfaction_rates(world, clock):
    from gongkai.participation.selectors import message_figures

    on_time = ask(world.township)
    late = ask(world.township)
    unanswered = ask(world.township, kind="suggestion")
    ask(world.neighbour)
    services.answer_message(message=on_time, by=world.editor, answer="答复")
    clock.move_to(at(date(2025, 3, 12)), tick=False)
    services.answer_message(message=late, by=world.editor, answer="答复")
    services.rate_answer(message=on_time, key=on_time.access_key, rating="satisfied")
    services.rate_answer(message=late, key=late.access_key, rating="unsatisfied")
    clock.move_to(at(date(2025, 4, 1)), tick=False)
    ask(world.township)  # April: not counted in March
    rows = message_figures([world.township, world.neighbour], year=2025, month=3)
    township, neighbour = rows
    assert township.organization == world.township
    assert (township.received, township.answered, township.answered_on_time) == (3, 2, 1)
    assert (township.answer_rate, township.on_time_rate, township.satisfaction_rate) == (
        66.7,
        50.0,
        50.0,
    )
    assert (neighbour.received, neighbour.answer_rate, neighbour.on_time_rate) == (1, 0.0, None)
    assert unanswered.status == MessageStatus.RECEIVED


# --- pages -----------------------------------------------------------------------------------


def test_a_citizen_leaves_a_message_and_gets_the_private_link(client, world, clock):
    response = client.post(
        reverse("participation_public:message_new"),
        {
            "organization": world.township.pk,
            "kind": "inquiry",
            "subject": "低保申请材料",
            "body": BODY,
        },
    )
    assert response.status_code == 200
    message = Message.objects.get()
    page = response.content.decode()
    assert message.number in page
    assert f"/hudong/ly/my/{message.access_key}/" in page
    assert "2025年3月10日" in page


def test_published_messages_show_masked_text_only(client, world, clock):
    message = ask(world.township, author_name="张三", phone="13812345678")
    services.answer_message(message=message, by=world.editor, answer="请携带户口簿。")
    page = client.get(reverse("participation_public:message", args=[message.number]))
    body = page.content.decode()
    assert "138****5678" in body
    assert "13812345678" not in body
    assert "110105199001011234" not in body
    listing = client.get(reverse("participation_public:messages")).content.decode()
    assert "低保申请材料" in listing
    assert "张三" not in listing


def test_an_unpublished_message_has_no_public_page(client, world, clock):
    message = ask(world.township, wants_private=True)
    services.answer_message(message=message, by=world.editor, answer="答复")
    assert (
        client.get(reverse("participation_public:message", args=[message.number])).status_code
        == 404
    )


def test_the_private_page_shows_the_original_and_takes_the_rating(client, world, clock):
    message = ask(world.township)
    services.answer_message(message=message, by=world.editor, answer="请携带户口簿。")
    url = reverse("participation_public:message_private", args=[message.access_key])
    page = client.get(url)
    assert "no-store" in page["Cache-Control"]
    assert "13812345678" in page.content.decode()  # the author's own text
    response = client.post(url, {"rating": "satisfied"})
    assert response.status_code == 302
    message.refresh_from_db()
    assert message.rating == "satisfied"
    assert (
        client.get(reverse("participation_public:message_private", args=["x" * 32])).status_code
        == 404
    )


def test_staff_message_pages_by_persona(client, world, clock):
    message = ask(world.township)
    url = reverse("participation:message", args=[message.pk])
    for user, status in (
        (world.editor, 200),
        (world.supervisor, 200),
        (world.neighbour_editor, 403),
        (world.department_editor, 403),
    ):
        client.force_login(user)
        assert client.get(url).status_code == status, user
    client.force_login(world.neighbour_editor)
    assert (
        client.post(
            reverse("participation:message_answer", args=[message.pk]), {"answer": "x"}
        ).status_code
        == 403
    )
    listing = client.get(reverse("participation:messages") + "?show=all").content.decode()
    assert message.number not in listing
    client.force_login(world.editor)
    listing = client.get(reverse("participation:messages") + "?show=all").content.decode()
    assert message.number in listing


def test_the_platform_inbox_is_for_the_city_office_only(client, world, clock):
    message = ask(None)
    url = reverse("participation:message", args=[message.pk])
    client.force_login(world.supervisor)
    assert client.get(url).status_code == 403
    client.force_login(world.city_supervisor)
    assert client.get(url).status_code == 200
    assert message.number in client.get(reverse("participation:messages")).content.decode()


def test_staff_answer_page_flow(client, world, clock):
    message = ask(world.township)
    client.force_login(world.editor)
    client.post(reverse("participation:message_accept", args=[message.pk]))
    response = client.post(
        reverse("participation:message_answer", args=[message.pk]),
        {"answer": "请携带户口簿。", "publish": "on"},
    )
    assert response.status_code == 302
    message.refresh_from_db()
    assert (message.status, message.published) == (MessageStatus.ANSWERED, True)


def test_figures_page_for_supervisor(client, world, clock):
    ask(world.township)
    client.force_login(world.supervisor)
    page = client.get(reverse("participation:message_figures")).content.decode()
    assert "东川县城关镇人民政府" in page
    client.force_login(world.neighbour_editor)
    page = client.get(reverse("participation:message_figures")).content.decode()
    assert "东川县城关镇人民政府" not in page


def test_the_message_form_is_guarded_like_the_comment_form(client, world, clock):
    url = reverse("participation_public:message_new")
    data = {"organization": world.township.pk, "kind": "inquiry", "subject": "s", "body": "b"}
    bot = client.post(url, {**data, "website": "http://spam.example"})
    assert bot.status_code == 200
    assert "感谢您的留言" in bot.content.decode()
    assert not Message.objects.exists()
    for _ in range(2):
        client.post(url, data)
    third = client.post(url, data)
    assert "为防止恶意灌水，请先计算下面的题目再提交。" in third.content.decode()
    assert Message.objects.count() == 2

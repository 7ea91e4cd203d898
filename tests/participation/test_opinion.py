"""政务舆情回应: transfer orders with the 5-hour rule, working-day limits, escalation, access."""

from datetime import date, datetime, timedelta
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.urls import reverse

from gongkai.audit.models import Event
from gongkai.participation.models import (
    OpinionStatus,
    ResponseLimitSetting,
    TransferOrder,
    TransferStatus,
)
from gongkai.participation.selectors import overdue_transfer_orders
from gongkai.participation.services import opinion as services
from tests.participation.conftest import TZ, at


def register(world, level="major", by=None):
    event = services.register_opinion_event(
        organization=world.county,
        by=by or world.supervisor,
        title="城关镇自来水浑浊引发网民关注",
        source="online",
        summary="多名网民在本地论坛反映城关镇部分小区自来水浑浊。",
        level=level,
        discovered_at=at(date(2025, 3, 3), 8),
    )
    return services.assess_opinion_event(
        event=event, by=by or world.supervisor, assessment="涉及群众饮水安全，需尽快回应。"
    )


def issue(world, event, organization=None, at_=None):
    return services.issue_transfer_order(
        event=event,
        organization=organization or world.township,
        by=world.supervisor,
        requirements="请核实原因并发布权威信息。",
        at=at_,
    )


# --- deadlines -------------------------------------------------------------------------------


def test_a_major_event_must_be_answered_within_five_hours(world, clock):
    order = issue(world, register(world, "major"))
    assert order.number == "ZB2025-0001"
    assert order.deadline == datetime(2025, 3, 3, 15, 0, tzinfo=TZ)


def test_an_extraordinary_event_issued_at_night_still_has_five_clock_hours(world, clock):
    clock.move_to(datetime(2025, 10, 1, 22, 30, tzinfo=TZ), tick=False)
    event = register(world, "extraordinary")
    order = issue(world, event)
    assert order.deadline == datetime(2025, 10, 2, 3, 30, tzinfo=TZ)


def test_a_larger_event_has_two_working_days(world, clock):
    order = issue(world, register(world, "larger"))
    assert order.deadline == datetime(2025, 3, 6, 0, 0, tzinfo=TZ)  # end of Wednesday 5 March


def test_a_general_event_has_five_working_days_across_the_holiday(world, clock):
    clock.move_to(datetime(2025, 9, 30, 15, 0, tzinfo=TZ), tick=False)
    order = issue(world, register(world, "general"))
    assert order.deadline == datetime(2025, 10, 15, 0, 0, tzinfo=TZ)  # 9, 10, 11, 13, 14 Oct


def test_the_administrators_shorter_emergency_limit_applies(world, clock):
    ResponseLimitSetting.objects.create(level="major", amount=3, unit="hours")
    order = issue(world, register(world, "major"))
    assert order.deadline == datetime(2025, 3, 3, 13, 0, tzinfo=TZ)


def test_an_event_must_be_assessed_before_it_is_transferred(world, clock):
    event = services.register_opinion_event(
        organization=world.county,
        by=world.supervisor,
        title="t",
        source="media",
        summary="s",
        level="general",
        discovered_at=at(date(2025, 3, 3), 8),
    )
    with pytest.raises(ValidationError, match="请先研判"):
        issue(world, event)


def test_the_supervisor_may_not_transfer_outside_the_subtree(world, clock):
    event = register(world)
    with pytest.raises(PermissionDenied):
        issue(world, event, organization=world.far_township)


def test_a_township_may_not_transfer_to_its_neighbour(world, clock):
    event = services.register_opinion_event(
        organization=world.township,
        by=world.editor,
        title="t",
        source="message",
        summary="s",
        level="general",
        discovered_at=at(date(2025, 3, 3), 8),
    )
    services.assess_opinion_event(event=event, by=world.editor, assessment="一般舆情")
    own = services.issue_transfer_order(event=event, organization=world.township, by=world.editor)
    assert own.organization == world.township
    with pytest.raises(PermissionDenied):
        services.issue_transfer_order(event=event, organization=world.neighbour, by=world.editor)


# --- response --------------------------------------------------------------------------------


def test_the_responsible_township_responds_and_publishes_the_response(world, clock):
    order = issue(world, register(world))
    clock.move_to(at(date(2025, 3, 3), 14), tick=False)
    with pytest.raises(PermissionDenied):
        services.respond_transfer_order(order=order, by=world.neighbour_editor, report="x")
    with pytest.raises(PermissionDenied):
        services.respond_transfer_order(order=order, by=world.supervisor, report="x")
    responded = services.respond_transfer_order(
        order=order, by=world.editor, report="已查明为管网冲洗所致，已发布情况说明。"
    )
    assert responded.status == TransferStatus.RESPONDED
    assert responded.responded_on_time is True
    response = services.publish_opinion_response(
        order=order,
        by=world.editor,
        title="关于城关镇部分小区自来水浑浊的情况说明",
        body="经查，系管网冲洗所致，水质检测合格。",
    )
    assert response.organization == world.township
    services.close_opinion_event(event=order.event, by=world.supervisor)
    order.event.refresh_from_db()
    assert order.event.status == OpinionStatus.CLOSED


def test_an_event_with_an_open_order_cannot_be_closed(world, clock):
    order = issue(world, register(world))
    with pytest.raises(ValidationError, match="1份转办单未反馈"):
        services.close_opinion_event(event=order.event, by=world.supervisor)


# --- escalation ------------------------------------------------------------------------------


@pytest.fixture
def reachable(world):
    """E-mail addresses for the township's editor, the county 公开办 and the city 公开办."""
    users = get_user_model().objects
    users.filter(pk=world.editor.pk).update(email="cgz@example.gov.cn")
    users.filter(pk=world.supervisor.pk).update(email="dc@example.gov.cn")
    users.filter(pk=world.city_supervisor.pk).update(email="shi@example.gov.cn")
    users.filter(pk=world.neighbour_editor.pk).update(email="hkz@example.gov.cn")


def test_escalation_marks_overdue_orders_and_notifies_once_per_level(
    world, clock, reachable, django_capture_on_commit_callbacks
):
    order = issue(world, register(world, "major"))  # due 15:00
    on_time = issue(world, register(world, "general"), organization=world.neighbour)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.escalate_overdue_transfer_orders(now=at(date(2025, 3, 3), 15)) == []
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        raised = services.escalate_overdue_transfer_orders(now=at(date(2025, 3, 3), 16))
    assert raised == [order]
    order.refresh_from_db()
    assert order.escalation_level == 1
    assert [m.to for m in mail.outbox] == [["cgz@example.gov.cn", "dc@example.gov.cn"]]
    assert "ZB2025-0001" in mail.outbox[0].subject
    with django_capture_on_commit_callbacks(execute=True):
        assert services.escalate_overdue_transfer_orders(now=at(date(2025, 3, 3), 17)) == []
    with django_capture_on_commit_callbacks(execute=True):
        raised = services.escalate_overdue_transfer_orders(now=at(date(2025, 3, 3), 21))
    assert raised == [order]
    order.refresh_from_db()
    assert order.escalation_level == 2
    assert mail.outbox[-1].to == ["cgz@example.gov.cn", "dc@example.gov.cn", "shi@example.gov.cn"]
    events = Event.objects.filter(action="participation.order_escalated", target_id=str(order.pk))
    assert [e.after for e in events.order_by("at", "id")] == [
        {"escalation_level": 1},
        {"escalation_level": 2},
    ]
    assert events.first().actor_label == "系统"
    on_time.refresh_from_db()
    assert on_time.escalation_level == 0


def test_a_responded_order_is_never_escalated(world, clock):
    order = issue(world, register(world, "major"))
    services.respond_transfer_order(order=order, by=world.editor, report="已回应")
    assert services.escalate_overdue_transfer_orders(now=at(date(2025, 3, 4))) == []


def test_the_management_command_escalates(world, clock):
    order = issue(world, register(world, "major"))
    clock.move_to(at(date(2025, 3, 3), 16), tick=False)
    out = StringIO()
    call_command("escalate_overdue_transfer_orders", stdout=out)
    assert out.getvalue().splitlines() == [
        "ZB2025-0001 东川县城关镇人民政府 督办等级 1",
        "督办 1 份转办单。",
    ]
    order.refresh_from_db()
    assert order.escalation_level == 1


def test_the_task_escalates(world, clock):
    from gongkai.participation.tasks import escalate_overdue_transfer_orders_task

    issue(world, register(world, "major"))
    clock.move_to(at(date(2025, 3, 3), 16), tick=False)
    assert escalate_overdue_transfer_orders_task.call() == 1


def test_overdue_orders_selector_is_scoped(world, clock):
    order = issue(world, register(world, "major"))
    now = at(date(2025, 3, 3), 16)
    assert list(overdue_transfer_orders([world.township], now=now)) == [order]
    assert list(overdue_transfer_orders([world.neighbour], now=now)) == []
    assert order.deadline + timedelta(hours=1) == now


# --- pages -----------------------------------------------------------------------------------


def test_order_page_by_persona(client, world, clock):
    order = issue(world, register(world))
    url = reverse("participation:order", args=[order.pk])
    for user, status in (
        (world.editor, 200),
        (world.supervisor, 200),
        (world.city_supervisor, 200),
        (world.neighbour_editor, 403),
        (world.department_editor, 403),
    ):
        client.force_login(user)
        assert client.get(url).status_code == status, user
    client.force_login(world.neighbour_editor)
    response = client.post(reverse("participation:order_respond", args=[order.pk]), {"report": "x"})
    assert response.status_code == 403
    listing = client.get(reverse("participation:opinion")).content.decode()
    assert order.number not in listing
    client.force_login(world.editor)
    assert order.number in client.get(reverse("participation:opinion")).content.decode()
    event_url = reverse("participation:opinion_event", args=[order.event.pk])
    assert client.get(event_url).status_code == 403  # the county's own record


def test_the_published_response_has_a_public_page(client, world, clock):
    order = issue(world, register(world))
    client.force_login(world.editor)
    client.post(reverse("participation:order_respond", args=[order.pk]), {"report": "已查明原因。"})
    client.post(
        reverse("participation:order_publish", args=[order.pk]),
        {"title": "关于自来水浑浊的情况说明", "body": "经查，系管网冲洗所致。"},
    )
    client.logout()
    listing = client.get(reverse("participation_public:responses")).content.decode()
    assert "关于自来水浑浊的情况说明" in listing
    order.refresh_from_db()
    page = client.get(reverse("participation_public:response", args=[order.public_response.pk]))
    assert "经查，系管网冲洗所致。" in page.content.decode()


def test_supervisor_registers_assesses_and_transfers_through_the_pages(client, world, clock):
    client.force_login(world.supervisor)
    response = client.post(
        reverse("participation:opinion_new", args=[world.county.code]),
        {
            "title": "河口镇垃圾站异味",
            "source": "hotline",
            "summary": "群众反映垃圾站异味。",
            "level": "general",
            "discovered_at": "2025-03-03T09:00",
        },
    )
    assert response.status_code == 302
    event_url = response["Location"]
    pk = int(event_url.rstrip("/").split("/")[-1])
    client.post(
        reverse("participation:opinion_assess", args=[pk]),
        {"assessment": "一般舆情", "level": "general"},
    )
    client.post(
        reverse("participation:opinion_transfer", args=[pk]),
        {"organization": world.neighbour.pk, "requirements": "请核实"},
    )
    order = TransferOrder.objects.get(event_id=pk)
    assert order.organization == world.neighbour
    assert order.deadline == datetime(2025, 3, 11, 0, 0, tzinfo=TZ)

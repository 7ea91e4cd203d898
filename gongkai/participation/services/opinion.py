"""政务舆情回应: register, assess, transfer (转办单), respond, publish the 回应, escalate when overdue."""

import logging
from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse

from gongkai.audit.services import record_event, user_or_none
from gongkai.orgs.access import SYSTEM, Action, can
from gongkai.orgs.models import Organization
from gongkai.participation import clock, notify
from gongkai.participation.models import (
    OpinionEvent,
    OpinionResponse,
    OpinionStatus,
    TransferOrder,
    TransferStatus,
)
from gongkai.participation.services.limits import response_limit
from gongkai.rules.participation_limits import (
    OpinionLevel,
    escalation_level,
    transfer_deadline,
)

logger = logging.getLogger(__name__)


def can_manage_opinion(user, organization: Organization) -> bool:
    """The body's own staff, or the 公开办 above it, handle its opinion events."""
    return can(user, Action.HANDLE_PARTICIPATION, organization) or can(
        user, Action.SUPERVISE, organization
    )


def _require_manage(user, organization: Organization) -> None:
    if not can_manage_opinion(user, organization):
        raise PermissionDenied("您没有权限处理该单位的政务舆情。")


@transaction.atomic
def register_opinion_event(
    *,
    organization: Organization,
    by,
    title: str,
    source: str,
    summary: str,
    level: str,
    discovered_at: datetime,
    source_detail: str = "",
) -> OpinionEvent:
    _require_manage(by, organization)
    errors = {}
    if not title.strip():
        errors["title"] = "请填写舆情标题。"
    if not summary.strip():
        errors["summary"] = "请填写舆情摘要。"
    if level not in {lv.value for lv in OpinionLevel}:
        errors["level"] = "请选择舆情级别。"
    if discovered_at > clock.now():
        errors["discovered_at"] = "发现时间不能晚于现在。"
    if errors:
        raise ValidationError(errors)
    event = OpinionEvent.objects.create(
        organization=organization,
        title=title.strip(),
        source=source,
        source_detail=source_detail.strip(),
        summary=summary.strip(),
        level=level,
        discovered_at=discovered_at,
        registered_by=user_or_none(by),
    )
    record_event(
        actor=by,
        action="participation.opinion_registered",
        target=event,
        organization=organization,
        after={"level": level},
    )
    return event


@transaction.atomic
def assess_opinion_event(
    *, event: OpinionEvent, by, assessment: str, level: str | None = None
) -> OpinionEvent:
    """研判: the assessment, and the level it settles on."""
    _require_manage(by, event.organization)
    event = OpinionEvent.objects.select_for_update(of=("self",)).get(pk=event.pk)
    if event.status == OpinionStatus.CLOSED:
        raise ValidationError("舆情已办结。")
    if not assessment.strip():
        raise ValidationError({"assessment": "请填写研判意见。"})
    if level is not None and level not in {lv.value for lv in OpinionLevel}:
        raise ValidationError({"level": "请选择舆情级别。"})
    before = {"level": event.level, "status": event.status}
    event.assessment = assessment.strip()
    event.level = level or event.level
    event.assessed_at = clock.now()
    event.assessed_by = user_or_none(by)
    if event.status == OpinionStatus.REGISTERED:
        event.status = OpinionStatus.ASSESSED
    event.save()
    record_event(
        actor=by,
        action="participation.opinion_assessed",
        target=event,
        organization=event.organization,
        before=before,
        after={"level": event.level, "status": event.status},
    )
    return event


def _next_order_number(at: datetime) -> str:
    prefix = f"ZB{at:%Y}"
    count = TransferOrder.objects.filter(number__startswith=prefix).count()
    return f"{prefix}-{count + 1:04d}"


@transaction.atomic
def issue_transfer_order(
    *,
    event: OpinionEvent,
    organization: Organization,
    by,
    requirements: str = "",
    at: datetime | None = None,
) -> TransferOrder:
    """转办单 to the responsible body; the deadline follows the event's level."""
    _require_manage(by, event.organization)
    if organization.pk != event.organization_id and not can(by, Action.SUPERVISE, organization):
        raise PermissionDenied("只能向本单位或您所监督范围内的单位转办。")
    event = OpinionEvent.objects.select_for_update(of=("self",)).get(pk=event.pk)
    if event.status == OpinionStatus.CLOSED:
        raise ValidationError("舆情已办结，不能再转办。")
    if event.status == OpinionStatus.REGISTERED:
        raise ValidationError("请先研判，再转办。")
    if event.orders.filter(organization=organization, status=TransferStatus.ISSUED).exists():
        raise ValidationError("已向该单位转办且尚未反馈。")
    at = at or clock.now()
    period = response_limit(event.level)
    deadline = transfer_deadline(clock.localtime(at), period, calendar=clock.holiday_calendar())
    order = TransferOrder.objects.create(
        number=_next_order_number(at),
        event=event,
        issued_by=event.organization,
        organization=organization,
        requirements=requirements.strip(),
        issued_at=at,
        deadline=deadline,
        issued_by_user=user_or_none(by),
    )
    event.status = OpinionStatus.TRANSFERRED
    event.save(update_fields=["status"])
    record_event(
        actor=by,
        action="participation.order_issued",
        target=order,
        organization=organization,
        after={"deadline": deadline.isoformat(), "limit": str(period)},
    )
    notify.send_later(
        subject=f"舆情转办单 {order.number}（{event.get_level_label()}）",
        body=(
            f"{event.organization.name}向{organization.name}转办舆情“{event.title}”，"
            f"请于{clock.localtime(deadline):%Y-%m-%d %H:%M}前反馈回应情况。\n"
            + notify.site_url(reverse("participation:order", args=[order.pk]))
        ),
        recipients=notify.staff_addresses(organization, with_supervisors=False),
        reason="order_issued",
    )
    return order


@transaction.atomic
def respond_transfer_order(
    *, order: TransferOrder, by, report: str, at: datetime | None = None
) -> TransferOrder:
    """The responsible body reports back (反馈) what it did and how it responded."""
    order = (
        TransferOrder.objects.select_for_update(of=("self",))
        .select_related("organization")
        .get(pk=order.pk)
    )
    if not can(by, Action.HANDLE_PARTICIPATION, order.organization):
        raise PermissionDenied("只有责任单位可以反馈办理情况。")
    if order.status != TransferStatus.ISSUED:
        raise ValidationError("该转办单已反馈。")
    if not report.strip():
        raise ValidationError({"report": "请填写办理和回应情况。"})
    order.status = TransferStatus.RESPONDED
    order.report = report.strip()
    order.responded_at = at or clock.now()
    order.responded_by = user_or_none(by)
    order.save()
    record_event(
        actor=by,
        action="participation.order_responded",
        target=order,
        organization=order.organization,
        after={"on_time": order.responded_on_time},
    )
    return order


@transaction.atomic
def publish_opinion_response(
    *, order: TransferOrder, by, title: str, body: str, at: datetime | None = None
) -> OpinionResponse:
    """回应: the responsible body publishes its answer on the portal."""
    order = (
        TransferOrder.objects.select_for_update(of=("self",))
        .select_related("organization")
        .get(pk=order.pk)
    )
    if not can(by, Action.HANDLE_PARTICIPATION, order.organization):
        raise PermissionDenied("只有责任单位可以发布回应。")
    if OpinionResponse.objects.filter(order=order).exists():
        raise ValidationError("该转办单的回应已经发布。")
    if not title.strip() or not body.strip():
        raise ValidationError("请填写回应标题和内容。")
    response = OpinionResponse.objects.create(
        order=order,
        organization=order.organization,
        title=title.strip(),
        body=body.strip(),
        published_at=at or clock.now(),
        published_by=user_or_none(by),
    )
    record_event(
        actor=by,
        action="participation.response_published",
        target=response,
        organization=order.organization,
    )
    return response


@transaction.atomic
def close_opinion_event(*, event: OpinionEvent, by) -> OpinionEvent:
    _require_manage(by, event.organization)
    event = OpinionEvent.objects.select_for_update(of=("self",)).get(pk=event.pk)
    open_orders = event.orders.filter(status=TransferStatus.ISSUED).count()
    if open_orders:
        raise ValidationError(f"还有{open_orders}份转办单未反馈，不能办结。")
    if not event.orders.exists() and not event.assessment:
        raise ValidationError("请先研判，再办结。")
    event.status = OpinionStatus.CLOSED
    event.save(update_fields=["status"])
    record_event(
        actor=by,
        action="participation.opinion_closed",
        target=event,
        organization=event.organization,
    )
    return event


@transaction.atomic
def escalate_overdue_transfer_orders(*, now: datetime | None = None) -> list[TransferOrder]:
    """Mark every open order whose escalation level has risen, and tell the people concerned.

    Level 1 (overdue): the responsible body and the issuing body. Level 2 (overdue by the whole
    time allowed again): also the 公开办 above the responsible body.
    """
    now = now or clock.now()
    raised = []
    orders = (
        TransferOrder.objects.overdue(now=now)
        .select_for_update(of=("self",))
        .select_related("organization", "issued_by", "event")
    )
    for order in orders:
        level = escalation_level(issued_at=order.issued_at, deadline=order.deadline, now=now)
        if level <= order.escalation_level:
            continue
        before = order.escalation_level
        order.escalation_level = level
        order.escalated_at = now
        order.save(update_fields=["escalation_level", "escalated_at"])
        record_event(
            actor=SYSTEM,
            action="participation.order_escalated",
            target=order,
            organization=order.organization,
            before={"escalation_level": before},
            after={"escalation_level": level},
        )
        recipients = set(notify.staff_addresses(order.organization, with_supervisors=level >= 2))
        recipients |= set(notify.staff_addresses(order.issued_by, with_supervisors=False))
        recipients |= set(notify.office_addresses(order.issued_by))
        word = "已超期" if level == 1 else "严重超期"
        notify.send_later(
            subject=f"督办：舆情转办单 {order.number} {word}",
            body=(
                f"{order.organization.name}应于{clock.localtime(order.deadline):%Y-%m-%d %H:%M}前"
                f"反馈舆情“{order.event.title}”的回应情况，至今未反馈，请立即办理。\n"
                + notify.site_url(reverse("participation:order", args=[order.pk]))
            ),
            recipients=sorted(recipients),
            reason="order_escalated",
        )
        raised.append(order)
    logger.info("escalation: %d transfer order(s) raised", len(raised))
    return raised

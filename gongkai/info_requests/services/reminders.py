"""Reminders of due days: in-app notices for handlers, and one e-mail per person per run."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from gongkai.info_requests.deadlines import current_calendar, days_left
from gongkai.info_requests.models import InfoRequest, Notice
from gongkai.info_requests.services._common import cn, logger
from gongkai.orgs.access import ROLE_ACTIONS, Action
from gongkai.rules.request_deadline import DUE_SOON_WORKDAYS


def notice_kind(left: int) -> str | None:
    """Which reminder a number of working days left calls for (thresholds 5, 2, 0; then overdue)."""
    if left < 0:
        return Notice.Kind.OVERDUE
    for threshold in sorted(DUE_SOON_WORKDAYS):
        if left <= threshold:
            return f"due_{threshold}"
    return None


def _recipients(info_request: InfoRequest, handlers_by_org: dict) -> list:
    if info_request.handler_id and info_request.handler.is_active:
        return [info_request.handler]
    return handlers_by_org.get(info_request.organization_id, [])


def _handlers_by_org(org_ids) -> dict:
    roles = [role for role, actions in ROLE_ACTIONS.items() if Action.HANDLE_REQUEST in actions]
    users = (
        get_user_model()
        .objects.filter(
            memberships__organization_id__in=org_ids, memberships__role__in=roles, is_active=True
        )
        .values_list("memberships__organization_id", "pk")
    )
    by_pk = get_user_model().objects.in_bulk({pk for _, pk in users})
    out: dict[int, list] = defaultdict(list)
    for org_id, pk in users:
        if by_pk[pk] not in out[org_id]:
            out[org_id].append(by_pk[pk])
    return out


@dataclass(frozen=True)
class ReminderRun:
    notices: int
    emails: int
    skipped_without_email: int


@transaction.atomic
def create_notices(*, today: date) -> dict:
    """New notices, by user; a notice already given for the same due day is not repeated."""
    calendar = current_calendar()
    requests = list(
        InfoRequest.objects.open()
        .filter(due_on__isnull=False)
        .select_related("organization", "handler")
    )
    handlers = _handlers_by_org({r.organization_id for r in requests})
    created: dict = defaultdict(list)
    for info_request in requests:
        left = days_left(info_request, today=today, calendar=calendar)
        kind = notice_kind(left)
        if kind is None:
            continue
        for user in _recipients(info_request, handlers):
            notice, new = Notice.objects.get_or_create(
                user=user,
                request=info_request,
                kind=kind,
                due_on=info_request.due_on,
                defaults={"days_left": left, "created_at": timezone.now()},
            )
            if new:
                created[user].append(notice)
    return created


def _mail_body(notices: list[Notice]) -> str:
    lines = ["以下政府信息公开申请即将到期或已逾期，请及时办理：", ""]
    for notice in notices:
        url = settings.SITE_URL + reverse("info_requests:detail", args=[notice.request_id])
        lines.append(
            f"{notice.request.number}  {notice.request.organization.name}  "
            f"答复期限 {cn(notice.due_on)}（{notice.get_kind_display()}）  {url}"
        )
    return "\n".join(lines)


def send_reminders(*, today: date | None = None) -> ReminderRun:
    today = today or timezone.localdate()
    created = create_notices(today=today)
    emails = skipped = 0
    for user, notices in created.items():
        if not user.email:
            skipped += 1
            continue
        try:
            send_mail(
                f"依申请公开到期提醒：{len(notices)} 件", _mail_body(notices), None, [user.email]
            )
            emails += 1
        except OSError:
            logger.warning("reminder mail to user %s not sent", user.pk)
    total = sum(len(n) for n in created.values())
    logger.info("reminders: %s notices, %s e-mails, %s without address", total, emails, skipped)
    return ReminderRun(notices=total, emails=emails, skipped_without_email=skipped)


@transaction.atomic
def mark_notices_read(*, user, notice_ids: list[int] | None = None) -> int:
    notices = Notice.objects.filter(user=user, read_at__isnull=True)
    if notice_ids is not None:
        notices = notices.filter(pk__in=notice_ids)
    return notices.update(read_at=timezone.now())

"""站内消息 and e-mail: reminders before a task's deadline and one daily digest per staff account."""

from __future__ import annotations

import logging
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from gongkai.orgs.models import Membership, Role
from gongkai.supervision.models import Notification, TaskAssignment
from gongkai.supervision.selectors.notifications import DigestLine, digest_lines

log = logging.getLogger(__name__)
REMINDER_DAYS = (7, 1)  # calendar days before a task's deadline
TASK_STAFF_ROLES = (Role.ADMIN, Role.EDITOR)


def notify(
    *, users, title: str, body: str = "", link: str = "", key: str = ""
) -> list[Notification]:
    """One message per user; with a ``key``, a user who already has it is skipped."""
    users = list(users)
    if key:
        done = set(
            Notification.objects.filter(user__in=users, key=key).values_list("user_id", flat=True)
        )
        users = [user for user in users if user.pk not in done]
    now = timezone.now()
    return Notification.objects.bulk_create(
        Notification(
            user=user, title=title[:200], body=body, link=link[:300], key=key, created_at=now
        )
        for user in users
    )


def mark_read(*, notification: Notification, by) -> Notification:
    if notification.user_id != by.pk:
        raise PermissionDenied("这不是您的消息。")
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def mark_all_read(*, by) -> int:
    return Notification.objects.filter(user=by, read_at__isnull=True).update(read_at=timezone.now())


def _task_staff(organization_ids) -> dict[int, list]:
    staff: dict[int, list] = {}
    for membership in Membership.objects.filter(
        organization_id__in=organization_ids, role__in=TASK_STAFF_ROLES, user__is_active=True
    ).select_related("user"):
        staff.setdefault(membership.organization_id, [])
        if membership.user not in staff[membership.organization_id]:
            staff[membership.organization_id].append(membership.user)
    return staff


@transaction.atomic
def send_task_reminders(*, today: date) -> int:
    """Remind the staff of each responsible body 7 days and 1 day before a deadline, and the day
    after it passes; each reminder once (keyed by assignment and occasion)."""
    occasions = {today + timedelta(days=days): f"还有{days}天到期" for days in REMINDER_DAYS}
    occasions[today - timedelta(days=1)] = "已逾期"
    assignments = list(
        TaskAssignment.objects.responsible()
        .open()
        .filter(task__deadline__in=list(occasions))
        .select_related("task", "organization")
    )
    staff = _task_staff({a.organization_id for a in assignments})
    sent = 0
    for assignment in assignments:
        when = occasions[assignment.task.deadline]
        deadline = assignment.task.deadline
        created = notify(
            users=staff.get(assignment.organization_id, []),
            title=f"工作任务{when}：{assignment.task}"[:200],
            body=f"{assignment.organization.name}负责的工作任务完成时间为{deadline:%Y年%m月%d日}，"
            "请及时报送进展。",
            link=reverse("supervision:assignment", args=[assignment.id]),
            key=f"task:{assignment.id}:{deadline:%Y%m%d}:{when}",
        )
        sent += len(created)
    return sent


def _email(user, subject: str, lines: list[DigestLine]) -> None:
    base = settings.SITE_URL
    text = "\n".join(f"- {line.text}  {base}{line.link}" for line in lines)

    def deliver() -> None:
        try:
            send_mail(
                subject,
                f"{user.first_name or user.get_username()}，您好：\n\n{text}\n",
                None,
                [user.email],
            )
        except OSError:
            log.warning("digest e-mail failed: user_id=%s", user.pk)
        else:
            Notification.objects.filter(user=user, key=f"digest:{subject}").update(
                emailed_at=timezone.now()
            )

    transaction.on_commit(deliver)


@transaction.atomic
def send_daily_digest(*, user, today: date) -> Notification | None:
    """Today's digest of what is due or overdue for the user; None when there is nothing."""
    lines = digest_lines(user, today=today)
    if not lines:
        return None
    subject = f"{today:%Y年%m月%d日}待办提醒"
    created = notify(
        users=[user],
        title=f"{subject}：{len(lines)}项",
        body="\n".join(line.text for line in lines),
        link=reverse("supervision:inbox"),
        key=f"digest:{subject}",
    )
    if not created:
        return None
    if user.email:
        _email(user, subject, lines)
    return created[0]


def send_daily_digests(*, today: date) -> int:
    """A digest for every active staff account that has something due; returns how many."""
    users = get_user_model().objects.filter(is_active=True, memberships__isnull=False).distinct()
    return sum(send_daily_digest(user=user, today=today) is not None for user in users)

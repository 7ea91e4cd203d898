"""What is due for one staff account: the inbox and the lines of the daily digest."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.urls import reverse

from gongkai.info_requests.models import InfoRequest
from gongkai.orgs.access import Action, organizations_for
from gongkai.supervision.models import Notification, TaskAssignment
from gongkai.supervision.selectors.dashboard import list_url

TASK_HORIZON_DAYS = 7
REQUEST_HORIZON_DAYS = 5


@dataclass(frozen=True)
class DigestLine:
    text: str
    link: str


def unread_count(user) -> int:
    if not getattr(user, "is_authenticated", False):
        return 0
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


def inbox(user, *, unread_only: bool = False):
    notifications = Notification.objects.filter(user=user)
    if unread_only:
        notifications = notifications.filter(read_at__isnull=True)
    return notifications.order_by("-created_at", "-id")


def digest_lines(user, *, today: date) -> list[DigestLine]:
    """Tasks of the user's bodies due within 7 days or overdue, requests due within 5 days or
    overdue; for a 公开办, the overdue counts of the bodies it supervises."""
    lines: list[DigestLine] = []
    if getattr(user, "is_superuser", False):
        return lines
    own = [m.organization_id for m in user.memberships.exclude(role="supervisor")]
    for assignment in (
        TaskAssignment.objects.responsible()
        .open()
        .filter(organization__in=own, task__deadline__lte=today + timedelta(days=TASK_HORIZON_DAYS))
        .select_related("task", "organization")
        .order_by("task__deadline", "id")
    ):
        deadline = assignment.task.deadline
        state = "已逾期" if deadline < today else f"{deadline:%m月%d日}到期"
        lines.append(
            DigestLine(
                f"工作任务{state}：{assignment.task}（{assignment.organization.name}）",
                reverse("supervision:assignment", args=[assignment.id]),
            )
        )
    handled = organizations_for(user, Action.HANDLE_REQUEST).values_list("id", flat=True)
    for request in (
        InfoRequest.objects.open()
        .filter(organization__in=list(handled), due_on__isnull=False)
        .filter(due_on__lte=today + timedelta(days=REQUEST_HORIZON_DAYS))
        .order_by("due_on", "id")
    ):
        state = "已逾期" if request.due_on < today else f"{request.due_on:%m月%d日}到期"
        lines.append(
            DigestLine(
                f"政府信息公开申请{state}：{request.number}",
                reverse("info_requests:detail", args=[request.id]),
            )
        )
    supervised = list(organizations_for(user, Action.SUPERVISE).values_list("id", flat=True))
    if supervised:
        tasks = TaskAssignment.objects.overdue(on=today).filter(organization__in=supervised).count()
        requests = InfoRequest.objects.overdue(on=today).filter(organization__in=supervised).count()
        if tasks:
            lines.append(
                DigestLine(f"监督范围内逾期未完成的工作任务 {tasks} 项", list_url("tasks_overdue"))
            )
        if requests:
            lines.append(
                DigestLine(
                    f"监督范围内逾期未答复的政府信息公开申请 {requests} 件",
                    list_url("requests_overdue"),
                )
            )
    return lines

"""What the task-breakdown pages read: plans, their tasks by body, what is overdue."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.urls import reverse

from gongkai.orgs.access import Action, organizations_for
from gongkai.supervision.models import (
    TaskAssignment,
    TaskPlan,
    TaskRole,
    TaskStatus,
    WorkTask,
)


def plans_for(user):
    supervised = organizations_for(user, Action.SUPERVISE)
    return TaskPlan.objects.filter(organization__in=supervised).select_related("organization")


@dataclass(frozen=True)
class AssignmentCell:
    assignment: TaskAssignment
    name: str
    url: str
    label: str
    css: str


def _cell(assignment: TaskAssignment, today: date) -> AssignmentCell:
    label = assignment.status_label(today)
    css = {
        "逾期": "tag tag-alert",
        TaskStatus.DONE.label: "tag tag-ok",
        TaskStatus.IN_PROGRESS.label: "tag",
    }.get(label, "")
    name = assignment.organization.name if assignment.organization_id else assignment.unit_text
    url = (
        reverse("supervision:assignment", args=[assignment.id])
        if assignment.organization_id
        else ""
    )
    return AssignmentCell(assignment=assignment, name=name, url=url, label=label, css=css)


@dataclass(frozen=True)
class TaskView:
    task: WorkTask
    new_group: bool
    deadline_label: str
    overdue: bool
    units: dict[str, str]  # role label → units as matched (or as written)
    responsible: list[AssignmentCell]
    done: int
    late: int


def deadline_label(task: WorkTask) -> str:
    if task.deadline is None:
        return task.deadline_text or "持续推进"
    return f"{task.deadline:%Y年%m月%d日}"


def plan_rows(plan: TaskPlan, *, today: date) -> list[TaskView]:
    assignments: dict[int, list[TaskAssignment]] = defaultdict(list)
    for assignment in (
        TaskAssignment.objects.filter(task__plan=plan)
        .select_related("organization", "task")
        .order_by("task__position", "role", "organization__path", "id")
    ):
        assignments[assignment.task_id].append(assignment)
    rows = []
    group = None
    for task in plan.tasks.order_by("position"):
        mine = assignments.get(task.id, [])
        units = {}
        for role in (TaskRole.LEAD, TaskRole.GUIDE):
            names = [
                a.organization.name if a.organization_id else a.unit_text
                for a in mine
                if a.role == role
            ]
            if names:
                units[role.label] = "、".join(dict.fromkeys(names))
        responsible = [_cell(a, today) for a in mine if a.role == TaskRole.MAIN]
        rows.append(
            TaskView(
                task=task,
                new_group=task.group_title != group,
                deadline_label=deadline_label(task),
                overdue=any(cell.label == "逾期" for cell in responsible),
                units=units,
                responsible=responsible,
                done=sum(cell.assignment.status == TaskStatus.DONE for cell in responsible),
                late=sum(cell.label == "逾期" for cell in responsible),
            )
        )
        group = task.group_title
    return rows


def own_assignments(user, *, today: date) -> list[AssignmentCell]:
    """Tasks that fall to the bodies the user works for (not those it supervises)."""
    own = [m.organization_id for m in user.memberships.exclude(role="supervisor")]
    assignments = (
        TaskAssignment.objects.responsible()
        .filter(organization__in=own)
        .select_related("task", "organization")
        .order_by("task__deadline", "id")
    )
    cells = [_cell(a, today) for a in assignments]
    return sorted(cells, key=lambda c: c.assignment.status == TaskStatus.DONE)


def overdue_assignments(organizations, *, today: date):
    return (
        TaskAssignment.objects.overdue(on=today)
        .filter(organization__in=organizations)
        .select_related("task__plan", "organization")
        .order_by("task__deadline", "organization__path", "id")
    )

"""任务分工: the task-breakdown tables, the bodies each task falls to, and their progress."""

import uuid
from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q

from gongkai.rules.task_table import ROLE_LABELS, Role


class TaskRole(models.TextChoices):
    LEAD = Role.LEAD.value, ROLE_LABELS[Role.LEAD]
    MAIN = Role.MAIN.value, ROLE_LABELS[Role.MAIN]
    GUIDE = Role.GUIDE.value, ROLE_LABELS[Role.GUIDE]
    COOPERATE = Role.COOPERATE.value, ROLE_LABELS[Role.COOPERATE]


class TaskStatus(models.TextChoices):
    NOT_STARTED = "not_started", "未开始"
    IN_PROGRESS = "in_progress", "进行中"
    DONE = "done", "已完成"


OVERDUE_LABEL = "逾期"


class TaskPlan(models.Model):
    """One imported 任务分工 table (e.g. 附件1 of an implementation plan), owned by a 公开办."""

    organization = models.ForeignKey(
        "orgs.Organization", on_delete=models.PROTECT, related_name="task_plans"
    )
    title = models.CharField("名称", max_length=200)
    source_name = models.CharField("来源文件", max_length=200, blank=True)
    imported_at = models.DateTimeField("导入时间")
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-imported_at", "-id"]
        verbose_name = "任务分工方案"

    def __str__(self) -> str:
        return self.title


class WorkTaskQuerySet(models.QuerySet):
    def overdue(self, *, on: date):
        return self.filter(deadline__lt=on)


class WorkTask(models.Model):
    """One 具体事项 of a plan: its group (工作任务), its deadline as written and as read."""

    plan = models.ForeignKey(TaskPlan, on_delete=models.PROTECT, related_name="tasks")
    position = models.PositiveIntegerField(default=0)
    group_seq = models.PositiveIntegerField("序号", null=True, blank=True)
    group_title = models.CharField("工作任务", max_length=200, blank=True)
    number = models.PositiveIntegerField("事项编号", null=True, blank=True)
    title = models.TextField("具体事项")
    deadline_text = models.CharField("完成时间（原文）", max_length=200, blank=True)
    deadline = models.DateField("完成时间", null=True, blank=True, db_index=True)
    unit_texts = models.JSONField("责任单位（原文）", default=dict, blank=True)
    source_row = models.PositiveIntegerField("来源行号", null=True, blank=True)

    objects = WorkTaskQuerySet.as_manager()

    class Meta:
        ordering = ["plan", "position", "id"]
        verbose_name = "工作任务"

    def __str__(self) -> str:
        prefix = f"({self.number})" if self.number else ""
        return f"{prefix}{self.title}"[:120]

    @property
    def ongoing(self) -> bool:
        return self.deadline is None


class TaskAssignmentQuerySet(models.QuerySet):
    def responsible(self):
        """The assignments whose bodies do the work and report progress (主体责任单位)."""
        return self.filter(role=TaskRole.MAIN, organization__isnull=False)

    def open(self):
        return self.exclude(status=TaskStatus.DONE)

    def overdue(self, *, on: date):
        return self.responsible().open().filter(task__deadline__lt=on)

    def due_between(self, first: date, last: date):
        return self.responsible().open().filter(task__deadline__gte=first, task__deadline__lte=last)


class TaskAssignment(models.Model):
    """A task as it falls to one body in one role; a unit left unmatched keeps only its text."""

    task = models.ForeignKey(WorkTask, on_delete=models.CASCADE, related_name="assignments")
    role = models.CharField("责任类型", max_length=12, choices=TaskRole.choices)
    organization = models.ForeignKey(
        "orgs.Organization",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="task_assignments",
    )
    unit_text = models.CharField("表中写法", max_length=200)
    status = models.CharField(
        "状态", max_length=12, choices=TaskStatus.choices, default=TaskStatus.NOT_STARTED
    )
    completed_on = models.DateField("完成日期", null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = TaskAssignmentQuerySet.as_manager()

    class Meta:
        ordering = ["task", "role", "organization__path", "id"]
        verbose_name = "任务责任单位"
        constraints = [
            models.UniqueConstraint(
                fields=["task", "role", "organization"],
                condition=Q(organization__isnull=False),
                name="assign_body_once_per_role",
            )
        ]
        indexes = [models.Index(fields=["organization", "role", "status"])]

    def __str__(self) -> str:
        who = self.organization.name if self.organization_id else self.unit_text
        return f"{self.task} · {who}"

    def is_overdue(self, today: date) -> bool:
        deadline = self.task.deadline
        return self.status != TaskStatus.DONE and deadline is not None and today > deadline

    def status_label(self, today: date) -> str:
        return OVERDUE_LABEL if self.is_overdue(today) else self.get_status_display()


def _evidence_path(instance: "ProgressUpdate", filename: str) -> str:
    # Stored names are random: an uploaded file name may carry a person's name.
    suffix = filename.rsplit(".", 1)[-1].lower()[:8] if "." in filename else "bin"
    return f"supervision/evidence/{uuid.uuid4().hex}.{suffix}"


class ProgressUpdate(models.Model):
    """A progress report on an assignment, with its evidence: a document, a link or a file."""

    assignment = models.ForeignKey(TaskAssignment, on_delete=models.CASCADE, related_name="updates")
    at = models.DateTimeField("报送时间")
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    by_label = models.CharField("报送人", max_length=150)
    status = models.CharField("状态", max_length=12, choices=TaskStatus.choices)
    note = models.TextField("进展情况")
    document = models.ForeignKey(
        "documents.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="佐证信息",
    )
    link = models.URLField("佐证链接", max_length=500, blank=True)
    file = models.FileField("佐证材料", upload_to=_evidence_path, max_length=200, blank=True)
    file_name = models.CharField("文件名", max_length=200, blank=True)
    file_size = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["assignment", "-at", "-id"]
        verbose_name = "任务进展"

    def __str__(self) -> str:
        return f"{self.assignment} {self.get_status_display()} {self.at:%Y-%m-%d}"

"""Changes of state of 任务分工: import a confirmed table, report progress with evidence."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from gongkai.audit.services import record_event, user_or_none
from gongkai.documents.models import Document
from gongkai.orgs.access import Action, can, require
from gongkai.orgs.models import Organization
from gongkai.supervision.models import (
    ProgressUpdate,
    TaskAssignment,
    TaskPlan,
    TaskStatus,
    WorkTask,
)
from gongkai.supervision.task_import import NOT_LINKED, UNRESOLVED


def _label(by) -> str:
    return by.get_username() if getattr(by, "is_authenticated", False) else "系统"


def _chosen(rows: list[dict], choices: dict[str, str], allowed: set[int]) -> dict[str, int | None]:
    """The user's choice for every unresolved unit text; refuses a missing or foreign one."""
    chosen: dict[str, int | None] = {}
    missing: list[str] = []
    for row in rows:
        for unit in row["units"]:
            if unit["status"] not in UNRESOLVED or unit["text"] in chosen:
                continue
            value = (choices.get(unit["text"]) or "").strip()
            if not value:
                missing.append(unit["text"])
                chosen[unit["text"]] = None
            elif value == NOT_LINKED:
                chosen[unit["text"]] = None
            elif value.isdigit() and int(value) in allowed:
                chosen[unit["text"]] = int(value)
            else:
                raise ValidationError(f"“{unit['text']}”选择的单位不在您的监督范围内。")
    if missing:
        names = "、".join(f"“{text}”" for text in dict.fromkeys(missing))
        raise ValidationError(f"请为未能识别的责任单位 {names} 选择对应单位，或选择“仅保留名称”。")
    return chosen


@transaction.atomic
def import_task_plan(
    *,
    organization: Organization,
    title: str,
    source_name: str,
    rows: list[dict],
    choices: dict[str, str],
    allowed: set[int],
    by,
) -> TaskPlan:
    """Save a previewed table, all rows or none: refused while a row has a problem or a unit
    the user has not decided on. ``allowed`` are the bodies a choice may name."""
    require(by, Action.SUPERVISE, organization)
    title = (title or "").strip()
    if not title:
        raise ValidationError("请填写任务分工方案的名称。")
    if not rows:
        raise ValidationError("表格中没有可导入的任务。")
    broken = [row for row in rows if row["problems"]]
    if broken:
        numbers = "、".join(str(row["row_number"]) for row in broken[:10])
        raise ValidationError(f"第 {numbers} 行有无法识别的内容，请修改表格后重新上传。")
    chosen = _chosen(rows, choices, allowed)
    plan = TaskPlan.objects.create(
        organization=organization,
        title=title[:200],
        source_name=source_name[:200],
        imported_at=timezone.now(),
        imported_by=user_or_none(by),
    )
    assignments: list[TaskAssignment] = []
    for position, row in enumerate(rows, start=1):
        task = WorkTask.objects.create(
            plan=plan,
            position=position,
            group_seq=row["group_seq"],
            group_title=row["group_title"][:200],
            number=row["number"],
            title=row["title"],
            deadline_text=row["deadline_text"][:200],
            deadline=date.fromisoformat(row["deadline"]) if row["deadline"] else None,
            unit_texts=row["unit_texts"],
            source_row=row["row_number"],
        )
        seen: set[tuple[str, int | None, str]] = set()
        for unit in row["units"]:
            ids = unit["organization_ids"]
            if unit["status"] in UNRESOLVED:
                ids = [chosen[unit["text"]]] if chosen[unit["text"]] else []
            targets = [(org_id, unit["text"]) for org_id in ids] or [(None, unit["text"])]
            for org_id, text in targets:
                key = (unit["role"], org_id, text if org_id is None else "")
                if key in seen:
                    continue
                seen.add(key)
                assignments.append(
                    TaskAssignment(
                        task=task, role=unit["role"], organization_id=org_id, unit_text=text[:200]
                    )
                )
    TaskAssignment.objects.bulk_create(assignments)
    record_event(
        actor=by,
        action="supervision.tasks_imported",
        target=plan,
        organization=organization,
        after={"tasks": len(rows), "assignments": len(assignments), "source": source_name},
    )
    return plan


def can_report(user, assignment: TaskAssignment) -> bool:
    """The body's own staff, and the 公开办 above it, may report its progress."""
    return assignment.organization_id is not None and can(
        user, Action.VIEW_WORKSPACE, assignment.organization
    )


@transaction.atomic
def report_progress(
    *,
    assignment: TaskAssignment,
    status: str,
    note: str,
    by,
    document: Document | None = None,
    link: str = "",
    upload=None,
    today: date | None = None,
) -> ProgressUpdate:
    """Record progress on a task for one body; 已完成 needs evidence (a document, a link or a file)."""
    if assignment.organization_id is None:
        raise ValidationError("该责任单位未关联到平台上的单位，无法报送进展。")
    require(by, Action.VIEW_WORKSPACE, assignment.organization)
    if status not in TaskStatus.values:
        raise ValidationError("请选择任务状态。")
    note = (note or "").strip()
    if not note:
        raise ValidationError("请填写进展情况。")
    if document is not None and not can(by, Action.VIEW_WORKSPACE, document.organization):
        raise ValidationError("只能引用您有权查看的单位发布的信息。")
    limit = settings.UPLOAD_MAX_BYTES
    if upload is not None and upload.size > limit:
        raise ValidationError(f"佐证材料不能超过 {limit // (1024 * 1024)} MB。")
    if status == TaskStatus.DONE and not (document or link or upload):
        raise ValidationError("标记为已完成时，请提供佐证：引用已发布的信息、填写链接或上传材料。")
    today = today or timezone.localdate()
    before = {"status": assignment.status}
    update = ProgressUpdate(
        assignment=assignment,
        at=timezone.now(),
        by=user_or_none(by),
        by_label=_label(by),
        status=status,
        note=note,
        document=document,
        link=link or "",
    )
    if upload is not None:
        update.file_name = upload.name[:200]
        update.file_size = upload.size
        update.file.save(upload.name, upload, save=False)
    update.save()
    assignment.status = status
    assignment.completed_on = today if status == TaskStatus.DONE else None
    assignment.save(update_fields=["status", "completed_on", "updated_at"])
    record_event(
        actor=by,
        action="supervision.task_progress",
        target=assignment,
        organization=assignment.organization,
        before=before,
        after={"status": status, "evidence": bool(document or link or upload)},
    )
    return update

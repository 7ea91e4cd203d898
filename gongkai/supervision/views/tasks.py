"""任务分工: import a table (preview, fix units, confirm), follow tasks, report progress, export."""

from datetime import date
from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone

from gongkai.catalog import importing
from gongkai.orgs.access import Action, can, organizations_for, require
from gongkai.orgs.models import Organization
from gongkai.supervision import exports
from gongkai.supervision.forms import ProgressForm, TaskUploadForm
from gongkai.supervision.models import ProgressUpdate, TaskAssignment, TaskPlan, TaskRole
from gongkai.supervision.selectors import tasks as selectors
from gongkai.supervision.selectors.scope import supervised_roots
from gongkai.supervision.services import tasks as services
from gongkai.supervision.task_import import (
    NOT_LINKED,
    UnitResolver,
    deadline_counts,
    read_preview,
    unresolved_units,
)
from gongkai.supervision.views._page import page

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _xlsx(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    return response


def _resolver(organization: Organization) -> UnitResolver:
    scope = list(Organization.objects.subtree(organization).select_related("region"))
    codes = [code for code in organization.path.split("/") if code][:-1]
    above = list(Organization.objects.filter(code__in=codes).select_related("region"))
    return UnitResolver(scope, above)


@login_required
def task_plans(request):
    today = timezone.localdate()
    supervised = organizations_for(request.user, Action.SUPERVISE)
    context = {
        "plans": selectors.plans_for(request.user),
        "overdue": selectors.overdue_assignments(supervised, today=today).count(),
        "own": selectors.own_assignments(request.user, today=today),
        "can_import": bool(supervised_roots(request.user)),
    }
    return page(request, "supervision/tasks/plans.html", context, section="tasks")


def _preview_context(
    preview, token: str, resolver: UnitResolver, organization, title: str, chosen=None
):
    unresolved = unresolved_units(preview.rows)
    for entry in unresolved:
        entry["chosen"] = (chosen or {}).get(entry["text"], "")
    return {
        "preview": preview,
        "token": token,
        "unresolved": unresolved,
        "choices": resolver.choices(),
        "not_linked": NOT_LINKED,
        "deadlines": deadline_counts(preview.rows),
        "organization": organization,
        "title": title,
    }


@login_required
def task_import(request):
    """Upload → every row with what could and could not be read → fix units → confirm."""
    roots = supervised_roots(request.user)
    if not roots:
        raise PermissionDenied("只有政务公开办公室可以导入任务分工。")
    form = TaskUploadForm(organizations=roots)
    context = {"form": form}
    if request.method == "POST" and "token" in request.POST:
        organization = get_object_or_404(Organization, code=request.POST.get("organization", ""))
        require(request.user, Action.SUPERVISE, organization)
        target = f"tasks:{organization.code}"
        token = request.POST["token"]
        resolver = _resolver(organization)
        title = request.POST.get("title", "")
        preview, choices = None, {}
        try:
            preview = importing.load_staged(token, user_id=request.user.pk, target=target)
            choices = {
                entry["text"]: request.POST.get(f"unit-{index}", "")
                for index, entry in enumerate(unresolved_units(preview.rows))
            }
            plan = services.import_task_plan(
                organization=organization,
                title=title,
                source_name=preview.filename,
                rows=preview.rows,
                choices=choices,
                allowed={org_id for org_id, _ in resolver.choices()},
                by=request.user,
            )
        except ValidationError as exc:
            context["errors"] = exc.messages
            if preview is not None:
                context.update(
                    _preview_context(preview, token, resolver, organization, title, choices)
                )
            return page(request, "supervision/tasks/import.html", context, section="tasks")
        importing.discard_staged(token)
        messages.success(request, f"已导入“{plan.title}”：{plan.tasks.count()} 项任务。")
        return redirect("supervision:task_plan", plan.id)
    if request.method == "POST":
        form = TaskUploadForm(request.POST, request.FILES, organizations=roots)
        context["form"] = form
        if form.is_valid():
            organization = next(o for o in roots if o.code == form.cleaned_data["organization"])
            upload = form.cleaned_data["file"]
            resolver = _resolver(organization)
            try:
                preview = read_preview(
                    data=importing.read_upload(upload), filename=upload.name, resolver=resolver
                )
            except ValidationError as exc:
                context["errors"] = exc.messages
            else:
                token = importing.stage_preview(
                    preview, user_id=request.user.pk, target=f"tasks:{organization.code}"
                )
                title = form.cleaned_data["title"] or upload.name.rsplit(".", 1)[0]
                context.update(_preview_context(preview, token, resolver, organization, title))
    return page(request, "supervision/tasks/import.html", context, section="tasks")


def _plan(request, plan_id: int) -> TaskPlan:
    plan = get_object_or_404(TaskPlan.objects.select_related("organization"), pk=plan_id)
    require(request.user, Action.SUPERVISE, plan.organization)
    return plan


@login_required
def task_plan(request, plan_id: int):
    plan = _plan(request, plan_id)
    context = {"plan": plan, "rows": selectors.plan_rows(plan, today=timezone.localdate())}
    return page(request, "supervision/tasks/plan.html", context, section="tasks")


def _assignment_rows(assignments, today: date) -> list[list]:
    rows = []
    for a in assignments:
        latest = a.updates.first()
        rows.append(
            [
                a.task.group_seq or "",
                a.task.group_title,
                str(a.task),
                a.organization.name if a.organization_id else a.unit_text,
                selectors.deadline_label(a.task),
                a.status_label(today),
                exports.day(a.completed_on),
                latest.note if latest else "",
            ]
        )
    return rows


ASSIGNMENT_COLUMNS = [
    "序号",
    "工作任务",
    "具体事项",
    "主体责任单位",
    "完成时间",
    "状态",
    "完成日期",
    "最新进展",
]


@login_required
def task_plan_export(request, plan_id: int):
    plan = _plan(request, plan_id)
    today = timezone.localdate()
    assignments = (
        TaskAssignment.objects.filter(task__plan=plan, role=TaskRole.MAIN)
        .select_related("task", "organization")
        .prefetch_related("updates")
        .order_by("task__position", "organization__path", "id")
    )
    data = exports.workbook(plan.title, ASSIGNMENT_COLUMNS, _assignment_rows(assignments, today))
    return _xlsx(data, f"{plan.title}.xlsx")


@login_required
def overdue(request):
    today = timezone.localdate()
    supervised = organizations_for(request.user, Action.SUPERVISE)
    if not supervised.exists():
        raise PermissionDenied("您没有监督考核权限。")
    assignments = selectors.overdue_assignments(supervised, today=today).prefetch_related("updates")
    if request.GET.get("format") == "xlsx":
        rows = _assignment_rows(assignments, today)
        return _xlsx(exports.workbook("逾期任务", ASSIGNMENT_COLUMNS, rows), "逾期任务.xlsx")
    context = {"assignments": assignments, "today": today}
    return page(request, "supervision/tasks/overdue.html", context, section="tasks")


@login_required
def assignment(request, assignment_id: int):
    item = get_object_or_404(
        TaskAssignment.objects.select_related("task__plan__organization", "organization"),
        pk=assignment_id,
    )
    may_report = services.can_report(request.user, item)
    may_see = may_report or can(request.user, Action.SUPERVISE, item.task.plan.organization)
    if not may_see:
        raise PermissionDenied("您无权查看该任务。")
    form = ProgressForm(organization=item.organization)
    if request.method == "POST":
        if not may_report:
            raise PermissionDenied("您无权报送该任务的进展。")
        form = ProgressForm(request.POST, request.FILES, organization=item.organization)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.report_progress(
                    assignment=item,
                    status=data["status"],
                    note=data["note"],
                    document=data["document"],
                    link=data["link"],
                    upload=data["file"],
                    by=request.user,
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, "进展已报送。")
                return redirect("supervision:assignment", item.id)
    today = timezone.localdate()
    context = {
        "item": item,
        "status_label": item.status_label(today),
        "deadline": selectors.deadline_label(item.task),
        "updates": item.updates.select_related("document"),
        "form": form if may_report else None,
        "others": item.task.assignments.exclude(pk=item.pk).select_related("organization"),
    }
    return page(request, "supervision/tasks/assignment.html", context, section="tasks")


@login_required
def evidence(request, update_id: int):
    """An uploaded 佐证材料, for those who may see the task; never served from a public path."""
    update = get_object_or_404(
        ProgressUpdate.objects.select_related(
            "assignment__organization", "assignment__task__plan__organization"
        ),
        pk=update_id,
    )
    item = update.assignment
    if not (
        services.can_report(request.user, item)
        or can(request.user, Action.SUPERVISE, item.task.plan.organization)
    ):
        raise PermissionDenied("您无权查看该材料。")
    if not update.file:
        raise Http404("没有上传材料。")
    return FileResponse(update.file.open("rb"), as_attachment=True, filename=update.file_name)

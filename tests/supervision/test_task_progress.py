"""Progress on a task: who may report it, evidence, 逾期 derived from the deadline and today."""

import io
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from gongkai.audit.models import Event
from gongkai.rules.task_table import Role
from gongkai.supervision.models import TaskAssignment, TaskPlan, TaskStatus, WorkTask
from gongkai.supervision.services.tasks import report_progress


@pytest.fixture
def plan(world):
    plan = TaskPlan.objects.create(
        organization=world.county, title="东川县任务分工", imported_at="2024-01-01T00:00:00+08:00"
    )
    task = WorkTask.objects.create(
        plan=plan,
        position=1,
        group_title="编制目录",
        number=1,
        title="编制标准目录",
        deadline=date(2024, 6, 30),
        deadline_text="2024年6月底前",
    )
    for org in (world.township, world.neighbour):
        TaskAssignment.objects.create(
            task=task, role=Role.MAIN, organization=org, unit_text="各乡镇"
        )
    TaskAssignment.objects.create(task=task, role=Role.GUIDE, unit_text="省政府办公厅")
    return plan


def mine(plan, org):
    return TaskAssignment.objects.get(task__plan=plan, organization=org, role=Role.MAIN)


def test_overdue_from_the_day_after_the_deadline(plan, world):
    assignment = mine(plan, world.township)
    assert assignment.status_label(date(2024, 6, 30)) == "未开始"
    assert assignment.status_label(date(2024, 7, 1)) == "逾期"
    assert list(TaskAssignment.objects.overdue(on=date(2024, 6, 30))) == []
    assert TaskAssignment.objects.overdue(on=date(2024, 7, 1)).count() == 2


def test_the_bodys_editor_reports_progress(plan, world):
    assignment = mine(plan, world.township)
    report_progress(
        assignment=assignment, status=TaskStatus.IN_PROGRESS, note="已梳理一半", by=world.editor
    )
    assignment.refresh_from_db()
    assert assignment.status == TaskStatus.IN_PROGRESS
    assert assignment.status_label(date(2024, 7, 1)) == "逾期"
    event = Event.objects.get(action="supervision.task_progress")
    assert event.after == {"status": "in_progress", "evidence": False}


def test_the_neighbouring_townships_editor_is_refused(plan, world):
    with pytest.raises(PermissionDenied):
        report_progress(
            assignment=mine(plan, world.township),
            status=TaskStatus.DONE,
            note="x",
            link="https://example.org",
            by=world.neighbour_editor,
        )


def test_done_needs_evidence_and_is_never_overdue(plan, world):
    assignment = mine(plan, world.township)
    with pytest.raises(ValidationError) as error:
        report_progress(
            assignment=assignment, status=TaskStatus.DONE, note="已完成", by=world.editor
        )
    assert error.value.messages == [
        "标记为已完成时，请提供佐证：引用已发布的信息、填写链接或上传材料。"
    ]
    report_progress(
        assignment=assignment,
        status=TaskStatus.DONE,
        note="已完成",
        upload=SimpleUploadedFile("证明.pdf", b"%PDF-1.4 test"),
        by=world.editor,
        today=date(2024, 7, 3),
    )
    assignment.refresh_from_db()
    assert (assignment.completed_on, assignment.status_label(date(2024, 8, 1))) == (
        date(2024, 7, 3),
        "已完成",
    )
    update = assignment.updates.get()
    assert update.file_name == "证明.pdf"
    assert update.file.name.startswith("supervision/evidence/")
    assert "证明" not in update.file.name


def test_evidence_over_20_mb_is_refused(plan, world, settings):
    settings.UPLOAD_MAX_BYTES = 10
    with pytest.raises(ValidationError) as error:
        report_progress(
            assignment=mine(plan, world.township),
            status=TaskStatus.IN_PROGRESS,
            note="x",
            upload=SimpleUploadedFile("big.pdf", b"0" * 11),
            by=world.editor,
        )
    assert error.value.messages == ["佐证材料不能超过 0 MB。"]


def test_a_document_of_another_body_cannot_be_evidence(plan, world, publish):
    foreign = publish(
        world.far_township, "石桥镇通知", formed=date(2024, 5, 1), published=date(2024, 5, 2)
    )
    with pytest.raises(ValidationError):
        report_progress(
            assignment=mine(plan, world.township),
            status=TaskStatus.DONE,
            note="x",
            document=foreign,
            by=world.editor,
        )


def test_assignment_page_personas(client, plan, world):
    assignment = mine(plan, world.township)
    url = f"/workspace/supervision/tasks/assignment/{assignment.id}/"
    client.force_login(world.neighbour_editor)
    assert client.get(url).status_code == 403
    client.force_login(world.supervisor)
    assert client.get(url).status_code == 200
    client.force_login(world.city_supervisor)
    assert client.get(url).status_code == 200
    client.force_login(world.editor)
    response = client.post(url, {"status": "in_progress", "note": "正在编制"})
    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert "正在编制" in page
    refused = client.post(url, {"status": "done", "note": "完成"})
    assert refused.status_code == 200
    assert "请提供佐证" in refused.content.decode()


def test_plan_page_and_export(client, plan, world):
    client.force_login(world.editor)
    assert client.get(f"/workspace/supervision/tasks/plan/{plan.id}/").status_code == 403
    client.force_login(world.supervisor)
    page = client.get(f"/workspace/supervision/tasks/plan/{plan.id}/").content.decode()
    for text in ("编制标准目录", "逾期", "省政府办公厅"):
        assert text in page
    response = client.get(f"/workspace/supervision/tasks/plan/{plan.id}/export.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(min_row=3, values_only=True))
    assert [row[3] for row in rows] == ["东川县城关镇人民政府", "东川县河口镇人民政府"]
    assert {row[5] for row in rows} == {"逾期"}


def test_overdue_list_and_its_export(client, plan, world):
    client.force_login(world.editor)
    assert client.get("/workspace/supervision/tasks/overdue/").status_code == 403
    client.force_login(world.supervisor)
    response = client.get("/workspace/supervision/tasks/overdue/")
    assert len(response.context["assignments"]) == 2
    data = client.get("/workspace/supervision/tasks/overdue/?format=xlsx").content
    assert load_workbook(io.BytesIO(data)).active.max_row == 4


def test_editor_sees_the_tasks_of_their_body(client, plan, world):
    client.force_login(world.editor)
    response = client.get("/workspace/supervision/tasks/")
    assert [cell.name for cell in response.context["own"]] == ["东川县城关镇人民政府"]
    assert list(response.context["plans"]) == []


def test_evidence_is_served_only_to_those_who_see_the_task(client, plan, world):
    assignment = mine(plan, world.township)
    update = report_progress(
        assignment=assignment,
        status=TaskStatus.DONE,
        note="已完成",
        upload=SimpleUploadedFile("证明.pdf", b"%PDF-1.4 evidence"),
        by=world.editor,
    )
    url = f"/workspace/supervision/tasks/evidence/{update.id}/"
    client.force_login(world.neighbour_editor)
    assert client.get(url).status_code == 403
    client.force_login(world.supervisor)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 evidence"
    assert "attachment" in response["Content-Disposition"]

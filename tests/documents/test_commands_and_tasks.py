"""The management commands and the background tasks of the documents area."""

import json
from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils import timezone

from gongkai.documents import services
from gongkai.documents.choices import Status
from tests.documents.conftest import ID_A
from tests.documents.samples import docx_bytes

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_scan_personal_info_prints_masked_findings_only(tmp_path):
    path = tmp_path / "名单.docx"
    path.write_bytes(docx_bytes())
    output = run("scan_personal_info", str(path))
    lines = output.splitlines()
    assert f"{path}\t居民身份证号码\t" in output
    assert "530123********1239" in output
    assert ID_A not in output
    assert "张三丰" not in output
    assert lines[-1] == "共发现 6 处个人信息，涉及 1 个文件。"


def test_scan_personal_info_as_json(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(f"申请人：张三\n身份证号：{ID_A}\n", encoding="utf-8")
    rows = json.loads(run("scan_personal_info", str(path), "--format", "json"))
    assert rows == [
        {
            "file": str(path),
            "kind": "name",
            "label": "姓名",
            "start": 4,
            "end": 6,
            "masked": "张*",
            "confidence": 0.9,
        },
        {
            "file": str(path),
            "kind": "id_card",
            "label": "居民身份证号码",
            "start": 12,
            "end": 30,
            "masked": "530123********1239",
            "confidence": 0.99,
        },
    ]


def test_scan_personal_info_refuses_missing_paths(tmp_path):
    with pytest.raises(CommandError, match="找不到"):
        run("scan_personal_info", str(tmp_path / "nope.docx"))


def test_publish_due_documents_command_publishes_what_is_due(world, approved):
    at = timezone.now() + timedelta(hours=1)
    services.publish_document(document=approved, by=world.reviewer, at=at)
    assert run("publish_due_documents").splitlines()[-1] == "共发布 0 条。"
    with time_machine.travel(at + timedelta(seconds=1), tick=False):
        output = run("publish_due_documents")
    approved.refresh_from_db()
    assert approved.status == Status.PUBLISHED
    assert output.splitlines() == [
        f"已发布：{approved.index_number} {approved.title}",
        "共发布 1 条。",
    ]


def test_the_publication_task_publishes_due_documents(world, approved):
    from gongkai.documents.tasks import publish_due_documents_task

    at = timezone.now() + timedelta(minutes=5)
    services.publish_document(document=approved, by=world.reviewer, at=at)
    with time_machine.travel(at + timedelta(seconds=1), tick=False):
        assert publish_due_documents_task.call() == 1
    approved.refresh_from_db()
    assert approved.status == Status.PUBLISHED


def test_scheduling_enqueues_a_deferred_task_on_the_database_backend(
    world, approved, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    at = timezone.now() + timedelta(hours=3)
    with django_capture_on_commit_callbacks(execute=True):
        services.publish_document(document=approved, by=world.reviewer, at=at)
    queued = DBTaskResult.objects.get(
        task_path="gongkai.documents.tasks.publish_due_documents_task"
    )
    assert queued.run_after == at


@override_settings(TASKS=IMMEDIATE)
def test_scheduling_with_a_backend_that_cannot_defer_leaves_it_to_the_command(
    world, approved, django_capture_on_commit_callbacks
):
    at = timezone.now() + timedelta(hours=3)
    with django_capture_on_commit_callbacks(execute=True):
        services.publish_document(document=approved, by=world.reviewer, at=at)
    approved.refresh_from_db()
    assert approved.status == Status.SCHEDULED

"""Reminders before a task's deadline, the daily digest (inbox and e-mail), the inbox page."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.management import call_command

from gongkai.rules.task_table import Role
from gongkai.supervision.models import Notification, TaskAssignment, TaskPlan, WorkTask
from gongkai.supervision.services.notifications import (
    notify,
    send_daily_digest,
    send_task_reminders,
)

TODAY = date(2024, 11, 20)


@pytest.fixture
def tasks(world):
    plan = TaskPlan.objects.create(
        organization=world.county, title="任务分工", imported_at="2024-01-01T00:00:00+08:00"
    )
    made = {}
    for position, days in enumerate((7, 1, -1, 30), start=1):
        task = WorkTask.objects.create(
            plan=plan, position=position, title=f"任务{days}", deadline=TODAY + timedelta(days=days)
        )
        made[days] = TaskAssignment.objects.create(
            task=task, role=Role.MAIN, organization=world.township, unit_text="城关镇"
        )
    return made


def titles(user):
    return sorted(Notification.objects.filter(user=user).values_list("title", flat=True))


def test_reminders_seven_days_one_day_before_and_the_day_after(world, tasks):
    sent = send_task_reminders(today=TODAY)
    assert sent == 6  # three occasions × the township's administrator and editor
    assert titles(world.editor) == [
        "工作任务已逾期：任务-1",
        "工作任务还有1天到期：任务1",
        "工作任务还有7天到期：任务7",
    ]
    assert titles(world.reviewer) == []
    assert titles(world.neighbour_editor) == []
    assert send_task_reminders(today=TODAY) == 0


def test_no_reminder_for_a_completed_task(world, tasks):
    tasks[7].status = "done"
    tasks[7].save()
    send_task_reminders(today=TODAY)
    assert "工作任务还有7天到期：任务7" not in titles(world.editor)


def test_digest_of_the_editor_and_of_the_supervisor(
    world, tasks, django_capture_on_commit_callbacks
):
    world.editor.email = "editor@example.org"
    world.editor.save()
    with django_capture_on_commit_callbacks(execute=True):
        digest = send_daily_digest(user=world.editor, today=TODAY)
    assert digest.title == "2024年11月20日待办提醒：3项"
    assert digest.body.splitlines() == [
        "工作任务已逾期：任务-1（东川县城关镇人民政府）",
        "工作任务11月21日到期：任务1（东川县城关镇人民政府）",
        "工作任务11月27日到期：任务7（东川县城关镇人民政府）",
    ]
    [message] = mail.outbox
    assert message.to == ["editor@example.org"]
    assert message.subject == "2024年11月20日待办提醒"
    assert "/workspace/supervision/tasks/assignment/" in message.body
    assert send_daily_digest(user=world.editor, today=TODAY) is None  # once a day
    supervisor = send_daily_digest(user=world.supervisor, today=TODAY)
    assert supervisor.body == "监督范围内逾期未完成的工作任务 1 项"
    assert send_daily_digest(user=world.neighbour_editor, today=TODAY) is None


def test_command_sends_reminders_and_digests(world, tasks, capsys):
    call_command("send_daily_digest", "--date", TODAY.isoformat())
    out = capsys.readouterr().out
    assert out.startswith("2024-11-20：到期提醒 6 条，每日摘要 ")
    assert Notification.objects.filter(user=world.editor, key__startswith="digest:").count() == 1


def test_command_refuses_a_bad_date(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="格式不正确"):
        call_command("send_daily_digest", "--date", "11/20")


def test_inbox_lists_marks_read_and_follows_the_link(client, world):
    [mine] = notify(users=[world.editor], title="请报送进展", link="/workspace/supervision/tasks/")
    [theirs] = notify(users=[world.neighbour_editor], title="别人的消息")
    client.force_login(world.editor)
    page = client.get("/workspace/supervision/inbox/")
    assert [n.title for n in page.context["notifications"]] == ["请报送进展"]
    assert page.context["unread"] == 1
    assert client.post(f"/workspace/supervision/inbox/{theirs.id}/read/").status_code == 404
    response = client.post(f"/workspace/supervision/inbox/{mine.id}/read/")
    assert response["Location"] == "/workspace/supervision/tasks/"
    mine.refresh_from_db()
    assert mine.read_at is not None
    assert (
        client.get("/workspace/supervision/inbox/?unread=1").context["notifications"].count() == 0
    )


def test_a_link_off_the_site_is_not_followed(client, world):
    [message] = notify(users=[world.editor], title="外链", link="https://evil.example/")
    client.force_login(world.editor)
    response = client.post(f"/workspace/supervision/inbox/{message.id}/read/")
    assert response["Location"] == "/workspace/supervision/inbox/"


def test_read_all(client, world):
    notify(users=[world.editor], title="一")
    notify(users=[world.editor], title="二")
    client.force_login(world.editor)
    client.post("/workspace/supervision/inbox/read-all/")
    assert not Notification.objects.filter(user=world.editor, read_at__isnull=True).exists()


def test_background_tasks_run_the_same_services(world, tasks):
    from gongkai.supervision import jobs
    from gongkai.supervision.models import Snapshot

    assert jobs.send_daily_digest.call(day=TODAY.isoformat())["reminders"] == 6
    snapshot_id = jobs.refresh_supervision_snapshot.call()
    assert Snapshot.objects.get(pk=snapshot_id).status == Snapshot.DONE


def test_refresh_command(world, capsys):
    call_command("refresh_supervision")
    assert "统计快照已更新：" in capsys.readouterr().out

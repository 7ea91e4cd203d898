"""The two commands: the what-if deadline and the daily reminders."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from gongkai.info_requests.models import Notice
from tests.info_requests.conftest import DEMO_DAY


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.mark.django_db
def test_request_deadline_prints_each_step_with_its_article():
    out = run(
        "request_deadline", "--received", "2025-05-12", "--channel", "in_person",
        "--correction-requested", "2025-05-15", "--correction-received", "2025-05-20",
        "--third-party-start", "2025-05-26", "--third-party-end", "2025-06-03", "--extended",
    )  # fmt: skip
    lines = out.splitlines()
    # 6/25 (see test_stored_deadline) + 20: 7/23
    assert lines[0] == "答复期限：2025-07-23"
    assert lines[1] == "1. 提交方式：当面提交，以提交之日为收到申请之日〔第三十一条〕"
    assert [line.rsplit("〔", 1)[1] for line in lines[1:]] == [
        "第三十一条〕", "第三十一条〕", "第三十条〕", "第三十条〕", "第三十三条第一款〕",
        "第三十二条、第三十三条第三款〕", "第三十三条第二款〕",
    ]  # fmt: skip


@pytest.mark.django_db
def test_request_deadline_as_json_flags_unknown_years():
    data = json.loads(run("request_deadline", "--received", "2026-12-14", "--channel", "email",
                          "--format", "json"))  # fmt: skip
    assert data["due"] == "2027-01-11"
    assert data["uncertain"] is True
    assert data["unknown_years"] == [2027]
    assert data["steps"][0]["label"].startswith("提交方式：电子邮件")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--received", "12/05/2025", "--channel", "post"], "日期格式应为 YYYY-MM-DD：12/05/2025"),
        (["--received", "2025-05-12", "--channel", "post", "--correction-requested", "2025-05-13"],
         "已告知补正但尚未收到补正后的申请"),
    ],
)  # fmt: skip
def test_request_deadline_refuses_bad_input(args, message):
    with pytest.raises(CommandError, match=message):
        run("request_deadline", *args)


def test_reminders_notify_handlers_once_per_due_day(world, demo_requests, mailoutbox):
    world.editor.email = "cgz_editor@example.com"
    world.editor.save()
    out = run("send_request_reminders", "--today", DEMO_DAY.isoformat())
    mine = Notice.objects.filter(user=world.editor)
    assert sorted(mine.values_list("request__number", "kind", "days_left")) == [
        ("YSQ-QH01T01-2026-00006", "overdue", -3),
        ("YSQ-QH01T01-2026-00007", "due_0", 0),
        ("YSQ-QH01T01-2026-00008", "due_5", 5),
    ]
    # new requests nobody handles yet go to every handler of the organization
    assert Notice.objects.filter(request__status="new").count() == 0
    assert [m.to for m in mailoutbox] == [["cgz_editor@example.com"]]
    assert "YSQ-QH01T01-2026-00006" in mailoutbox[0].body
    assert "已逾期" in mailoutbox[0].body
    assert "新提醒" in out
    again = run("send_request_reminders", "--today", DEMO_DAY.isoformat())
    assert again.startswith("新提醒 0 条")
    assert len(mailoutbox) == 1


def test_unassigned_requests_remind_every_handler_of_the_organization(world, township_request):
    from datetime import date

    run("send_request_reminders", "--today", date(2025, 6, 10).isoformat())
    users = set(Notice.objects.values_list("user__username", "kind"))
    assert users == {("cgz_admin", "due_0"), ("cgz_editor", "due_0")}

"""The import page: preview row by row, units to fix, nothing saved until confirmed, all or nothing."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from gongkai.supervision.models import TaskAssignment, TaskPlan
from gongkai.supervision.task_import import NOT_LINKED
from tests.supervision.seed_004 import workbook_bytes

URL = "/workspace/supervision/tasks/import/"
HEADER = ["序号", "工作任务", "具体事项", "主体责任单位", "完成时间"]


def table(rows) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def upload(client, data: bytes, name="分工.xlsx", org="QH01"):
    file = SimpleUploadedFile(name, data, content_type="application/octet-stream")
    return client.post(URL, {"organization": org, "title": "", "file": file})


def test_only_supervisors_may_import(client, world):
    client.force_login(world.editor)
    assert client.get(URL).status_code == 403
    client.force_login(world.supervisor)
    response = client.get(URL)
    assert response.status_code == 200
    assert response.context["form"].fields["organization"].choices == [("QH01", "东川县人民政府")]


def test_a_supervisor_cannot_import_for_another_county(client, world):
    client.force_login(world.supervisor)
    response = upload(
        client, table([["1", "任务", "(1)甲", "各乡镇(街道)", "2021年6月底前"]]), org="QH02"
    )
    assert response.status_code == 200
    assert "organization" in response.context["form"].errors
    assert not TaskPlan.objects.exists()


def test_unreadable_dates_and_unknown_units_are_shown_row_by_row(client, world):
    client.force_login(world.supervisor)
    data = table(
        [
            ["1", "梳理事项", "(1)梳理清单", "各乡镇(街道)", "2021年6月底前"],
            ["", "", "(2)编制目录", "县民政局、县营商局", "尽快"],
            ["", "", "(3)公开专区", "城关镇", "2021年13月底前"],
        ]
    )
    response = upload(client, data)
    preview = response.context["preview"]
    assert [row["status"] for row in preview.rows] == ["ok", "error", "error"]
    assert preview.rows[1]["problems"] == [
        "完成时间“尽快”无法识别：应写作“2020年8月底前”“2021年6月30日”或“持续推进”。"
    ]
    units = {u["text"]: (u["status"], u["names"]) for u in preview.rows[1]["units"]}
    assert units == {"县民政局": ("matched", ["东川县民政局"]), "县营商局": ("unknown", [])}
    assert preview.rows[2]["units"][0]["names"] == ["东川县城关镇人民政府"]
    html = response.content.decode()
    assert "月份“13”不在1–12之间" in html
    assert "确认导入" not in html
    assert "本次没有保存任何内容" in html
    assert not TaskPlan.objects.exists()


def test_confirm_requires_a_decision_for_every_unknown_unit(client, world):
    client.force_login(world.supervisor)
    data = table(
        [
            ["1", "梳理事项", "(1)梳理清单", "各乡镇(街道)、县营商局", "2021年6月底前"],
            ["", "", "(2)编制目录", "县营商局", "持续推进"],
        ]
    )
    response = upload(client, data)
    token = response.context["token"]
    [entry] = response.context["unresolved"]
    assert (entry["text"], entry["rows"]) == ("县营商局", [2, 3])
    confirm = {"token": token, "organization": "QH01", "title": "东川县任务"}
    refused = client.post(URL, confirm)
    assert refused.status_code == 200
    assert refused.context["errors"] == [
        "请为未能识别的责任单位 “县营商局” 选择对应单位，或选择“仅保留名称”。"
    ]
    assert not TaskPlan.objects.exists()
    foreign = client.post(URL, {**confirm, "unit-0": str(world.far_township.id)})
    assert foreign.context["errors"] == ["“县营商局”选择的单位不在您的监督范围内。"]
    assert not TaskPlan.objects.exists()
    done = client.post(URL, {**confirm, "unit-0": str(world.department.id)})
    plan = TaskPlan.objects.get()
    assert done.status_code == 302
    assert done["Location"] == f"/workspace/supervision/tasks/plan/{plan.id}/"
    assignments = TaskAssignment.objects.filter(task__plan=plan, organization=world.department)
    assert assignments.count() == 2
    again = client.post(URL, {**confirm, "unit-0": NOT_LINKED})
    assert again.context["errors"] == ["导入预览已失效，请重新上传文件。"]


def test_seed_table_through_the_page(client, world):
    client.force_login(world.supervisor)
    response = upload(client, workbook_bytes(), name="附件1.xlsx")
    assert response.context["preview"].counts == {"ok": 3, "unmatched": 25, "error": 0}
    assert response.context["deadlines"] == {
        "date": 28,
        "ongoing": 0,
        "missing": 0,
        "unreadable": 0,
    }
    choices = {f"unit-{i}": NOT_LINKED for i in range(len(response.context["unresolved"]))}
    confirm = {
        "token": response.context["token"],
        "organization": "QH01",
        "title": "附件1",
        **choices,
    }
    assert client.post(URL, confirm).status_code == 302
    assert TaskPlan.objects.get().tasks.count() == 28


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\xd0\xcf\x11\xe0" + b"\0" * 100, "已加密或为旧版 .xls 格式"),
        (b"not a spreadsheet", "不是 .xlsx 格式的 Excel 工作簿"),
        (b"", "空文件"),
    ],
)
def test_unreadable_files_are_refused_before_openpyxl(client, world, data, message):
    client.force_login(world.supervisor)
    response = upload(client, data) if data else client.post(URL, {"organization": "QH01"})
    if data:
        assert message in response.context["errors"][0]
    else:
        assert "file" in response.context["form"].errors
    assert not TaskPlan.objects.exists()


def test_a_workbook_without_a_task_header_is_refused(client, world):
    client.force_login(world.supervisor)
    book = Workbook()
    book.active.append(["名称", "内容"])
    buffer = io.BytesIO()
    book.save(buffer)
    response = upload(client, buffer.getvalue())
    assert "没有找到任务分工表" in response.context["errors"][0]

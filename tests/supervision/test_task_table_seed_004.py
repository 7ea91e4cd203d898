"""The task table of seed 004 (附件1, 28 tasks in 12 groups) typed into a workbook imports whole."""

import json
from datetime import date

from django.core.management import call_command

from gongkai.orgs.models import Organization
from gongkai.rules.task_table import DeadlineKind, Role
from gongkai.supervision.models import TaskAssignment, TaskPlan, WorkTask
from gongkai.supervision.services.tasks import import_task_plan
from gongkai.supervision.task_import import (
    COLLECTIVE,
    NONE_IN_SCOPE,
    NOT_LINKED,
    UNKNOWN,
    UnitResolver,
    build_preview,
    read_task_workbook,
    unresolved_units,
)
from tests.supervision.seed_004 import TASKS, workbook_bytes

EXPECTED_DEADLINES = [
    date(2020, 8, 31),
    date(2020, 8, 31),
    date(2020, 8, 31),
    date(2020, 10, 31),
    date(2020, 11, 30),
    date(2022, 8, 31),
    date(2022, 8, 31),
    date(2022, 9, 30),
    date(2022, 10, 31),
    date(2020, 12, 31),
    date(2020, 12, 31),
    date(2020, 12, 31),
    date(2021, 6, 30),
    date(2021, 12, 31),
    date(2021, 4, 30),
    date(2020, 5, 31),
    date(2020, 10, 31),
    date(2020, 12, 31),
    date(2020, 12, 31),
    date(2021, 7, 31),
    date(2021, 9, 30),
    date(2020, 12, 31),
    date(2020, 12, 31),
    date(2021, 6, 30),
    date(2020, 12, 31),
    date(2021, 12, 31),
    date(2021, 12, 31),
    date(2022, 7, 31),
]


def test_the_typed_list_is_the_seed_table():
    assert len(TASKS) == 28
    assert len({task[0] for task in TASKS}) == 12
    assert [task[2].split(")")[0] for task in TASKS] == [f"({n}" for n in range(1, 29)]


def test_every_deadline_of_the_seed_table_is_read():
    [table] = read_task_workbook(workbook_bytes(), filename="附件1.xlsx")
    rows = table.rows
    assert len(rows) == 28
    assert [row.deadline.kind for row in rows] == [DeadlineKind.DATE] * 28
    assert [row.deadline.day for row in rows] == EXPECTED_DEADLINES
    assert rows[7].deadline.text == "2022年9底前"
    assert [row.number for row in rows] == list(range(1, 29))
    assert [row.group_seq for row in rows] == [task[0] for task in TASKS]
    assert len({(row.group_seq, row.group_title) for row in rows}) == 12
    assert rows[0].title == "梳理规范基层政府权责清单"
    assert all(row.problems == [] for row in rows)
    assert [number for number, _ in table.skipped] == [10, 19, 26]


def test_seed_units_are_read_as_collectives_and_named_bodies():
    [table] = read_task_workbook(workbook_bytes(), filename="附件1.xlsx")
    first = table.rows[0]
    assert [u.text for u in first.units[Role.MAIN]] == ["各县(市、区)", "乡镇政府(街道办)"]
    assert [u.text for u in first.units[Role.GUIDE]] == ["省政务服务办"]
    assert len(table.rows[3].units[Role.GUIDE]) == 18


def _county_resolver(world):
    scope = list(Organization.objects.subtree(world.county).select_related("region"))
    return UnitResolver(scope, [world.city])


def test_seed_units_matched_in_a_county_scope(world):
    preview = build_preview(
        read_task_workbook(workbook_bytes(), filename="附件1.xlsx"),
        filename="附件1.xlsx",
        resolver=_county_resolver(world),
    )
    first = preview.rows[0]
    by_text = {unit["text"]: unit for unit in first["units"]}
    assert by_text["各县(市、区)"]["status"] == COLLECTIVE
    assert by_text["各县(市、区)"]["names"] == ["东川县人民政府"]
    assert by_text["乡镇政府(街道办)"]["names"] == [
        "东川县城关镇人民政府",
        "东川县河口镇人民政府",
        "东川县东湖街道办事处",
    ]
    assert by_text["各设区市政府"]["status"] == NONE_IN_SCOPE
    assert by_text["省政务服务办"]["status"] == UNKNOWN
    texts = [entry["text"] for entry in unresolved_units(preview.rows)]
    assert texts[:3] == ["省政务服务办", "省政府办公厅", "省发展改革委"]
    # The 18 provincial departments of row 4 (省政务服务办 among them), 省政府办公厅 and
    # 省政务服务管理办公室; 省政府有关部门 is a collective with no body in a county's scope.
    assert len(texts) == 20
    sixth = {unit["text"]: unit for unit in preview.rows[5]["units"]}
    assert sixth["省政府有关部门"]["status"] == NONE_IN_SCOPE
    assert preview.counts == {"ok": 3, "unmatched": 25, "error": 0}  # rows 6–8: 有关部门


def test_seed_table_imports_all_28_tasks(world):
    preview = build_preview(
        read_task_workbook(workbook_bytes(), filename="附件1.xlsx"),
        filename="附件1.xlsx",
        resolver=_county_resolver(world),
    )
    choices = {entry["text"]: NOT_LINKED for entry in unresolved_units(preview.rows)}
    plan = import_task_plan(
        organization=world.county,
        title="基层政务公开标准化规范化工作任务分工和进度安排",
        source_name="附件1.xlsx",
        rows=preview.rows,
        choices=choices,
        allowed=set(),
        by=world.supervisor,
    )
    tasks = list(plan.tasks.order_by("position"))
    assert [t.deadline for t in tasks] == EXPECTED_DEADLINES
    assert tasks[7].deadline_text == "2022年9底前"
    main = TaskAssignment.objects.filter(task__plan=plan, role=Role.MAIN)
    assert main.count() == 28 * 4
    assert main.filter(organization=world.township).count() == 28
    assert (
        TaskAssignment.objects.filter(
            task=tasks[3], role=Role.GUIDE, organization__isnull=True
        ).count()
        == 18
    )


def test_import_command_prints_each_task_as_parsed(tmp_path, capsys, db):
    path = tmp_path / "附件1.xlsx"
    path.write_bytes(workbook_bytes())
    call_command("import_tasks", str(path), "--dry-run", "--format", "json")
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 28
    assert [row["deadline"] for row in rows] == [d.isoformat() for d in EXPECTED_DEADLINES]
    assert rows[7]["deadline_label"] == "2022年9月30日"
    assert not TaskPlan.objects.exists()


def test_import_command_text_and_saving(tmp_path, capsys, world):
    path = tmp_path / "附件1.xlsx"
    path.write_bytes(workbook_bytes())
    call_command("import_tasks", str(path), "--organization", world.county.code)
    out = capsys.readouterr().out
    assert "第3行 单位待确认 1 梳理基层政务公开事项 (1)梳理规范基层政府权责清单" in out
    assert "    完成时间：2022年9底前 → 2022年9月30日" in out
    assert "共 28 项：可导入 3 项，单位待确认 25 项，无法识别 0 项。" in out
    assert WorkTask.objects.filter(plan__organization=world.county).count() == 28

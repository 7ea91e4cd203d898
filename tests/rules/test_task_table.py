from datetime import date

import pytest

from gongkai.rules.task_table import (
    Collective,
    DeadlineKind,
    Role,
    TaskTableError,
    deadline_in_units,
    parse_deadline,
    parse_task_grid,
    parse_units,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2020年8月底前", date(2020, 8, 31)),
        ("2021年12月底前完成", date(2021, 12, 31)),
        ("2022年9底前", date(2022, 9, 30)),
        ("〔2021年12月底前完成〕", date(2021, 12, 31)),
        ("(2022年12月底前完成)", date(2022, 12, 31)),
        ("2020年2月底前", date(2020, 2, 29)),
        ("2021年2月底前", date(2021, 2, 28)),
        ("2020年8月28日前", date(2020, 8, 28)),
        ("2021年底前", date(2021, 12, 31)),
        ("2021年上半年", date(2021, 6, 30)),
        ("2020年第三季度", date(2020, 9, 30)),
        ("2021年6月中旬", date(2021, 6, 20)),
        ("二〇二一年十二月底前", date(2021, 12, 31)),
        ("２０２１年６月底前", date(2021, 6, 30)),
        ("2021-06-30", date(2021, 6, 30)),
        ("2021/6/30", date(2021, 6, 30)),
        ("2021.6", date(2021, 6, 30)),
        ("2021年6月", date(2021, 6, 30)),
        ("2022年", date(2022, 12, 31)),
    ],
)
def test_deadline_dates(text, expected):
    deadline = parse_deadline(text)
    assert deadline.kind == DeadlineKind.DATE
    assert deadline.day == expected
    assert deadline.problem == ""


@pytest.mark.parametrize("text", ["持续推进", "长期坚持", "常态化开展", "每年12月底前报送"])
def test_deadline_ongoing_has_no_date(text):
    deadline = parse_deadline(text)
    assert deadline.kind == DeadlineKind.ONGOING
    assert deadline.day is None
    assert deadline.label == "持续推进（无完成时间）"


def test_month_before_is_read_literally_and_says_so():
    deadline = parse_deadline("2020年12月前")
    assert deadline.day == date(2020, 11, 30)
    assert deadline.note == "“2020年12月前”按12月1日之前理解，即11月30日前"
    assert parse_deadline("2021年1月前").day == date(2020, 12, 31)


def test_several_dates_take_the_latest_and_say_so():
    deadline = parse_deadline("2022年6月底前验收，2022年底前形成相关标准规范")
    assert deadline.day == date(2022, 12, 31)
    assert deadline.note == "含多个时间节点，以最晚的2022年12月31日为完成时间"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("2021年13月底前", "完成时间“2021年13月底前”无法识别：月份“13”不在1–12之间。"),
        ("2021年2月30日", "完成时间“2021年2月30日”无法识别：2021年2月没有30日。"),
        (
            "尽快",
            "完成时间“尽快”无法识别：应写作“2020年8月底前”“2021年6月30日”或“持续推进”。",
        ),
    ],
)
def test_unreadable_deadlines_say_why(text, problem):
    deadline = parse_deadline(text)
    assert deadline.kind == DeadlineKind.UNREADABLE
    assert deadline.day is None
    assert deadline.problem == problem


def test_empty_deadline_is_missing():
    assert parse_deadline("  ").kind == DeadlineKind.MISSING


def _units(text):
    return [(ref.text, ref.collective) for ref in parse_units(text)]


def test_units_county_and_township_collectives_split_at_and():
    assert _units("各县(市、区)和乡镇政府(街道办)") == [
        ("各县(市、区)", Collective.COUNTY_GOVERNMENTS),
        ("乡镇政府(街道办)", Collective.TOWNSHIP_GOVERNMENTS),
    ]


def test_units_full_width_and_variants_of_county_governments():
    for text in ("各县（市、区）人民政府", "各县(市)区政府", "各县区政府", "各区"):
        assert _units(text) == [
            (text.replace("（", "(").replace("）", ")"), Collective.COUNTY_GOVERNMENTS)
        ]


def test_units_names_with_and_stay_whole():
    assert _units("东川县人力资源和社会保障局、住房和城乡建设局") == [
        ("东川县人力资源和社会保障局", None),
        ("住房和城乡建设局", None),
    ]


def test_units_split_at_both_separators_and_drop_role_words():
    assert _units("区政府办公室、区行政审批局按照各自职能分别牵头；相关各部门配合") == [
        ("区政府办公室", None),
        ("区行政审批局", None),
        ("相关各部门", Collective.DEPARTMENTS),
    ]
    assert _units("省发展改革委，省教育厅") == [("省发展改革委", None), ("省教育厅", None)]


def test_units_and_between_named_unit_and_collective():
    assert _units("各县(市)区政府、开发区(园区)管委会和市直各有关部门") == [
        ("各县(市)区政府", Collective.COUNTY_GOVERNMENTS),
        ("开发区(园区)管委会", None),
        ("市直各有关部门", Collective.CITY_DEPARTMENTS),
    ]


def test_units_keep_parenthesised_part_of_a_name():
    assert _units("省政府办公厅（省政府政务公开办公室）") == [
        ("省政府办公厅(省政府政务公开办公室)", None)
    ]


def test_units_single_government_is_a_name_not_a_collective():
    assert _units("县政府办公室") == [("县政府办公室", None)]
    assert _units("各设区市政府") == [("各设区市政府", Collective.CITY_GOVERNMENTS)]
    assert _units("各村(居)民委员会") == [("各村(居)民委员会", Collective.VILLAGE_COMMITTEES)]


def test_units_with_a_date_inside_give_the_date_separately():
    text = "〔责任单位：各县(市)区政府、市直各有关部门，2020年12月底前完成〕"
    assert _units(text) == [
        ("各县(市)区政府", Collective.COUNTY_GOVERNMENTS),
        ("市直各有关部门", Collective.CITY_DEPARTMENTS),
    ]
    assert deadline_in_units(text) == "2020年12月底前完成"


HEADER = [
    "序号",
    "工作任务",
    "具体事项",
    "主管责任单位",
    "主体责任单位",
    "指导责任单位",
    "完成时间",
]


def test_grid_carries_group_down_and_skips_repeated_header():
    grid = [
        ["工作任务分工和进度安排", "", "", "", "", "", ""],
        HEADER,
        [
            "1",
            "梳理事项",
            "(1)梳理权责清单",
            "各设区市政府",
            "各县(市、区)",
            "省政务服务办",
            "2020年8月底前",
        ],
        ["", "", "（2）梳理服务清单", "各设区市政府", "各县(市、区)", "省政务服务办", "持续推进"],
        HEADER,
        ["2", "编制目录", "3、编制标准目录", "", "各乡镇(街道)", "", "2022年9底前"],
    ]
    table = parse_task_grid(grid, sheet="附件1")
    assert [(r.row_number, r.group_seq, r.group_title, r.number, r.title) for r in table.rows] == [
        (3, 1, "梳理事项", 1, "梳理权责清单"),
        (4, 1, "梳理事项", 2, "梳理服务清单"),
        (6, 2, "编制目录", 3, "编制标准目录"),
    ]
    assert table.skipped == [(5, "重复的表头行")]
    assert [r.deadline.day for r in table.rows] == [date(2020, 8, 31), None, date(2022, 9, 30)]
    assert table.rows[2].units[Role.LEAD] == []
    assert [u.collective for u in table.rows[2].units[Role.MAIN]] == [
        Collective.TOWNSHIP_GOVERNMENTS
    ]
    assert all(row.ok for row in table.rows)


def test_grid_rows_with_problems_are_reported_not_dropped():
    grid = [
        HEADER,
        ["1", "任务", "(1)甲", "", "各县区政府", "", "明年"],
        ["", "", "", "", "各县区政府", "", "2021年6月底前"],
        ["", "", "(3)丙", "", "", "", "2021年6月底前"],
    ]
    table = parse_task_grid(grid, sheet="Sheet1")
    assert [r.problems for r in table.rows] == [
        ["完成时间“明年”无法识别：应写作“2020年8月底前”“2021年6月30日”或“持续推进”。"],
        ["缺少具体事项（任务内容）。"],
        ["未填写任何责任单位。"],
    ]


def test_grid_single_level_table_with_responsibility_note_column():
    grid = [
        ["序号", "重点任务", "责任单位", "完成时限"],
        ["1", "编制标准目录", "各县(市)区政府、市直各有关部门", ""],
        ["2", "推进平台规范化", "〔责任单位：各县(市)区政府，2021年12月底前完成〕", ""],
    ]
    table = parse_task_grid(grid, sheet="要点")
    first, second = table.rows
    assert (first.number, first.title, first.deadline.kind) == (
        1,
        "编制标准目录",
        DeadlineKind.MISSING,
    )
    assert first.notes == ["未填写完成时间，按持续推进处理。"]
    assert second.deadline.day == date(2021, 12, 31)
    assert second.notes == ["完成时间取自责任单位栏：“2021年12月底前完成”"]


def test_grid_without_header_is_refused():
    with pytest.raises(TaskTableError) as error:
        parse_task_grid([["名称", "内容"], ["a", "b"]], sheet="Sheet1")
    assert "没有找到任务分工表的表头" in error.value.message

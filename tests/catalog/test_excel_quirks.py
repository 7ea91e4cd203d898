"""Tables as county sites publish them, each built by hand with openpyxl and read back."""

import re

import pytest
from openpyxl import Workbook

from gongkai.catalog.excel import read_catalog_workbook

TITLE = "XX县社会救助领域基层政务公开标准目录"
TOP = [
    "序号",
    "公开事项",
    None,
    "公开内容（要素）",
    "公开依据",
    "公开时限",
    "公开主体",
    "公开渠道和载体",
    "公开对象",
    None,
    "公开方式",
    None,
    "公开层级",
    None,
    None,
]
SUB = [None, "一级事项", "二级事项", None, None, None, None, None]
SUB += ["全社会", "特定群体", "主动", "依申请", "县级", "乡级", "村级"]
# Header rows 2–3 of the template: single headers merged down, groups merged across.
HEADER_MERGES = ["A2:A3", "B2:C2", "D2:D3", "E2:E3", "F2:F3", "G2:G3", "H2:H3"]
HEADER_MERGES += ["I2:J2", "K2:L2", "M2:O2"]
LIMIT = "自信息形成或者变更之日起20个工作日内"
TICKS = ("√", "", "√", "", "√", "√", "")


def _row(seq, level1, level2, content, *, basis="《社会救助暂行办法》", limit=LIMIT,
         subject="县民政局", channels="■政府网站 □政府公报", ticks=TICKS):  # fmt: skip
    return [seq, level1, level2, content, basis, limit, subject, channels, *ticks]


def _shift(refs, by):
    return [re.sub(r"\d+", lambda m: str(int(m.group()) + by), ref) for ref in refs]


def _xlsx(tmp_path, rows, merges=(), *, title_rows=(TITLE,), header=(TOP, SUB)):
    """A workbook with title rows, the header, ``rows``; merges as Excel ranges."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "社会救助"
    for title in title_rows:
        sheet.append([title])
    for row in [*header, *rows]:
        sheet.append(list(row))
    for ref in merges:
        sheet.merge_cells(ref)
    path = tmp_path / "目录.xlsx"
    workbook.save(path)
    return path.read_bytes()


def _read(data):
    (table,) = read_catalog_workbook(data, filename="目录.xlsx")
    return table


def test_merged_level1_and_merged_two_row_header(tmp_path):
    rows = [
        _row(1, "最低生活保障", "办事指南", "办理条件"),
        _row(2, None, "审核信息", "初审对象名单"),
        _row(3, None, "审批结果", "低保对象名单"),
        _row(4, "特困人员救助供养", "办事指南", "供养标准"),
    ]
    table = _read(_xlsx(tmp_path, rows, [*HEADER_MERGES, "A1:O1", "B4:B6"]))
    assert table.header_rows == 2
    assert table.columns["audience:特定群体"] == 9
    assert table.columns["levels:村级"] == 14
    assert [(r.row_number, r.status) for r in table.rows] == [(n, "read") for n in (4, 5, 6, 7)]
    assert [(e["level1"], e["level2"]) for e in table.elements] == [
        ("最低生活保障", "办事指南"),
        ("最低生活保障", "审核信息"),
        ("最低生活保障", "审批结果"),
        ("特困人员救助供养", "办事指南"),
    ]


def test_tall_item_split_over_two_rows_is_merged(tmp_path):
    rows = [
        _row(1, "最低生活保障", "办事指南", "办理条件"),
        [None, None, None, "申请材料", "《最低生活保障审核确认办法》"] + [None] * 10,
        _row(2, "最低生活保障", "审核信息", "初审对象名单"),
    ]
    merges = ["A4:A5", "B4:B5", "C4:C5", *[f"{c}4:{c}5" for c in "FGHIJKLMNO"]]
    table = _read(_xlsx(tmp_path, rows, [*HEADER_MERGES, *merges]))
    assert [(r.row_number, r.status) for r in table.rows] == [
        (4, "read"),
        (5, "merged"),
        (6, "read"),
    ]
    assert table.rows[1].reason == "第5行是续行，已并入第4行的事项“办事指南”"
    first = table.rows[0].element
    assert first["content"] == "办理条件；申请材料"
    assert first["basis"] == ["《社会救助暂行办法》", "《最低生活保障审核确认办法》"]
    assert first["levels"] == ["县级", "乡级"]


def test_channel_marks_in_one_cell_with_wingdings_artefacts(tmp_path):
    rows = [
        _row(1, "低保", "办事指南", "条件", channels="R政府网站 £政府公报 R两微一端 £其他",
             ticks=("R", "£", "R", "£", "R", "£", "£")),
        _row(2, "低保", "审核信息", "名单", channels="☑政府网站\n☐政府公报\n☑入户/现场"),
        _row(3, "低保", "审批结果", "名单", channels="√政府网站 ✓公开查阅点 □精准推送"),
    ]  # fmt: skip
    table = _read(_xlsx(tmp_path, rows, HEADER_MERGES))
    assert [e["channels"] for e in table.elements] == [
        ["政府网站", "两微一端"],
        ["政府网站", "入户/现场"],
        ["政府网站", "公开查阅点"],
    ]
    first = table.elements[0]
    assert (first["audience"], first["mode"], first["levels"]) == ("全社会", "主动", ["县级"])


def test_one_column_per_channel(tmp_path):
    channels = ["政府网站", "政府公报", "两微一端", "公开查阅点", "12345热线"]
    top = ["一级事项", "二级事项", "公开内容", "公开渠道和载体", None, None, None, None, "公开方式"]
    sub = [None, None, None, *channels, None]
    rows = [["低保", "办事指南", "条件", "√", "", "是", "☐", "■", "主动公开"]]
    data = _xlsx(tmp_path, rows, ["A2:A3", "B2:B3", "C2:C3", "D2:H2", "I2:I3"], header=(top, sub))
    table = _read(data)
    assert table.columns["channels:两微一端"] == 5
    element = table.elements[0]
    assert element["channels"] == ["政府网站", "两微一端", "其他"]
    assert element["note"] == "其他渠道：12345热线"


@pytest.mark.parametrize("mark", ["√", "✓", "☑", "R", "是", "■"])
def test_tick_marks_in_sub_columns(tmp_path, mark):
    ticks = ("", mark, "£", mark, "□", "☐", mark)
    table = _read(
        _xlsx(tmp_path, [_row(1, "低保", "审核信息", "名单", ticks=ticks)], HEADER_MERGES)
    )
    element = table.elements[0]
    assert (element["audience"], element["mode"], element["levels"]) == (
        "特定群体",
        "依申请",
        ["村级"],
    )


def test_label_variants_in_headers(tmp_path):
    sub = [None, "一级事项", "二级事项", None, None, None, None, None]
    sub += ["全社会", "特定群众", "主动公开", "依申请公开", "县(市、区)级", "乡镇(街道)级", "村级"]
    rows = [_row(1, "低保", "审核信息", "名单", ticks=("", "√", "", "√", "√", "√", ""))]
    table = _read(_xlsx(tmp_path, rows, HEADER_MERGES, header=(TOP, sub)))
    assert table.columns["audience:特定群体"] == 9
    assert table.columns["levels:乡级"] == 13
    element = table.elements[0]
    assert (element["audience"], element["mode"], element["levels"]) == (
        "特定群体",
        "依申请",
        ["县级", "乡级"],
    )


@pytest.mark.parametrize(
    ("audience", "mode", "levels", "expected"),
    [
        ("特定群众", "依申请公开", "县、乡(镇)级", ("特定群体", "依申请", ["县级", "乡级"])),
        ("全社会", "主动公开", "县级", ("全社会", "主动", ["县级"])),
        ("■全社会 □特定群体", "■主动 □依申请", "■县(市、区)级 ■乡镇(街道)级 □村级",
         ("全社会", "主动", ["县级", "乡级"])),
        ("全社会", "主动", "乡级/村级", ("全社会", "主动", ["乡级", "村级"])),
    ],
)  # fmt: skip
def test_label_variants_in_single_columns(tmp_path, audience, mode, levels, expected):
    top = ["二级事项", "公开内容", "公开时限", "公开对象", "公开方式", "公开层级"]
    rows = [["办事指南", "条件", "及时公开", audience, mode, levels]]
    table = _read(_xlsx(tmp_path, rows, header=(top,)))
    element = table.elements[0]
    assert (element["audience"], element["mode"], element["levels"]) == expected


def test_line_breaks_inside_cells(tmp_path):
    top = list(TOP)
    top[3] = "公开内容\n（要素）"
    rows = [
        _row(1, "最低生活\n保障", "办事指南", "1.办理事项\n2.办理条件；\n3.申请材料",
             basis="《社会救助暂行办法》\n《最低生活保障审核确认办法》《关于加强低保工作的意见》",
             limit="自信息形成或者变更之日起\n20个工作日内", subject="县民政局\n乡镇人民政府"),
    ]  # fmt: skip
    element = _read(_xlsx(tmp_path, rows, HEADER_MERGES, header=(top, SUB))).elements[0]
    assert element["level1"] == "最低生活保障"
    assert element["content"] == "1.办理事项；2.办理条件；3.申请材料"
    assert element["basis"] == [
        "《社会救助暂行办法》",
        "《最低生活保障审核确认办法》",
        "《关于加强低保工作的意见》",
    ]
    assert element["time_limit"] == LIMIT
    assert element["time_limit_working_days"] == 20
    assert element["subject"] == "县民政局、乡镇人民政府"


def test_third_level_column(tmp_path):
    top = ["序号", "公开事项", None, None, "公开内容（要素）", "公开依据", "公开时限", "公开主体"]
    top += ["公开渠道和载体", "公开对象", None, "公开方式", None]
    sub = [None, "一级事项", "二级事项", "三级事项", None, None, None, None, None]
    sub += ["全社会", "特定群体", "主动", "依申请"]
    rows = [
        [1, "最低生活保障", "审批结果", "城市低保", "名单", "《办法》", LIMIT, "县民政局",
         "■政府网站", "√", "", "√", ""],
        [2, None, None, "农村低保", "名单", "《办法》", LIMIT, "县民政局", "■政府网站", "√", "",
         "√", ""],
    ]  # fmt: skip
    merges = ["A2:A3", "B2:D2", "E2:E3", "F2:F3", "G2:G3", "H2:H3", "I2:I3", "J2:K2", "L2:M2"]
    table = _read(_xlsx(tmp_path, rows, [*merges, "B4:B5", "C4:C5"], header=(top, sub)))
    assert table.columns["level3"] == 3
    assert [(e["level1"], e["level2"], e["level3"]) for e in table.elements] == [
        ("最低生活保障", "审批结果", "城市低保"),
        ("最低生活保障", "审批结果", "农村低保"),
    ]
    assert [r.status for r in table.rows] == ["read", "read"]


def test_free_text_time_limits_and_same_as_above(tmp_path):
    rows = [
        _row(1, "低保", "政策文件", "文件", limit="自信息形成或者变更之日起20个工作日内"),
        _row(2, "低保", "监督电话", "电话", limit="及时公开"),
        _row(3, "低保", "救助进展", "进展", limit="实时"),
        _row(4, "低保", "救助标准", "标准", limit="长期"),
        _row(5, "低保", "审批结果", "名单", basis="同上", limit="同上", subject="同上",
             channels="同上", ticks=("同上", "", "同上", "", "√", "", "")),
    ]  # fmt: skip
    elements = _read(_xlsx(tmp_path, rows, HEADER_MERGES)).elements
    assert [(e["time_limit"], e["time_limit_working_days"]) for e in elements] == [
        (LIMIT, 20),
        ("及时公开", None),
        ("实时", None),
        ("长期", None),
        ("长期", None),
    ]
    last = elements[-1]
    assert (last["basis"], last["subject"], last["channels"]) == (
        ["《社会救助暂行办法》"],
        "县民政局",
        ["政府网站"],
    )
    assert (last["audience"], last["mode"], last["levels"]) == ("全社会", "主动", ["县级"])


def test_title_rows_blank_rows_and_footnote(tmp_path):
    rows = [
        _row(1, "低保", "办事指南", "条件"),
        [None] * 15,
        _row(2, "低保", "审核信息", "名单"),
        [None] * 15,
        ["注：1.公开时限以法律法规规定为准；2.□为未勾选。"] + [None] * 14,
    ]
    # Two title rows push the header down to rows 3–4 and the items to row 5.
    merges = [*_shift(HEADER_MERGES, 1), "A1:O1", "A2:O2", "A9:O9"]
    data = _xlsx(tmp_path, rows, merges, title_rows=(TITLE, "编制单位：XX县民政局"))
    table = _read(data)
    assert [(r.row_number, r.status) for r in table.rows] == [
        (5, "read"),
        (7, "read"),
        (9, "rejected"),
    ]
    assert table.rows[2].reason == (
        "第9行是表格注释，不是公开事项：注：1.公开时限以法律法规规定为准；2.□为未勾选。"
    )
    assert [e["level2"] for e in table.elements] == ["办事指南", "审核信息"]


def test_unreadable_row_is_rejected_naming_the_row(tmp_path):
    rows = [
        _row(1, "低保", "办事指南", "条件"),
        _row(2, "低保", "审核信息", "名单"),
        _row(3, None, None, None, basis="《办法》", limit="及时公开"),
    ]
    table = _read(_xlsx(tmp_path, rows, HEADER_MERGES))
    assert [(r.row_number, r.status) for r in table.rows][-1] == (6, "rejected")
    assert table.rows[-1].reason == "第6行缺少公开事项和公开内容，无法识别为事项"
    assert len(table.elements) == 2

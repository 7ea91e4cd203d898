"""Parsing a 标准目录 grid: header detection, cell vocabulary, 同上, continuation rows, rejections."""

import pytest

from gongkai.rules.catalog_table import (
    CHANNELS,
    CatalogTableError,
    parse_catalog_grid,
    parse_channels,
    parse_time_limit_days,
    split_basis,
    to_element,
)

TOP = [
    "序号",
    "公开事项",
    "公开事项",
    "公开内容（要素）",
    "公开依据",
    "公开时限",
    "公开主体",
    "公开渠道和载体",
    "公开对象",
    "公开对象",
    "公开方式",
    "公开方式",
    "公开层级",
    "公开层级",
    "公开层级",
]
SUB = [
    "序号",
    "一级事项",
    "二级事项",
    "公开内容（要素）",
    "公开依据",
    "公开时限",
    "公开主体",
    "公开渠道和载体",
    "全社会",
    "特定群体",
    "主动",
    "依申请",
    "县级",
    "乡级",
    "村级",
]
LIMIT = "自信息形成或者变更之日起20个工作日内"


def _row(
    seq="1",
    l1="最低生活保障",
    l2="办事指南",
    content="办理条件",
    basis="《社会救助暂行办法》",
    limit=LIMIT,
    subject="县民政局",
    channels="■政府网站 □政府公报",
    ticks=("√", "", "√", "", "√", "√", ""),
):
    return [seq, l1, l2, content, basis, limit, subject, channels, *ticks]


def _parse(*rows, filled=None):
    return parse_catalog_grid([TOP, SUB, *rows], sheet="社会救助", filled=filled)


def test_two_row_header_maps_every_column():
    table = _parse(_row())
    assert table.header_rows == 2
    assert table.columns == {
        "seq": 0,
        "level1": 1,
        "level2": 2,
        "content": 3,
        "basis": 4,
        "time_limit": 5,
        "subject": 6,
        "channels": 7,
        "audience:全社会": 8,
        "audience:特定群体": 9,
        "mode:主动": 10,
        "mode:依申请": 11,
        "levels:县级": 12,
        "levels:乡级": 13,
        "levels:村级": 14,
    }


def test_a_plain_row_becomes_the_full_element():
    table = _parse(_row())
    assert [(r.row_number, r.status, r.reason) for r in table.rows] == [(3, "read", "")]
    assert table.rows[0].element == {
        "level1": "最低生活保障",
        "level2": "办事指南",
        "level3": "",
        "content": "办理条件",
        "basis": ["《社会救助暂行办法》"],
        "time_limit": LIMIT,
        "time_limit_working_days": 20,
        "subject": "县民政局",
        "channels": ["政府网站"],
        "audience": "全社会",
        "mode": "主动",
        "levels": ["县级", "乡级"],
        "note": "",
    }


def test_a_sheet_without_header_names_the_sheet():
    with pytest.raises(CatalogTableError) as caught:
        parse_catalog_grid([["姓名", "电话"], ["张三", "123"]], sheet="通讯录")
    assert "工作表“通讯录”" in caught.value.message


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("自信息形成或者变更之日起20个工作日内", 20),
        ("信息形成之日起10个工作日内", 10),
        ("制定或获取信息之日起10个工作日内，公示7个工作日", 10),
        ("自收到申请之日起二十个工作日内", 20),
        ("十五个工作日", 15),
        ("除处罚决定外：长期公开；处罚决定：20个工作日内", 20),
        ("及时公开", None),
        ("实时", None),
        ("长期公开", None),
        ("本级人民代表大会或其常务委员会批准后20日内", None),
        ("", None),
    ],
)
def test_time_limit_working_days(text, days):
    assert parse_time_limit_days(text) == days


@pytest.mark.parametrize(
    ("text", "entries"),
    [
        ("《A条例》\n《B办法》", ["《A条例》", "《B办法》"]),
        ("《A条例》《B办法》第十条、《C意见》", ["《A条例》", "《B办法》第十条", "《C意见》"]),
        ("1.《A条例》和《B办法》\n2、各地相关文件", ["《A条例》", "《B办法》", "各地相关文件"]),
        ("《A条例》(国令第1号; now 《B法》)", ["《A条例》(国令第1号; now 《B法》)"]),
        (
            "中华人民共和国政府信息公开条例；各地政策",
            ["中华人民共和国政府信息公开条例", "各地政策"],
        ),
        ("《A条例》\n《A条例》", ["《A条例》"]),
        ("", []),
    ],
)
def test_basis_splits_on_lines_and_titles(text, entries):
    assert split_basis(text) == entries


@pytest.mark.parametrize(
    ("text", "channels", "unknown"),
    [
        ("■政府网站 □政府公报 ■两微一端 □其他", ["政府网站", "两微一端"], []),
        (
            "R政府网站 £政府公报 R社区/企事业单位/村公示栏（电子屏）",
            ["政府网站", "社区/企事业单位/村公示栏(电子屏)"],
            [],
        ),
        ("☑精准推送☐入户/现场", ["精准推送"], []),
        ("政府网站、政务服务中心", ["政府网站", "政务服务中心"], []),
        ("■部门网站 ■政府网站", ["政府网站", "其他"], ["部门网站"]),
        ("■其他（征地信息公开平台）", ["其他"], ["征地信息公开平台"]),
        ("政府网站/公开查阅点", ["政府网站", "公开查阅点"], []),
        ("", [], []),
    ],
)
def test_channels_in_one_cell(text, channels, unknown):
    assert parse_channels(text) == (channels, unknown)


def test_channel_list_is_the_template_checklist():
    assert len(CHANNELS) == 13
    assert CHANNELS[3] == "发布会/听证会"
    assert CHANNELS[-1] == "其他"


def test_same_as_above_copies_the_row_above_in_any_column():
    table = _parse(
        _row(),
        _row(
            seq="2",
            l2="审核信息",
            content="初审名单",
            basis="同上",
            limit="同上",
            subject="同 上",
            channels="同上",
            ticks=("同上", "", "同上", "", "同上", "", ""),
        ),
    )
    second = table.rows[1].element
    assert second["basis"] == ["《社会救助暂行办法》"]
    assert second["time_limit"] == LIMIT
    assert second["subject"] == "县民政局"
    assert second["channels"] == ["政府网站"]
    assert (second["audience"], second["mode"], second["levels"]) == ("全社会", "主动", ["县级"])


def test_a_row_continuing_the_item_above_is_merged_into_it():
    blank = [""] * 15
    continued = list(blank)
    continued[1], continued[3], continued[4] = (
        "最低生活保障",
        "申请材料",
        "《最低生活保障审核确认办法》",
    )
    # Row 4 (index 3) carries 一级事项 only because the merge was filled.
    table = _parse(_row(), continued, filled={(3, 1)})
    assert [(r.row_number, r.status) for r in table.rows] == [(3, "read"), (4, "merged")]
    assert table.rows[1].reason == "第4行是续行，已并入第3行的事项“办事指南”"
    element = table.rows[0].element
    assert element["content"] == "办理条件；申请材料"
    assert element["basis"] == ["《社会救助暂行办法》", "《最低生活保障审核确认办法》"]


def test_a_row_with_its_own_time_limit_is_a_new_item_under_the_merged_name():
    second = _row(seq="", l1="", l2="", content="审批结果", limit="及时公开")
    table = _parse(_row(), second)
    assert [r.status for r in table.rows] == ["read", "read"]
    assert table.rows[1].element["level1"] == "最低生活保障"
    assert table.rows[1].element["time_limit_working_days"] is None


def test_titles_blanks_footnotes_and_repeated_headers_are_never_items():
    title = ["某县社会救助领域基层政务公开标准目录"] * 15
    footnote = ["注：公开时限以法律法规规定为准。"] + [""] * 14
    grid = [title, [""] * 15, TOP, SUB, _row(), [""] * 15, TOP, SUB, _row(seq="2"), footnote]
    table = parse_catalog_grid(grid, sheet="社会救助")
    assert [(r.row_number, r.status) for r in table.rows] == [
        (5, "read"),
        (7, "rejected"),
        (8, "rejected"),
        (9, "read"),
        (10, "rejected"),
    ]
    assert table.rows[1].reason == "第7行是重复的表头，已跳过"
    assert (
        table.rows[4].reason == "第10行是表格注释，不是公开事项：注：公开时限以法律法规规定为准。"
    )


def test_a_row_merged_across_below_the_header_is_rejected():
    table = _parse(["一、最低生活保障"] * 15, _row())
    assert table.rows[0].status == "rejected"
    assert table.rows[0].reason == "第3行是跨列的标题或说明（一、最低生活保障），不是公开事项"


def test_a_row_without_item_name_or_content_is_rejected():
    table = _parse(_row(seq="7", l1="", l2="", content=""))
    assert (table.rows[0].status, table.rows[0].reason) == (
        "rejected",
        "第3行缺少公开事项和公开内容，无法识别为事项",
    )


def test_a_level1_heading_row_names_the_items_below():
    heading = ["", "特困人员救助供养"] + [""] * 13
    table = _parse(heading, _row(seq="1", l1="", l2="办事指南"))
    assert table.rows[0].status == "rejected"
    assert table.rows[1].element["level1"] == "特困人员救助供养"


def test_unticked_mode_rejects_the_row():
    table = _parse(_row(ticks=("√", "", "", "", "√", "", "")))
    assert table.rows[0].reason == "第3行公开方式未勾选或无法识别"


def test_both_audiences_ticked_keeps_the_wider_one():
    table = _parse(_row(ticks=("√", "√", "√", "√", "√", "", "")))
    assert (table.rows[0].element["audience"], table.rows[0].element["mode"]) == ("全社会", "主动")


def test_single_column_choices_and_unknown_labels_go_to_the_note():
    top = ["公开事项", "公开内容", "公开渠道", "公开对象", "公开方式", "公开层级", "备注"]
    row = ["办事指南", "条件", "■政府网站 ■12345热线", "申请人", "依申请公开", "县、乡(镇)级", "无"]
    table = parse_catalog_grid([top, row], sheet="s")
    element = table.rows[0].element
    assert table.columns["level1"] == 0
    assert (element["level1"], element["level2"]) == ("办事指南", "")
    assert element["channels"] == ["政府网站", "其他"]
    assert element["audience"] == "特定群体"
    assert element["mode"] == "依申请"
    assert element["levels"] == ["县级", "乡级"]
    assert element["note"] == "无；其他渠道：12345热线；公开对象：申请人"


def test_columns_absent_from_the_table_take_the_defaults():
    grid = [
        ["一级事项", "二级事项", "公开内容", "公开时限"],
        ["财政", "预算", "预算表", "及时公开"],
    ]
    element = parse_catalog_grid(grid, sheet="s").rows[0].element
    assert (element["audience"], element["mode"], element["levels"]) == ("全社会", "主动", [])


def test_to_element_fills_contract_defaults():
    record = {
        "seq": 4,
        "level1": "A",
        "level2": "B",
        "content": "C",
        "basis": ["D"],
        "time_limit": None,
        "time_limit_working_days": None,
        "subject": "E",
        "channels": ["政府网站"],
        "audience": "全社会",
        "mode": "主动",
        "levels": ["县级"],
        "publicity_period_working_days": None,
    }
    assert to_element(record) == {
        "level1": "A",
        "level2": "B",
        "level3": "",
        "content": "C",
        "basis": ["D"],
        "time_limit": "",
        "time_limit_working_days": None,
        "subject": "E",
        "channels": ["政府网站"],
        "audience": "全社会",
        "mode": "主动",
        "levels": ["县级"],
        "note": "",
    }

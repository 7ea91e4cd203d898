"""Entered figures from the two shapes of Excel sheet staff send."""

from decimal import Decimal
from io import BytesIO

import pytest
from openpyxl import Workbook

from gongkai.reports.excel import EnteredFigures, SheetError, read_entered_figures


def sheet(*rows) -> BytesIO:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(list(row))
    data = BytesIO()
    workbook.save(data)
    data.seek(0)
    return data


def test_labels_with_values_beside_them():
    data = sheet(
        ["东川县城关镇2025年填报"],
        [],
        ["行政许可", None, 45],
        ["行政处罚", 12],
        ["行政强制", "2"],
        ["行政事业性收费（万元）", 3.25],
    )
    assert read_entered_figures(data) == EnteredFigures(45, 12, 2, Decimal("3.25"))


def test_a_table_of_several_bodies_picks_the_one_by_code_or_name():
    rows = [
        [
            "序号",
            "机构代码",
            "机构名称",
            "行政许可",
            "行政处罚",
            "行政强制",
            "行政事业性收费（万元）",
        ],
        [1, "QH01T01", "东川县城关镇人民政府", 45, 12, 2, "3.25"],
        [2, "QH01T02", "东川县河口镇人民政府", 8, 0, 0, 0],
    ]
    assert read_entered_figures(sheet(*rows), code="QH01T02") == EnteredFigures(8, 0, 0, Decimal(0))
    assert read_entered_figures(sheet(*rows), name="东川县城关镇人民政府").licensing == 45
    with pytest.raises(SheetError, match="表中没有“东川县东湖街道办事处”的数据"):
        read_entered_figures(sheet(*rows), code="QH01T03", name="东川县东湖街道办事处")


def test_a_single_row_table_without_body_columns():
    data = sheet(["行政许可", "行政处罚", "行政强制", "行政事业性收费"], [3, 1, 0, "0.5万元"])
    assert read_entered_figures(data) == EnteredFigures(3, 1, 0, Decimal("0.5"))


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([["行政许可", 1], ["行政处罚", 1]], "表中没有找到：行政强制、行政事业性收费"),
        (
            [["行政许可", "很多"], ["行政处罚", 1], ["行政强制", 0], ["行政事业性收费", 0]],
            "第1行“行政许可”应为非负整数，表中为“很多”",
        ),
        (
            [["行政许可", -2], ["行政处罚", 1], ["行政强制", 0], ["行政事业性收费", 0]],
            "第1行“行政许可”应为非负整数",
        ),
        (
            [["行政许可", 1], ["行政处罚", 1], ["行政强制", 0], ["行政事业性收费", "abc"]],
            "第4行：收费金额“abc”不是数字",
        ),
        ([["行政许可", "行政处罚", "行政强制"], [1, 2, 3]], "表头（第1行）没有：行政事业性收费"),
        (
            [["行政许可", "行政处罚", "行政强制", "行政事业性收费"], [1, 2, 3, 4], [5, 6, 7, 8]],
            "表中有 2 行数据",
        ),
    ],
)
def test_bad_sheets_say_what_and_where(rows, message):
    with pytest.raises(SheetError, match=message):
        read_entered_figures(sheet(*rows), name="某机关")


def test_not_a_workbook():
    with pytest.raises(SheetError, match=r"请上传 Excel（\.xlsx）文件"):
        read_entered_figures(BytesIO(b"PK\x03\x04 broken"))

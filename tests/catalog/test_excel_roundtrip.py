"""Every national catalog written in the template layout reads back to the same elements."""

import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

import gongkai
from gongkai.catalog.excel import read_catalog_workbook, write_catalog_workbook
from gongkai.rules.catalog_table import to_element

CATALOGS = sorted((Path(gongkai.__file__).parent / "data" / "catalogs").glob("*.json"))


def _items(path: Path) -> list[dict]:
    return [to_element(item) for item in json.loads(path.read_text("utf-8"))["items"]]


def _round_trip(items: list[dict]) -> list[dict]:
    data = write_catalog_workbook(
        items, title="某县标准目录", organization="某县", domain="社会救助"
    )
    (table,) = read_catalog_workbook(data, filename="export.xlsx")
    assert {row.status for row in table.rows} == {"read"}
    return table.elements


def test_every_catalog_file_is_covered():
    assert len(CATALOGS) == 26


@pytest.mark.parametrize("path", CATALOGS, ids=[p.stem for p in CATALOGS])
def test_catalog_round_trip(path):
    items = _items(path)
    assert _round_trip(items) == items


def test_third_level_items_round_trip():
    items = _items(CATALOGS[0])[:2]
    items[0]["level3"] = "城市低保"
    items[1]["level3"] = "农村低保"
    assert _round_trip(items) == items


def test_text_that_looks_like_a_formula_or_has_control_characters():
    item = _items(CATALOGS[0])[0]
    item["content"] = '=HYPERLINK("http://example.invalid","点击")'
    item["subject"] = "县民政局\x07"
    sheet = load_workbook(
        io.BytesIO(write_catalog_workbook([item], title="t", organization="o", domain="d"))
    ).active
    assert (sheet["D5"].value, sheet["D5"].data_type) == (item["content"], "s")
    assert sheet["G5"].value == "县民政局"


def test_template_layout():
    path = next(p for p in CATALOGS if p.stem == "social_assistance")
    data = write_catalog_workbook(
        _items(path),
        title="某县社会救助领域基层政务公开标准目录",
        organization="某县民政局",
        domain="社会救助",
    )
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet.title == "社会救助"
    assert sheet["A1"].value == "某县社会救助领域基层政务公开标准目录"
    assert sheet["A2"].value == "编制单位：某县民政局　　领域：社会救助"
    assert [sheet.cell(3, c).value for c in range(1, 17)] == [
        "序号", "公开事项", None, "公开内容（要素）", "公开依据", "公开时限", "公开主体",
        "公开渠道和载体", "公开对象", None, "公开方式", None, "公开层级", None, None, "备注",
    ]  # fmt: skip
    assert [sheet.cell(4, c).value for c in range(2, 4)] == ["一级事项", "二级事项"]
    assert [sheet.cell(4, c).value for c in range(9, 16)] == [
        "全社会", "特定群体", "主动", "依申请", "县级", "乡级", "村级",
    ]  # fmt: skip
    assert {str(r) for r in sheet.merged_cells.ranges} == {
        "A1:P1", "A2:P2", "A3:A4", "B3:C3", "D3:D4", "E3:E4", "F3:F4", "G3:G4", "H3:H4",
        "I3:J3", "K3:L3", "M3:O3", "P3:P4", "B5:B6", "B7:B10", "B11:B14", "B15:B17",
    }  # fmt: skip
    assert sheet["H5"].value == (
        "■政府网站 □政府公报 □两微一端 □发布会/听证会 □广播电视 □纸质媒体 ■公开查阅点 "
        "■政务服务中心 □便民服务站 □入户/现场 □社区/企事业单位/村公示栏(电子屏) □精准推送 □其他"
    )
    assert [sheet.cell(5, c).value for c in range(9, 16)] == ["√", None, "√", None, "√", "√", None]
    assert sheet["E8"].value.split("\n") == [
        "《国务院关于进一步加强和改进最低生活保障工作的意见》(国发〔2012〕45号)",
        "各地相关政策法规文件",
    ]
    assert sheet["D5"].alignment.wrap_text is True
    assert sheet["D5"].border.left.style == "thin"
    assert sheet.column_dimensions["D"].width == 36
    assert sheet.freeze_panes == "A5"
    assert sheet.print_title_rows == "$3:$4"
    assert (sheet.page_setup.orientation, sheet.page_setup.paperSize) == ("landscape", 9)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage is True


def test_level3_adds_a_sub_column():
    item = _items(CATALOGS[0])[0] | {"level3": "城市低保"}
    data = write_catalog_workbook([item], title="t", organization="", domain="")
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet.title == "标准目录"
    assert [sheet.cell(4, c).value for c in range(2, 5)] == ["一级事项", "二级事项", "三级事项"]
    assert "B3:D3" in {str(r) for r in sheet.merged_cells.ranges}
    assert sheet["D5"].value == "城市低保"

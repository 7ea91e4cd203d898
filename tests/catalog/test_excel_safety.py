"""Uploads refused before or while reading, each with a Chinese message naming the file."""

import io
import zipfile

import pytest
from openpyxl import Workbook

from gongkai.catalog import excel
from gongkai.catalog.excel import (
    MAX_UPLOAD_BYTES,
    OLE_SIGNATURE,
    CatalogFileError,
    read_catalog_workbook,
)

NAME = "民政局目录.xlsx"


def _refusal(data: bytes) -> CatalogFileError:
    with pytest.raises(CatalogFileError) as caught:
        read_catalog_workbook(data, filename=NAME)
    assert caught.value.detail
    return caught.value


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_oversized_upload():
    error = _refusal(b"PK" + b"\0" * MAX_UPLOAD_BYTES)
    assert error.message == "文件“民政局目录.xlsx”超过 20 MB，无法导入。"


def test_empty_upload():
    assert _refusal(b"").message == "文件“民政局目录.xlsx”是空文件。"


def test_encrypted_or_legacy_xls():
    error = _refusal(OLE_SIGNATURE + b"\xa1\xb1\x1a\xe1" + b"\0" * 4096)
    assert (
        error.message == "文件“民政局目录.xlsx”已加密或为旧版 .xls 格式，请另存为 .xlsx 后再导入。"
    )


def test_garbage_that_is_not_a_zip():
    error = _refusal("序号,公开事项\n1,办事指南\n".encode())
    assert error.message.startswith("文件“民政局目录.xlsx”不是 .xlsx 格式的 Excel 工作簿")


def test_a_zip_that_is_not_a_workbook():
    error = _refusal(_zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w/>"}))
    assert error.message.startswith("文件“民政局目录.xlsx”不是 Excel 工作簿")


def test_zip_bomb():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        archive.writestr("xl/workbook.xml", b"<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w") as member:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(250):
                member.write(chunk)
    data = buffer.getvalue()
    assert len(data) < 1024 * 1024
    error = _refusal(data)
    assert error.message == "文件“民政局目录.xlsx”解压后体积异常（可能是压缩炸弹），已拒绝导入。"


def test_a_corrupt_workbook_is_refused_not_crashed():
    error = _refusal(_zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<oops"}))
    assert error.message.startswith("无法打开文件“民政局目录.xlsx”")


def test_workbook_without_catalog_header_names_the_sheets():
    workbook = Workbook()
    workbook.active.title = "说明"
    workbook.active.append(["本表由民政局填报"])
    workbook.create_sheet("通讯录").append(["姓名", "电话"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    error = _refusal(buffer.getvalue())
    assert error.message == (
        "文件“民政局目录.xlsx”中没有找到政务公开事项标准目录：已查看的工作表 “说明”、“通讯录” 都没有"
        "“公开事项”“公开内容”“公开依据”“公开时限”等表头。"
    )


def test_a_merge_over_a_whole_column_is_refused_before_loading():
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["一级事项", "二级事项", "公开内容", "公开时限"])
    sheet.append(["低保", "办事指南", "条件", "及时公开"])
    # Registered without openpyxl's cell bookkeeping: the file stays tiny, as an attacker's would.
    sheet.merged_cells.add("A2:A1048576")
    buffer = io.BytesIO()
    workbook.save(buffer)
    error = _refusal(buffer.getvalue())
    assert error.message == (
        "文件“民政局目录.xlsx”的单元格过多（可能含整行或整列合并的单元格），"
        "请删除多余内容、取消大范围合并后再导入。"
    )


def test_too_many_cells_are_refused(monkeypatch):
    monkeypatch.setattr(excel, "MAX_CELLS", 30)
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["一级事项", "二级事项", "公开内容", "公开时限"])
    for n in range(10):
        sheet.append(["低保", f"事项{n}", "条件", "及时公开"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    assert _refusal(buffer.getvalue()).message.startswith("文件“民政局目录.xlsx”的单元格过多")


def test_cells_are_counted_exactly_across_read_chunks():
    sheet = b'<c r="A1" t="n"><v>1</v></c>' * 100_000 + b'<mergeCell ref="A1:B2"/>' * 50_000
    with zipfile.ZipFile(io.BytesIO(_zip({"xl/worksheets/sheet1.xml": sheet}))) as archive:
        assert excel._count_cells(archive, "xl/worksheets/sheet1.xml") == (100_000, 200_000)


def test_a_stray_value_far_below_the_table_is_refused_naming_sheet_and_row():
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "社会救助"
    sheet.append(["一级事项", "二级事项", "公开内容", "公开时限"])
    sheet.append(["低保", "办事指南", "条件", "及时公开"])
    sheet["B1048576"] = "x"
    sheet["XFD3"] = "far right, ignored"
    buffer = io.BytesIO()
    workbook.save(buffer)
    assert _refusal(buffer.getvalue()).message == (
        "文件“民政局目录.xlsx”的工作表“社会救助”第1048576行仍有内容，超过 65536 行的上限；"
        "请删除多余的行后再导入。"
    )


def test_a_stray_value_far_right_is_ignored():
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["一级事项", "二级事项", "公开内容", "公开时限"])
    sheet.append(["低保", "办事指南", "条件", "及时公开"])
    sheet["XFD2"] = "far right"
    buffer = io.BytesIO()
    workbook.save(buffer)
    (table,) = read_catalog_workbook(buffer.getvalue(), filename=NAME)
    assert [row.status for row in table.rows] == ["read"]
    assert max(table.columns.values()) == 3

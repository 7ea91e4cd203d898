"""Catalog workbooks: read an uploaded .xlsx safely into parsed tables; write the official template.

Reading checks the container before openpyxl sees it (size, encryption, zip structure, zip
bombs), resolves merged cells, and leaves the table rules to ``gongkai.rules.catalog_table``.
Writing produces the 基层政务公开事项标准目录格式模板 layout with plain openpyxl features so that
WPS, Excel and LibreOffice open it alike.
"""

from __future__ import annotations

import io
import math
import re
import zipfile
from datetime import date, datetime, time

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, MergedCell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, Side
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from gongkai.rules.catalog_table import (
    AUDIENCES,
    CHANNELS,
    LEVELS,
    MODES,
    CatalogTableError,
    ParsedTable,
    parse_catalog_grid,
)

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
MAX_COMPRESSION_RATIO = 100
# Small parts (styles, a few repeated strings) compress far beyond 100:1 without harm.
RATIO_CHECK_MIN_BYTES = 1024 * 1024
# openpyxl builds an object for every cell, merged ones included: a tiny file can ask for
# billions (one mergeCell over whole columns), so cells are counted in the XML first.
MAX_CELLS = 1_000_000
# The grid is dense: a stray value far down or right must not make it huge.
MAX_ROWS = 65_536
MAX_COLUMNS = 100
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0"
TICK = "√"


class CatalogFileError(Exception):
    """An upload that cannot be read: ``message`` for the user (Chinese), ``detail`` for the log."""

    def __init__(self, message: str, *, detail: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail or message


# --- reading ---------------------------------------------------------------------------------


def read_catalog_workbook(data: bytes, *, filename: str) -> list[ParsedTable]:
    """Every sheet of the upload that carries a catalog header, parsed row by row."""
    check_workbook_container(data, filename=filename)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=False, data_only=True)
    except Exception as exc:
        raise CatalogFileError(
            f"无法打开文件“{filename}”：文件已损坏或不是有效的 .xlsx 工作簿。",
            detail=f"openpyxl could not load {filename!r}: {type(exc).__name__}: {exc}",
        ) from exc
    tables: list[ParsedTable] = []
    looked: list[str] = []
    try:
        for sheet in workbook.worksheets:
            looked.append(sheet.title)
            grid, filled = sheet_grid(sheet, filename=filename)
            try:
                tables.append(parse_catalog_grid(grid, sheet=sheet.title, filled=filled))
            except CatalogTableError:
                continue
    finally:
        workbook.close()
    if not tables:
        names = "、".join(f"“{name}”" for name in looked) or "（无）"
        raise CatalogFileError(
            f"文件“{filename}”中没有找到政务公开事项标准目录：已查看的工作表 {names} 都没有"
            "“公开事项”“公开内容”“公开依据”“公开时限”等表头。",
            detail=f"no catalog header in {filename!r}; sheets: {looked}",
        )
    return tables


def check_workbook_container(data: bytes, *, filename: str) -> None:
    if not data:
        raise CatalogFileError(f"文件“{filename}”是空文件。", detail="empty upload")
    if len(data) > MAX_UPLOAD_BYTES:
        raise CatalogFileError(
            f"文件“{filename}”超过 {MAX_UPLOAD_BYTES // (1024 * 1024)} MB，无法导入。",
            detail=f"upload of {len(data)} bytes exceeds {MAX_UPLOAD_BYTES}",
        )
    if data.startswith(OLE_SIGNATURE):
        raise CatalogFileError(
            f"文件“{filename}”已加密或为旧版 .xls 格式，请另存为 .xlsx 后再导入。",
            detail="OLE compound file signature (encrypted OOXML or legacy .xls)",
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as exc:
        raise CatalogFileError(
            f"文件“{filename}”不是 .xlsx 格式的 Excel 工作簿，请用 Excel 或 WPS 另存为 .xlsx 后再导入。",
            detail=f"not a zip archive: {exc}",
        ) from exc
    with archive:
        members = archive.infolist()
        names = {member.filename for member in members}
        if "[Content_Types].xml" not in names or not any(
            re.fullmatch(r"xl/[^/]*workbook\d*\.xml", name) for name in names
        ):
            raise CatalogFileError(
                f"文件“{filename}”不是 Excel 工作簿（缺少工作簿内容），请确认上传的是 .xlsx 文件。",
                detail="zip lacks [Content_Types].xml or xl/workbook.xml",
            )
        # zipfile stops each member at its declared size, so declared sizes bound the work.
        total = sum(member.file_size for member in members)
        ratios = [
            member.file_size / max(member.compress_size, 1)
            for member in members
            if member.file_size >= RATIO_CHECK_MIN_BYTES
        ]
        if total > MAX_UNCOMPRESSED_BYTES or any(r > MAX_COMPRESSION_RATIO for r in ratios):
            raise CatalogFileError(
                f"文件“{filename}”解压后体积异常（可能是压缩炸弹），已拒绝导入。",
                detail=f"zip bomb guard: {total} bytes uncompressed, max ratio "
                f"{max(ratios, default=0):.0f}",
            )
        sheets = [n for n in names if re.fullmatch(r"xl/worksheets/[^/]+\.xml", n)]
        try:
            counts = [_count_cells(archive, name) for name in sheets]
        except (RuntimeError, NotImplementedError, EOFError, OSError, zipfile.BadZipFile) as exc:
            raise CatalogFileError(
                f"无法打开文件“{filename}”：文件已损坏或设置了密码。",
                detail=f"unreadable worksheet part: {type(exc).__name__}: {exc}",
            ) from exc
        cells = sum(plain for plain, _ in counts)
        merged = sum(area for _, area in counts)
        if cells + merged > MAX_CELLS:
            raise CatalogFileError(
                f"文件“{filename}”的单元格过多（可能含整行或整列合并的单元格），"
                "请删除多余内容、取消大范围合并后再导入。",
                detail=f"cell guard: {cells} cells and {merged} merged cells exceed {MAX_CELLS}",
            )


_CELL_RE = re.compile(rb"<(?:\w+:)?c[\s>/]")
_MERGE_RE = re.compile(
    rb"<(?:\w+:)?mergeCell\s[^>]*?ref=\"\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?\""
)
_SCAN_CHUNK = 1024 * 1024
_SCAN_OVERLAP = 512


def _count_cells(archive: zipfile.ZipFile, name: str) -> tuple[int, int]:
    """Cells written in a worksheet part and cells covered by its merged ranges."""
    cells = merged = 0
    tail = b""
    with archive.open(name) as part:
        while True:
            chunk = part.read(_SCAN_CHUNK)
            buffer = tail + chunk
            # Tags starting in the overlap are counted with the next chunk, never cut in two.
            cut = len(buffer) if not chunk else max(len(buffer) - _SCAN_OVERLAP, 0)
            cells += sum(1 for m in _CELL_RE.finditer(buffer) if m.start() < cut)
            for m in _MERGE_RE.finditer(buffer):
                if m.start() >= cut:
                    break
                first_col, first_row, last_col, last_row = m.groups()
                width = column_index_from_string((last_col or first_col).decode())
                width = abs(width - column_index_from_string(first_col.decode())) + 1
                merged += width * (abs(int(last_row or first_row) - int(first_row)) + 1)
            tail = buffer[cut:]
            if not chunk:
                return cells, merged


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value).replace("\r\n", "\n").replace("\r", "\n")


def sheet_grid(sheet: Worksheet, *, filename: str) -> tuple[list[list[str]], set[tuple[int, int]]]:
    """The sheet as strings from A1 to its last value, merged ranges filled from the top left.

    Returns the grid and the 0-based (row, column) cells that were filled from a merge. Values
    beyond column MAX_COLUMNS are ignored (no catalog is that wide).
    """
    values: dict[tuple[int, int], str] = {}
    # Worksheet._cells is read directly: iter_rows() would create every empty cell up to the
    # sheet's styled extent, which can reach 16,384 columns in files saved by some tools.
    for (row, column), cell in sheet._cells.items():
        text = _cell_text(cell.value)
        if column <= MAX_COLUMNS and text.strip():
            values[(row, column)] = text
    height = max((row for row, _ in values), default=0)
    width = max((column for _, column in values), default=0)
    if height > MAX_ROWS:
        raise CatalogFileError(
            f"文件“{filename}”的工作表“{sheet.title}”第{height}行仍有内容，"
            f"超过 {MAX_ROWS} 行的上限；请删除多余的行后再导入。",
            detail=f"sheet {sheet.title!r} has a value in row {height} > {MAX_ROWS}",
        )
    filled: set[tuple[int, int]] = set()
    for merged in sheet.merged_cells.ranges:
        text = values.get((merged.min_row, merged.min_col))
        if text is None:
            continue
        for row in range(merged.min_row, min(merged.max_row, height) + 1):
            for column in range(merged.min_col, min(merged.max_col, width) + 1):
                if (row, column) != (merged.min_row, merged.min_col):
                    values[(row, column)] = text
                    filled.add((row - 1, column - 1))
    grid = [[""] * width for _ in range(height)]
    for (row, column), text in values.items():
        grid[row - 1][column - 1] = text
    return grid, filled


# --- writing ---------------------------------------------------------------------------------

_TITLE_ROW, _INFO_ROW, _HEADER_ROW = 1, 2, 3
_FIRST_DATA_ROW = _HEADER_ROW + 2
_LINE_HEIGHT = 13.5
_TITLE, _INFO, _HEADER, _TEXT, _MARK = "目录标题", "目录说明", "目录表头", "目录正文", "目录勾选"


def _named_styles() -> list[NamedStyle]:
    """Named styles keep the file small and fast: one style record, not one per cell."""
    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    left = Alignment(horizontal="left", vertical="center", wrap_text=True)
    body = Font(name="宋体", size=10)
    return [
        NamedStyle(_TITLE, font=Font(name="宋体", size=16, bold=True), alignment=center),
        NamedStyle(_INFO, font=body, alignment=left),
        NamedStyle(
            _HEADER, font=Font(name="宋体", size=10, bold=True), alignment=center, border=border
        ),
        NamedStyle(_TEXT, font=body, alignment=left, border=border),
        NamedStyle(_MARK, font=body, alignment=center, border=border),
    ]


def _template_columns(with_level3: bool) -> list[tuple[str, str, str, float]]:
    """(group header, sub header or "", element key, width) per column, in template order."""
    levels = ["一级事项", "二级事项", *(["三级事项"] if with_level3 else [])]
    keys = ["level1", "level2", "level3"]
    return [
        ("序号", "", "seq", 6),
        *[("公开事项", name, key, 14) for name, key in zip(levels, keys, strict=False)],
        ("公开内容（要素）", "", "content", 36),
        ("公开依据", "", "basis", 32),
        ("公开时限", "", "time_limit", 22),
        ("公开主体", "", "subject", 20),
        ("公开渠道和载体", "", "channels", 30),
        *[("公开对象", name, f"audience:{name}", 8) for name in AUDIENCES],
        *[("公开方式", name, f"mode:{name}", 8) for name in MODES],
        *[("公开层级", name, f"levels:{name}", 6) for name in LEVELS],
        ("备注", "", "note", 18),
    ]


def write_catalog_workbook(
    items: list[dict], *, title: str, organization: str, domain: str
) -> bytes:
    """The catalog in the official template layout, as .xlsx bytes."""
    columns = _template_columns(any(item.get("level3") for item in items))
    last = get_column_letter(len(columns))
    workbook = Workbook()
    for style in _named_styles():
        workbook.add_named_style(style)
    sheet = workbook.active
    sheet.title = re.sub(r"[\[\]:*?/\\]", "", domain or "")[:31] or "标准目录"
    workbook.properties.title = title
    workbook.properties.subject = domain
    workbook.properties.creator = organization or "gongkai"

    # Merging before any cell is styled keeps openpyxl from recomputing borders per merge.
    sheet.merge_cells(f"A{_TITLE_ROW}:{last}{_TITLE_ROW}")
    sheet.merge_cells(f"A{_INFO_ROW}:{last}{_INFO_ROW}")
    _merge_header(sheet, columns)
    level1_runs = _level1_runs(items)
    for first, count in level1_runs:
        row = _FIRST_DATA_ROW + first
        sheet.merge_cells(start_row=row, start_column=2, end_row=row + count - 1, end_column=2)

    _put(sheet, _TITLE_ROW, 1, title, _TITLE)
    sheet.row_dimensions[_TITLE_ROW].height = 30
    info = [
        f"编制单位：{organization}" if organization else "",
        f"领域：{domain}" if domain else "",
    ]
    _put(sheet, _INFO_ROW, 1, "　　".join(text for text in info if text), _INFO)
    _write_header(sheet, columns)
    covered = {_FIRST_DATA_ROW + first + k for first, count in level1_runs for k in range(1, count)}
    for index, item in enumerate(items):
        row = _FIRST_DATA_ROW + index
        _write_item(sheet, row, index + 1, item, columns, level1_covered=row in covered)

    sheet.freeze_panes = f"A{_FIRST_DATA_ROW}"
    sheet.print_title_rows = f"{_HEADER_ROW}:{_HEADER_ROW + 1}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _put(sheet: Worksheet, row: int, column: int, value: object, style: str) -> None:
    cell = sheet.cell(row=row, column=column)
    cell.style = style
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    if value in ("", None) or isinstance(cell, MergedCell):
        return
    cell.value = value
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"  # text such as "=…" stays text, never a formula


def _merge_header(sheet: Worksheet, columns: list[tuple[str, str, str, float]]) -> None:
    top, sub = _HEADER_ROW, _HEADER_ROW + 1
    start = 1
    for index, (group, name, _, _) in enumerate(columns, start=1):
        if not name:
            sheet.merge_cells(start_row=top, start_column=index, end_row=sub, end_column=index)
        if index == len(columns) or columns[index][0] != group:
            if name and index > start:
                sheet.merge_cells(start_row=top, start_column=start, end_row=top, end_column=index)
            start = index + 1


def _write_header(sheet: Worksheet, columns: list[tuple[str, str, str, float]]) -> None:
    for index, (group, name, _, width) in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
        _put(sheet, _HEADER_ROW, index, group, _HEADER)
        _put(sheet, _HEADER_ROW + 1, index, name, _HEADER)
    sheet.row_dimensions[_HEADER_ROW].height = 22
    sheet.row_dimensions[_HEADER_ROW + 1].height = 30


def _cell_value(item: dict, key: str, seq: int) -> str | int:
    group, _, name = key.partition(":")
    if key == "seq":
        return seq
    if key == "basis":
        return "\n".join(item.get("basis") or [])
    if key == "channels":
        ticked = item.get("channels") or []
        extra = [channel for channel in ticked if channel not in CHANNELS]
        return " ".join(
            f"{'■' if channel in ticked else '□'}{channel}" for channel in [*CHANNELS, *extra]
        )
    if group == "audience":
        return TICK if item.get("audience") == name else ""
    if group == "mode":
        return TICK if item.get("mode") == name else ""
    if group == "levels":
        return TICK if name in (item.get("levels") or []) else ""
    return item.get(key) or ""


def _write_item(
    sheet: Worksheet,
    row: int,
    seq: int,
    item: dict,
    columns: list[tuple[str, str, str, float]],
    *,
    level1_covered: bool,
) -> None:
    lines = 1
    for index, (_, _, key, width) in enumerate(columns, start=1):
        value = _cell_value(item, key, seq)
        _put(sheet, row, index, value, _MARK if key == "seq" or ":" in key else _TEXT)
        if isinstance(value, str) and value and not (key == "level1" and level1_covered):
            # About two width units per Chinese character; wrapped lines set the row height.
            per_line = max(int(width) // 2, 1)
            parts = value.split("\n")
            lines = max(lines, sum(math.ceil(len(part) / per_line) or 1 for part in parts))
    sheet.row_dimensions[row].height = max(lines * _LINE_HEIGHT + 4, 20)


def _level1_runs(items: list[dict]) -> list[tuple[int, int]]:
    """(first index, length) of each run of two or more items sharing a non-empty 一级事项."""
    runs: list[tuple[int, int]] = []
    start = 0
    for index in range(1, len(items) + 1):
        value = items[start].get("level1") or ""
        if index < len(items) and value and (items[index].get("level1") or "") == value:
            continue
        if index - start > 1:
            runs.append((start, index - start))
        start = index
    return runs

"""Entered figures of section 二 (行政许可, 行政处罚, 行政强制, 行政事业性收费) from an Excel sheet.

Two shapes are read: a column of labels with the value beside each (行政许可 | 45), or a table
with one row per body under a header row (机构代码 | 机构名称 | 行政许可 | … | 行政事业性收费).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import BinaryIO

from openpyxl import load_workbook

from gongkai.rules import annual_report as ar

FIELDS = {
    ar.LICENSING: "licensing",
    ar.PENALTY: "penalty",
    ar.COERCION: "coercion",
    ar.S2_FEE_ROW: "fees",
}
MAX_ROWS = 5000


class SheetError(ValueError):
    """A problem with the sheet, in Chinese, naming the row."""


@dataclass(frozen=True)
class EnteredFigures:
    licensing: int
    penalty: int
    coercion: int
    fees: Decimal


def read_entered_figures(handle: BinaryIO, *, code: str = "", name: str = "") -> EnteredFigures:
    """The figures in the sheet, for the body with ``code`` or ``name`` when it lists several."""
    try:
        workbook = load_workbook(handle, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not .xlsx
        raise SheetError("无法读取该文件，请上传 Excel（.xlsx）文件。") from exc
    sheet = workbook.worksheets[0]
    rows = [
        ["" if v is None else str(v).strip() for v in row]
        for row in sheet.iter_rows(max_row=MAX_ROWS, values_only=True)
    ]
    workbook.close()
    header_at = next(
        (
            i
            for i, row in enumerate(rows)
            if sum(1 for label in FIELDS if _find(row, label) >= 0) >= 2
        ),
        None,
    )
    if header_at is None:
        return _vertical(rows)
    return _horizontal(rows, header_at, code=code, name=name)


def _find(row: list[str], label: str) -> int:
    """The column whose cell starts with ``label`` (行政事业性收费（万元） counts), or -1."""
    return next((i for i, cell in enumerate(row) if cell.replace(" ", "").startswith(label)), -1)


def _vertical(rows: list[list[str]]) -> EnteredFigures:
    values: dict[str, str] = {}
    where: dict[str, int] = {}
    for number, row in enumerate(rows, start=1):
        for label in FIELDS:
            column = _find(row, label)
            if column >= 0:
                rest = [cell for cell in row[column + 1 :] if cell]
                values[label], where[label] = (rest[0] if rest else "0"), number
    missing = [label for label in FIELDS if label not in values]
    if missing:
        raise SheetError(f"表中没有找到：{'、'.join(missing)}。")
    return _figures(values, where)


def _horizontal(rows: list[list[str]], header_at: int, *, code: str, name: str) -> EnteredFigures:
    header = rows[header_at]
    columns = {label: _find(header, label) for label in FIELDS}
    missing = [label for label, column in columns.items() if column < 0]
    if missing:
        raise SheetError(f"表头（第{header_at + 1}行）没有：{'、'.join(missing)}。")
    code_at, name_at = _find(header, "机构代码"), _find(header, "机构名称")
    body = [
        (n, row) for n, row in enumerate(rows[header_at + 1 :], start=header_at + 2) if any(row)
    ]
    if code_at >= 0 or name_at >= 0:
        body = [
            (n, row)
            for n, row in body
            if (code_at >= 0 and code and _cell(row, code_at) == code)
            or (name_at >= 0 and name and _cell(row, name_at) == name)
        ]
    if len(body) != 1:
        who = name or code
        raise SheetError(
            f"表中没有“{who}”的数据。"
            if not body
            else f"表中有 {len(body)} 行数据，无法确定“{who}”是哪一行。"
        )
    number, row = body[0]
    values = {label: _cell(row, column) or "0" for label, column in columns.items()}
    return _figures(values, dict.fromkeys(FIELDS, number))


def _cell(row: list[str], column: int) -> str:
    return row[column] if column < len(row) else ""


def _figures(values: dict[str, str], where: dict[str, int]) -> EnteredFigures:
    counts = {}
    for label in (ar.LICENSING, ar.PENALTY, ar.COERCION):
        text = values[label].replace(",", "").removesuffix(".0")
        if not text.isdigit():
            raise SheetError(f"第{where[label]}行“{label}”应为非负整数，表中为“{values[label]}”。")
        counts[FIELDS[label]] = int(text)
    try:
        fees = ar.parse_fee(values[ar.S2_FEE_ROW])
    except ValueError as exc:
        raise SheetError(f"第{where[ar.S2_FEE_ROW]}行：{exc}") from exc
    return EnteredFigures(fees=fees, **counts)

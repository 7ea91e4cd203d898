"""Excel exports of supervision lists: rankings, task breakdowns, overdue tasks, any figure list."""

from __future__ import annotations

import io
from datetime import date

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

HEADER_FONT = Font(bold=True)


def _clean(value):
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
        if value.startswith(("=", "+", "-", "@")):
            value = "'" + value  # a cell is text, never a formula
    return value


def workbook(
    title: str, columns: list[str], rows: list[list], *, widths: list[int] | None = None
) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    sheet.append([title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(columns)
    for cell in sheet[2]:
        cell.font = HEADER_FONT
    for row in rows:
        sheet.append([_clean(value) for value in row])
    for index, column in enumerate(columns, start=1):
        width = (
            (widths or [])[index - 1]
            if widths and index <= len(widths)
            else max(10, len(column) * 2 + 4)
        )
        sheet.column_dimensions[get_column_letter(index)].width = width
    for row in sheet.iter_rows(min_row=3):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A3"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def day(value: date | None) -> str:
    return f"{value:%Y-%m-%d}" if value else ""

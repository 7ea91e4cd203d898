"""The printed tables of the national format, cell by cell with their merges.

The web page and the .docx are both drawn from these tables, so they cannot disagree with each
other or with 国办公开办函〔2021〕30号 附件 (whose header cells span rows and columns as here).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from gongkai.rules.annual_report import (
    CARRIED_FORWARD,
    CARRIED_OVER,
    LAWSUIT,
    NATURAL_PERSON,
    NEW_RECEIVED,
    RESULT_TOTAL,
    RESULTS,
    S2_DECISION_COLUMN,
    S2_DOC_CAPTION,
    S2_DOC_COLUMNS,
    S2_DOC_ROWS,
    S2_ENFORCEMENT_CAPTION,
    S2_FEE_CAPTION,
    S2_FEE_COLUMN,
    S2_FEE_ROW,
    S2_LABEL_COLUMN,
    S2_LICENSING_CAPTION,
    S3_APPLICANT_GROUP,
    S3_HEADER_NOTE,
    S3_ORG_GROUP,
    S4_COLUMNS,
    S4_GROUPS,
    TOTAL,
    AnnualFigures,
    short_group,
)


@dataclass(frozen=True)
class LayoutCell:
    text: str
    colspan: int = 1
    rowspan: int = 1
    kind: str = "label"  # "head", "label" or "data"
    row: str = ""  # data cells: the row (section 四: the group) they belong to
    column: str = ""


@dataclass(frozen=True)
class LayoutTable:
    section: str
    width: int
    rows: tuple[tuple[LayoutCell, ...], ...]

    def placed(self) -> Iterator[tuple[int, int, LayoutCell]]:
        """(row, column, cell) of each cell's top-left corner in the grid."""
        taken: set[tuple[int, int]] = set()
        for r, row in enumerate(self.rows):
            c = 0
            for cell in row:
                while (r, c) in taken:
                    c += 1
                yield r, c, cell
                taken.update(
                    (r + dr, c + dc) for dr in range(cell.rowspan) for dc in range(cell.colspan)
                )
                c += cell.colspan


def format_value(value: int | Decimal | None) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{value:f}"
    return str(value)


def _head(text: str, colspan: int = 1, rowspan: int = 1) -> LayoutCell:
    return LayoutCell(text, colspan, rowspan, "head")


def _data(value, row: str, column: str, colspan: int = 1) -> LayoutCell:
    return LayoutCell(format_value(value), colspan, 1, "data", row, column)


def active_table(figures: AnnualFigures) -> LayoutTable:
    """二、主动公开政府信息情况: four captioned blocks in one four-column table."""
    active = figures.active
    rows: list[tuple[LayoutCell, ...]] = [
        (_head(S2_DOC_CAPTION, 4),),
        (_head(S2_LABEL_COLUMN), *(_head(c) for c in S2_DOC_COLUMNS)),
    ]
    for row in S2_DOC_ROWS:
        values = active.documents.get(row, {})
        rows.append((LayoutCell(row), *(_data(values.get(c), row, c) for c in S2_DOC_COLUMNS)))
    blocks = (
        (S2_LICENSING_CAPTION, S2_DECISION_COLUMN, ("行政许可",)),
        (S2_ENFORCEMENT_CAPTION, S2_DECISION_COLUMN, ("行政处罚", "行政强制")),
    )
    for caption, column, labels in blocks:
        rows += [(_head(caption, 4),), (_head(S2_LABEL_COLUMN), _head(column, 3))]
        rows += [
            (LayoutCell(label), _data(active.decisions.get(label), label, column, 3))
            for label in labels
        ]
    rows += [
        (_head(S2_FEE_CAPTION, 4),),
        (_head(S2_LABEL_COLUMN), _head(S2_FEE_COLUMN, 3)),
        (LayoutCell(S2_FEE_ROW), _data(active.fees, S2_FEE_ROW, S2_FEE_COLUMN, 3)),
    ]
    return LayoutTable("二", 4, tuple(rows))


def requests_table(figures: AnnualFigures) -> LayoutTable:
    """三、收到和处理政府信息公开申请情况: 3 label columns, then the applicant columns."""
    table = figures.requests
    columns = table.columns
    org_columns = [c for c in columns if c not in (NATURAL_PERSON, TOTAL)]

    def data(row: str) -> tuple[LayoutCell, ...]:
        return tuple(_data(table.get(row, c), row, c) for c in columns)

    rows: list[tuple[LayoutCell, ...]] = [
        (_head(S3_HEADER_NOTE, 3, 3), _head(S3_APPLICANT_GROUP, len(columns))),
        (_head(NATURAL_PERSON, 1, 2), _head(S3_ORG_GROUP, len(org_columns)), _head(TOTAL, 1, 2)),
        tuple(_head(c) for c in org_columns),
        (LayoutCell(NEW_RECEIVED, 3), *data(NEW_RECEIVED)),
        (LayoutCell(CARRIED_OVER, 3), *data(CARRIED_OVER)),
    ]
    results = table.layout.results
    groups = table.layout.groups
    seen: set[str] = set()
    for index, (group, label) in enumerate(results):
        lead = (LayoutCell(RESULTS, 1, len(results) + 1),) if index == 0 else ()
        if not group:
            rows.append((*lead, LayoutCell(label, 2), *data(label)))
        elif group not in seen:
            seen.add(group)
            rows.append(
                (*lead, LayoutCell(group, 1, len(groups[group])), LayoutCell(label), *data(label))
            )
        else:
            rows.append((LayoutCell(label), *data(label)))
    rows.append((LayoutCell(RESULT_TOTAL, 2), *data(RESULT_TOTAL)))
    rows.append((LayoutCell(CARRIED_FORWARD, 3), *data(CARRIED_FORWARD)))
    return LayoutTable("三", 3 + len(columns), tuple(rows))


def reviews_table(figures: AnnualFigures) -> LayoutTable:
    """四、政府信息公开行政复议、行政诉讼情况: 15 columns under a three-row header."""
    review, *lawsuits = S4_GROUPS
    rows = (
        (_head(review, 5), _head(LAWSUIT, 10)),
        (*(_head(c, 1, 2) for c in S4_COLUMNS), *(_head(short_group(g), 5) for g in lawsuits)),
        tuple(_head(c) for _ in lawsuits for c in S4_COLUMNS),
        tuple(_data(figures.reviews.get(g, c), g, c) for g in S4_GROUPS for c in S4_COLUMNS),
    )
    return LayoutTable("四", 15, rows)


def report_tables(figures: AnnualFigures) -> dict[str, LayoutTable]:
    return {
        "二": active_table(figures),
        "三": requests_table(figures),
        "四": reviews_table(figures),
    }

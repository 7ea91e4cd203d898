"""How the platform counts a report's figures from its records, and how figures are stored.

Plain values in, plain values out: the selectors of ``gongkai.reports`` read the rows and hand
them here, so one year of one body and a whole region are counted the same way.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from gongkai.rules.annual_report import (
    IN_FORCE,
    ISSUED,
    LAYOUT_2019,
    LAYOUT_2021,
    PENDING,
    REPEALED,
    S2_DECISION_ROWS,
    S2_DOC_COLUMNS,
    S2_DOC_ROWS,
    S3_COLUMNS,
    S4_COLUMNS,
    S4_GROUPS,
    ActiveDisclosure,
    AnnualFigures,
    RequestTable,
    ReviewTable,
    tally_reviews,
)


@dataclass(frozen=True)
class PolicyRecord:
    """One published 规章 or 行政规范性文件 as section 二 needs it."""

    row: str  # "规章" or "行政规范性文件"
    issued_on: date  # 成文日期, else the day it was published
    invalid_on: date | None  # the day it was repealed or expired; None while in force


# 国办公开办函〔2021〕30号 附件 二: 本年制发、本年废止 and 现行有效 at the end of the year.
# Expired documents count as 废止 too, so that 上年现行有效 + 制发 − 废止 = 本年现行有效 always holds.
def count_documents(records: Iterable[PolicyRecord], year: int) -> dict[str, dict[str, int | None]]:
    first, last = date(year, 1, 1), date(year, 12, 31)
    counts: dict[str, dict[str, int | None]] = {
        row: dict.fromkeys(S2_DOC_COLUMNS, 0) for row in S2_DOC_ROWS
    }
    for record in records:
        if record.row not in counts or record.issued_on > last:
            continue
        row = counts[record.row]
        if record.issued_on >= first:
            row[ISSUED] += 1  # type: ignore[operator]
        if record.invalid_on is not None and first <= record.invalid_on <= last:
            row[REPEALED] += 1  # type: ignore[operator]
        if record.invalid_on is None or record.invalid_on > last:
            row[IN_FORCE] += 1  # type: ignore[operator]
    return counts


@dataclass(frozen=True)
class CaseRecord:
    """One 行政复议 or 行政诉讼 case: its group in section 四, result and dates."""

    group: str
    result: str
    filed_on: date
    concluded_on: date | None


def count_cases(records: Iterable[CaseRecord], year: int) -> ReviewTable:
    """Cases filed in ``year``; one concluded after 31 December is still 尚未审结 for that year."""
    last = date(year, 12, 31)
    counts: Counter[tuple[str, str]] = Counter()
    for case in records:
        if case.filed_on.year != year:
            continue
        concluded = case.concluded_on is not None and case.concluded_on <= last
        counts[(case.group, case.result if concluded else PENDING)] += 1
    return tally_reviews(counts)


def sum_figures(year: int, many: Iterable[AnnualFigures]) -> AnnualFigures:
    """Cell-by-cell sum (a region's figures); cells that were not read count as 0."""
    documents = {row: dict.fromkeys(S2_DOC_COLUMNS, 0) for row in S2_DOC_ROWS}
    decisions = dict.fromkeys(S2_DECISION_ROWS, 0)
    fees = Decimal("0")
    requests = {row: dict.fromkeys(S3_COLUMNS, 0) for row in LAYOUT_2021.rows}
    reviews = {group: dict.fromkeys(S4_COLUMNS, 0) for group in S4_GROUPS}
    for figures in many:
        for row in S2_DOC_ROWS:
            source, target = figures.active.documents.get(row) or {}, documents[row]
            for column in S2_DOC_COLUMNS:
                target[column] += source.get(column) or 0
        for row in S2_DECISION_ROWS:
            decisions[row] += figures.active.decisions.get(row) or 0
        fees += figures.active.fees or 0
        for row, target in requests.items():
            source = figures.requests.cells.get(row) or {}
            for column in S3_COLUMNS:
                target[column] += source.get(column) or 0
        for group, target in reviews.items():
            source = figures.reviews.cells.get(group) or {}
            for column in S4_COLUMNS:
                target[column] += source.get(column) or 0
    return AnnualFigures(
        year=year,
        active=ActiveDisclosure(documents=documents, decisions=decisions, fees=fees),  # type: ignore[arg-type]
        requests=RequestTable(cells=requests),  # type: ignore[arg-type]
        reviews=ReviewTable(cells=reviews),  # type: ignore[arg-type]
    )


def figures_to_json(figures: AnnualFigures) -> dict[str, Any]:
    """A JSON-safe copy that ``figures_from_json`` turns back into the same figures."""
    return {
        "year": figures.year,
        "edition": figures.requests.layout.edition,
        "documents": figures.active.documents,
        "decisions": figures.active.decisions,
        "fees": None if figures.active.fees is None else f"{figures.active.fees:f}",
        "requests": figures.requests.cells,
        "request_columns": list(figures.requests.columns),
        "reviews": figures.reviews.cells,
    }


def figures_from_json(data: dict[str, Any]) -> AnnualFigures:
    layout = LAYOUT_2019 if data.get("edition") == "2019" else LAYOUT_2021
    return AnnualFigures(
        year=data["year"],
        active=ActiveDisclosure(
            documents=data["documents"],
            decisions=data["decisions"],
            fees=None if data["fees"] is None else Decimal(data["fees"]),
        ),
        requests=RequestTable(
            cells=data["requests"], columns=tuple(data["request_columns"]), layout=layout
        ),
        reviews=ReviewTable(cells=data["reviews"]),
    )

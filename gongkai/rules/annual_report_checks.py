"""The arithmetic of an annual report: each failed check names its section, row and column.

Errors block publication; warnings are shown to the editor and the supervisor.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any

from gongkai.rules.annual_report import (
    CARRIED_FORWARD,
    CARRIED_OVER,
    IN_FORCE,
    ISSUED,
    NEW_RECEIVED,
    REPEALED,
    RESULT_TOTAL,
    S2_DOC_COLUMNS,
    S2_DOC_ROWS,
    S3_APPLICANT_COLUMNS,
    S3_ORG_COLUMNS,
    S3_ORG_SUBTOTAL,
    S4_GROUPS,
    S4_OUTCOMES,
    TOTAL,
    AnnualFigures,
    publication_deadline,
    short_group,
)

Number = int | Decimal


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"

    @property
    def label(self) -> str:
        return "错误" if self is Severity.ERROR else "提示"


@dataclass(frozen=True)
class CheckResult:
    rule: str
    section: str
    row: str
    column: str
    expected: Number | str | None
    found: Number | str | None
    severity: Severity
    message: str

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["severity"] = str(self.severity)
        for key in ("expected", "found"):
            if isinstance(data[key], Decimal):
                data[key] = str(data[key])
        return data


def errors(results: Iterable[CheckResult]) -> list[CheckResult]:
    return [r for r in results if r.is_error]


def check_report(
    figures: AnnualFigures,
    *,
    previous: AnnualFigures | None = None,
    may_issue_rules: bool = True,
) -> list[CheckResult]:
    """Every check of one report; ``previous`` is the same body's report of the year before."""
    results = [*_negative_cells(figures), *_request_checks(figures), *_review_totals(figures)]
    if not may_issue_rules:
        results += _rules_by_non_issuer(figures)
    if previous is not None:
        results += carry_over_checks(previous, figures)
    return results


def carry_over_checks(previous: AnnualFigures, figures: AnnualFigures) -> list[CheckResult]:
    """Last year's 现行有效件数 and 结转下年度 carried into this year (warnings)."""
    return _in_force_carry(previous, figures) + _requests_carry(previous, figures)


def _sum(values: Iterable[int | None]) -> int | None:
    values = list(values)
    return None if None in values else sum(values)  # type: ignore[arg-type]


def _has_negative(figures: AnnualFigures) -> bool:
    """A quick look before building a result per negative cell (most reports have none)."""
    rows = [
        *figures.active.documents.values(),
        figures.active.decisions,
        *figures.requests.cells.values(),
        *figures.reviews.cells.values(),
    ]
    fees = figures.active.fees
    return (fees is not None and fees < 0) or any(
        value is not None and value < 0 for row in rows for value in row.values()
    )


def _negative_cells(figures: AnnualFigures) -> list[CheckResult]:
    if not _has_negative(figures):
        return []
    return [
        CheckResult(
            "non_negative",
            cell.section,
            cell.row,
            cell.column,
            0,
            cell.value,
            Severity.ERROR,
            f"{cell.section}、“{cell.row}”行“{cell.column}”列：数字不能为负数（填了 {cell.value}）。",
        )
        for cell in figures.cells()
        if cell.value is not None and cell.value < 0
    ]


def _request_checks(figures: AnnualFigures) -> list[CheckResult]:
    table = figures.requests
    rows = {row: table.cells.get(row) or {} for row in table.layout.rows}
    results: list[CheckResult] = []
    # 国办公开办函〔2021〕30号 附件 三: 总计 is the sum of the applicant columns of its row.
    for row, values in rows.items():
        expected = _sum(values.get(c) for c in S3_APPLICANT_COLUMNS)
        found = values.get(TOTAL)
        if expected is not None and found is not None and expected != found:
            results.append(
                CheckResult(
                    "T3_total_col",
                    "三",
                    row,
                    TOTAL,
                    expected,
                    found,
                    Severity.ERROR,
                    f"三、“{row}”行“总计”列：应为自然人与法人或其他组织各列之和 {expected}，"
                    f"实为 {found}。",
                )
            )
        if S3_ORG_SUBTOTAL in table.columns:
            expected = _sum(values.get(c) for c in S3_ORG_COLUMNS)
            found = values.get(S3_ORG_SUBTOTAL)
            if expected is not None and found is not None and expected != found:
                results.append(
                    CheckResult(
                        "T3_org_subtotal",
                        "三",
                        row,
                        S3_ORG_SUBTOTAL,
                        expected,
                        found,
                        Severity.ERROR,
                        f"三、“{row}”行“法人或其他组织 小计”列：应为五类组织之和 {expected}，"
                        f"实为 {found}。",
                    )
                )
    result_rows = [rows[row] for row in table.layout.result_rows]
    for column in table.columns:
        results += _column_checks(figures, column, rows, result_rows)
    return results


def _column_checks(
    figures: AnnualFigures,
    column: str,
    rows: dict[str, dict[str, int | None]],
    result_rows: list[dict[str, int | None]],
) -> list[CheckResult]:
    table = figures.requests
    results: list[CheckResult] = []
    expected = _sum(values.get(column) for values in result_rows)
    found = rows[RESULT_TOTAL].get(column)
    if expected is not None and found is not None and expected != found:
        results.append(
            CheckResult(
                "T3_total_row",
                "三",
                RESULT_TOTAL,
                column,
                expected,
                found,
                Severity.ERROR,
                f"三、“（七）总计”行“{column}”列：应为（一）至（六）各项办理结果之和 {expected}，"
                f"实为 {found}。",
            )
        )
    for group, members in table.layout.groups.items():
        found = table.get(group, column)  # only when a report carries a subtotal row
        if found is None:
            continue
        expected = _sum(rows[row].get(column) for row in members)
        if expected is not None and expected != found:
            results.append(
                CheckResult(
                    "T3_group_total",
                    "三",
                    group,
                    column,
                    expected,
                    found,
                    Severity.ERROR,
                    f"三、“{group}”行“{column}”列：应为其下各项之和 {expected}，实为 {found}。",
                )
            )
    # 国办公开办函〔2021〕30号 附件 三 表头: 第一项加第二项之和，等于第三项加第四项之和.
    received = _sum([rows[NEW_RECEIVED].get(column), rows[CARRIED_OVER].get(column)])
    handled = _sum([rows[RESULT_TOTAL].get(column), rows[CARRIED_FORWARD].get(column)])
    if received is not None and handled is not None and received != handled:
        results.append(
            CheckResult(
                "T3_balance",
                "三",
                CARRIED_FORWARD,
                column,
                received,
                handled,
                Severity.ERROR,
                f"三、“{column}”列勾稽关系不成立：第一项加第二项之和为 {received}，"
                f"第三项（七）总计加第四项“结转下年度继续办理”之和为 {handled}，两者应相等。",
            )
        )
    return results


def _review_totals(figures: AnnualFigures) -> list[CheckResult]:
    results = []
    for group in S4_GROUPS:
        expected = _sum(figures.reviews.get(group, o) for o in S4_OUTCOMES)
        found = figures.reviews.get(group, TOTAL)
        if expected is not None and found is not None and expected != found:
            results.append(
                CheckResult(
                    "T4_row_totals",
                    "四",
                    group,
                    TOTAL,
                    expected,
                    found,
                    Severity.ERROR,
                    f"四、“{short_group(group)}”的“总计”：应为结果维持、结果纠正、其他结果、"
                    f"尚未审结之和 {expected}，实为 {found}。",
                )
            )
    return results


def _rules_by_non_issuer(figures: AnnualFigures) -> list[CheckResult]:
    # 《立法法》第九十一条、第九十三条: only 国务院部门 and 省级、设区的市级人民政府 make 规章.
    row = figures.active.documents.get("规章", {})
    return [
        CheckResult(
            "T2_rules_issuer",
            "二",
            "规章",
            column,
            0,
            row[column],
            Severity.WARNING,
            f"二、“规章”行“{column}”列：本机关不是规章制定机关（只有国务院部门和省、自治区、"
            f"直辖市、设区的市、自治州人民政府可以制定规章），却填报了 {row[column]} 件，请核实。",
        )
        for column in S2_DOC_COLUMNS
        if row.get(column)
    ]


def _in_force_carry(previous: AnnualFigures, figures: AnnualFigures) -> list[CheckResult]:
    results = []
    for row in S2_DOC_ROWS:
        before = previous.active.documents.get(row, {}).get(IN_FORCE)
        now = figures.active.documents.get(row, {})
        if None in (before, now.get(ISSUED), now.get(REPEALED), now.get(IN_FORCE)):
            continue
        expected = before + now[ISSUED] - now[REPEALED]
        if expected != now[IN_FORCE]:
            results.append(
                CheckResult(
                    "T2_in_force_change",
                    "二",
                    row,
                    IN_FORCE,
                    expected,
                    now[IN_FORCE],
                    Severity.WARNING,
                    f"二、“{row}”行“现行有效件数”列：{previous.year}年现行有效 {before} 件，"
                    f"加本年制发 {now[ISSUED]} 件、减本年废止 {now[REPEALED]} 件应为 {expected} 件，"
                    f"实为 {now[IN_FORCE]} 件。",
                )
            )
    return results


def _requests_carry(previous: AnnualFigures, figures: AnnualFigures) -> list[CheckResult]:
    results = []
    for column in figures.requests.columns:
        expected = previous.requests.get(CARRIED_FORWARD, column)
        found = figures.requests.get(CARRIED_OVER, column)
        if expected is None or found is None or expected == found:
            continue
        results.append(
            CheckResult(
                "cross_year",
                "三",
                CARRIED_OVER,
                column,
                expected,
                found,
                Severity.WARNING,
                f"三、“二、上年结转政府信息公开申请数量”行“{column}”列：应等于{previous.year}年"
                f"报告“四、结转下年度继续办理”的 {expected}，实为 {found}。",
            )
        )
    return results


@dataclass(frozen=True)
class DeadlineStatus:
    deadline: date
    days_left: int  # negative once late
    late: bool


# 《政府信息公开条例》第四十九条: the report on year N is published by 31 January of N+1.
def deadline_status(
    year: int,
    *,
    today: date,
    published_on: date | None = None,
    government_report: bool = False,
) -> DeadlineStatus:
    deadline = publication_deadline(year, government_report=government_report)
    day = published_on or today
    return DeadlineStatus(deadline, (deadline - today).days, day > deadline)


def check_deadline(
    year: int,
    *,
    today: date,
    published_on: date | None = None,
    government_report: bool = False,
    soon_days: int = 15,
) -> CheckResult | None:
    """A warning when the report is late, or unpublished with ``soon_days`` or fewer left."""
    status = deadline_status(
        year, today=today, published_on=published_on, government_report=government_report
    )
    when = f"{status.deadline.month}月{status.deadline.day}日"
    if published_on is not None:
        if not status.late:
            return None
        late_by = (published_on - status.deadline).days
        message = f"{year}年度报告应于{status.deadline.year}年{when}前公布，实际晚了 {late_by} 天。"
    elif status.late:
        message = f"{year}年度报告应于{status.deadline.year}年{when}前公布，已逾期 {-status.days_left} 天。"
    elif status.days_left <= soon_days:
        message = (
            f"{year}年度报告须在{status.deadline.year}年{when}前公布，还剩 {status.days_left} 天。"
        )
    else:
        return None
    return CheckResult(
        "deadline",
        "",
        "",
        "",
        status.deadline.isoformat(),
        (published_on or today).isoformat(),
        Severity.WARNING,
        message,
    )

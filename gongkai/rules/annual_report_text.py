"""The validator for any published annual report: its tables read back from flattened text.

``parse_report_text`` finds the sections and the rows of the national format by their labels,
reads the numbers after each label whatever the layout (see ``annual_report_cells``), notices a
report still laid out in the superseded 2019 format, and records every reading problem as a
check result. ``validate`` adds the arithmetic of ``annual_report_checks``; ``check_series``
follows one body over several years.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import pairwise

from gongkai.rules.annual_report import (
    LAYOUT_2019,
    LAYOUT_2021,
    S2_DECISION_COLUMN,
    S2_DOC_COLUMNS,
    S2_FEE_COLUMN,
    S2_FEE_ROW,
    S3_COLUMNS,
    S3_ORG_COLUMNS,
    S3_ORG_GROUP,
    S3_ORG_SUBTOTAL,
    S4_COLUMNS,
    S4_GROUPS,
    SECTION_TITLES,
    ActiveDisclosure,
    AnnualFigures,
    RequestLayout,
    RequestTable,
    ReviewTable,
    short_group,
)
from gongkai.rules.annual_report_cells import (
    compact,
    label_pattern,
    normalize,
    read_cells,
    to_value,
)
from gongkai.rules.annual_report_checks import (
    CheckResult,
    Severity,
    carry_over_checks,
    check_report,
)
from gongkai.rules.annual_report_issuer import rules_barrier

# Distinctive words of each row label of section 三, in the order of the format.
_S3_CORES_2021 = (
    ("本年新收", False),
    ("上年结转", False),
    ("予以公开", False),
    ("部分公开", False),
    ("属于国家秘密", False),
    ("其他法律行政法规禁止公开", False),
    ("危及", False),
    ("保护第三方合法权益", False),
    ("三类内部事务", False),
    ("四类过程性信息", False),
    ("行政执法案卷", False),
    ("行政查询事项", False),
    ("不掌握", False),
    ("没有现成信息", False),
    ("补正后申请内容仍不明确", False),
    ("信访举报投诉", False),
    ("重复申请", False),
    ("公开出版物", False),
    ("大量反复申请", False),
    ("确认或重新出具", False),
    ("逾期不补正", False),
    ("收费通知", False),
    ("其他", True),
    ("总计", False),
    ("结转下年度", False),
)
_S3_CORES_2019 = (*_S3_CORES_2021[:20], ("其他处理", False), *_S3_CORES_2021[23:])
# (core, label in the 2021 format, cells, caption that precedes it)
_S2_ROWS = (
    ("规章", "规章", 3, "一"),
    ("规范性文件", "行政规范性文件", 3, ""),
    ("行政许可", "行政许可", 1, "五"),
    ("行政处罚", "行政处罚", 1, "六"),
    ("行政强制", "行政强制", 1, ""),
    ("行政事业性收费", S2_FEE_ROW, 1, "八"),
)
_CAPTION = re.compile(
    r"第\s*[二两]?\s*十\s*条\s*第\s*\(?\s*([0-9一二三四五六七八九十]+)\s*\)?\s*项"
)
_ARABIC = {"1": "一", "5": "五", "6": "六", "8": "八"}
_SECTION_CORES = {
    "二": r"主动公开政府信息",
    "三": r"收到和处理政府信息公开申请",
    "四": r"行政复议.{0,8}行政诉讼",
    "五": r"存在的?主要问题",
    "六": r"其他需要报告的事项",
}
_SECTION_FALLBACKS = {"二": r"第\s*二\s*十\s*条", "三": r"申请人情况|本年新收", "四": r"行政复议"}
_MARKERS_2019 = ("新制作数量", "新公开数量", "对外公开总数量", "上一年项目数量")
_S4_HEADER = re.compile(
    r"结\s*果\s*维\s*持|结\s*果\s*纠\s*正|其\s*他\s*结\s*果|尚\s*未\s*审\s*结|总\s*计"
    r"|未经复议直接起诉|复议后起诉|行政复议|行政诉讼"
)


@dataclass
class ParsedReport:
    source: str
    title: str
    organization: str
    year: int | None
    edition: str  # "2021" or "2019": the format the tables are laid out in
    figures: AnnualFigures
    issues: list[CheckResult] = field(default_factory=list)

    @property
    def rules_barrier(self) -> str | None:
        return rules_barrier(self.organization or self.title)


def _issue(rule: str, section: str, row: str, message: str, **kw) -> CheckResult:
    severity = kw.pop("severity", Severity.ERROR)
    return CheckResult(
        rule,
        section,
        row,
        kw.get("column", ""),
        kw.get("expected"),
        kw.get("found"),
        severity,
        message,
    )


def parse_report_text(
    text: str, *, source: str = "", organization: str | None = None, year: int | None = None
) -> ParsedReport:
    t = normalize(text)
    title = _title(t)
    year = year or _year(title, t)
    organization = organization or _organization(title)
    captions = {
        _ARABIC.get(m.group(1), m.group(1)): m.end() for m in reversed(list(_CAPTION.finditer(t)))
    }
    t = _CAPTION.sub(lambda m: " " * len(m.group(0)), t)
    regions = _regions(t)
    issues: list[CheckResult] = []
    s2_text = compact(t[slice(*regions["二"])])
    s3_text = compact(t[slice(*regions["三"])])
    old_s2 = any(marker in s2_text for marker in _MARKERS_2019)
    old_s3 = "其他处理" in s3_text and "逾期不补正" not in s3_text and "收费通知" not in s3_text
    edition = "2019" if old_s2 or old_s3 else "2021"
    if edition == "2019":
        issues.append(_format_issue(year))
    active = _read_active(t, regions["二"], captions, issues, skip=old_s2)
    layout = LAYOUT_2019 if old_s3 else LAYOUT_2021
    requests = _read_requests(t, regions["三"], layout, issues)
    reviews = _read_reviews(t, regions["四"], issues)
    figures = AnnualFigures(year=year or 0, active=active, requests=requests, reviews=reviews)
    return ParsedReport(source, title, organization, year, edition, figures, issues)


def validate(report: ParsedReport, *, previous: ParsedReport | None = None) -> list[CheckResult]:
    """Reading problems, then the arithmetic of the format."""
    return report.issues + check_report(
        report.figures,
        previous=previous.figures if previous else None,
        may_issue_rules=report.rules_barrier is None,
    )


def check_series(reports: Iterable[ParsedReport]) -> list[tuple[ParsedReport, CheckResult]]:
    """Carry-over from one year to the next for each body among ``reports``."""
    by_body: dict[str, list[ParsedReport]] = {}
    for report in reports:
        if report.year:
            by_body.setdefault(report.organization, []).append(report)
    found: list[tuple[ParsedReport, CheckResult]] = []
    for reports_of_body in by_body.values():
        reports_of_body.sort(key=lambda r: r.year or 0)
        for before, after in pairwise(reports_of_body):
            if after.year == before.year:
                message = f"{after.organization}{after.year}年度报告出现了两份（{before.source}、{after.source}）。"
                found.append(
                    (after, _issue("duplicate_year", "", "", message, severity=Severity.WARNING))
                )
            elif after.year == (before.year or 0) + 1:
                found += [(after, r) for r in carry_over_checks(before.figures, after.figures)]
    return found


def _format_issue(year: int | None) -> CheckResult:
    # 国办公开办函〔2021〕30号 replaced the 2019 format (国办公开办函〔2019〕60号) from the 2021 reports on.
    late = year is None or year >= 2021
    message = (
        "该报告的表格仍是已废止的2019年格式（国办公开办函〔2019〕60号，如“本年新制作数量”"
        "“对外公开总数量”等栏目）"
        + (
            "，2021年度起的报告应使用国办公开办函〔2021〕30号格式。"
            if late
            else "，2020年度及以前的报告使用该格式是当时的要求。"
        )
    )
    return _issue(
        "format_2019", "二", "", message, severity=Severity.ERROR if late else Severity.WARNING
    )


def _title(t: str) -> str:
    lines = [line.strip(" #*|") for line in t[:3000].split("\n") if line.strip(" #*|")]
    for index, line in enumerate(lines[:15]):
        if "年度报告" in line or "年报" in line:
            # a title wrapped over two lines (PDF): "…2024年政府信息公开工" + "作年度报告"
            if index and not re.search(r"20\d\d", line) and re.search(r"20\d\d", lines[index - 1]):
                return lines[index - 1] + line
            return line
    return lines[0] if lines else ""


def _year(title: str, t: str) -> int | None:
    for pattern, text in (
        (r"(20\d\d)\s*年", title),
        (r"统计期限[^0-9]{0,6}(20\d\d)\s*年", t),
        (r"(20\d\d)\s*年度", t),
    ):
        if m := re.search(pattern, text):
            return int(m.group(1))
    return None


def _organization(title: str) -> str:
    name = re.sub(r"(?:关于)?20\d\d\s*年度?", "", title)
    name = re.sub(r"(?:政府)?信息公开(?:工作)?(?:年度报告|年报).*$", "", name)
    return name.strip(" ：:")


def _regions(t: str) -> dict[str, tuple[int, int]]:
    starts: dict[str, int] = {}
    position = 0
    for no, core in _SECTION_CORES.items():
        found = _section_title(t, core, position)
        if found is None and no in _SECTION_FALLBACKS:
            m = re.compile(_SECTION_FALLBACKS[no]).search(t, position)
            found = m.start() if m else None
        if found is not None:
            starts[no] = position = found
    ordered = sorted(starts.items(), key=lambda item: item[1])
    regions = {}
    for index, (no, start) in enumerate(ordered):
        end = ordered[index + 1][1] if index + 1 < len(ordered) else len(t)
        regions[no] = (start, end)
    for no in ("二", "三", "四"):
        regions.setdefault(no, (0, 0))
    return regions


def _section_title(t: str, core: str, start: int) -> int | None:
    """A title line: the core within the first few characters of a short line."""
    for m in re.finditer(core, t[start:]):
        at = start + m.start()
        line_start = t.rfind("\n", 0, at) + 1
        line_end = t.find("\n", at)
        line = t[line_start : line_end if line_end >= 0 else len(t)]
        if at - line_start <= 14 and len(line.strip()) <= 60:
            return line_start
    return None


def _rows(
    t: str, region: tuple[int, int], cores: Iterable[tuple[str, bool, int]]
) -> list[tuple[int, int] | None]:
    """Start and end of each row label found in order; None for a row not found."""
    found: list[tuple[int, int] | None] = []
    position = region[0]
    for core, numbered, not_before in cores:
        m = label_pattern(core, numbered=numbered).search(t, max(position, not_before), region[1])
        found.append((m.start(), m.end()) if m else None)
        if m:
            position = m.end()
    return found


def _spans(t: str, anchors: list[tuple[int, int] | None], end: int) -> list[str | None]:
    spans: list[str | None] = []
    for index, anchor in enumerate(anchors):
        if anchor is None:
            spans.append(None)
            continue
        following = [a[0] for a in anchors[index + 1 :] if a is not None]
        spans.append(t[anchor[1] : following[0] if following else end])
    return spans


def _read_row(
    span: str | None, labels: tuple[str, str], columns: tuple[str, ...], issues: list, **kw
) -> dict[str, int | Decimal | None]:
    section, row = labels
    if span is None:
        issues.append(_issue("read_missing_row", section, row, f"{section}、未找到“{row}”行。"))
        return dict.fromkeys(columns)
    cells, seen = read_cells(span, len(columns))
    if cells is None:
        message = f"{section}、“{row}”行应有 {len(columns)} 个数字，读到 {seen} 个。"
        issues.append(
            _issue("read_cell_count", section, row, message, expected=len(columns), found=seen)
        )
        return dict.fromkeys(columns)
    values: dict[str, int | Decimal | None] = {}
    for column, cell in zip(columns, cells, strict=True):
        value = to_value(cell)
        if isinstance(value, Decimal) and not kw.get("decimal"):
            message = f"{section}、“{row}”行“{column}”列应为整数，读到 {value}。"
            issues.append(_issue("read_not_integer", section, row, message, column=column))
            value = None
        values[column] = value
    return values


def _read_active(t, region, captions, issues, *, skip: bool) -> ActiveDisclosure:
    if skip or region[1] <= region[0]:
        if not skip:
            issues.append(_missing_section("二"))
        return ActiveDisclosure(
            documents={row: dict.fromkeys(S2_DOC_COLUMNS) for _, row, _, _ in _S2_ROWS[:2]},
            decisions={row: None for _, row, _, _ in _S2_ROWS[2:5]},
            fees=None,
        )
    cores = [(core, False, captions.get(cap, 0)) for core, _, _, cap in _S2_ROWS]
    spans = _spans(t, _rows(t, region, cores), region[1])
    rows = {}
    for (_, label, count, _), span in zip(_S2_ROWS, spans, strict=True):
        if count == 3:
            columns: tuple[str, ...] = S2_DOC_COLUMNS
        else:
            columns = (S2_FEE_COLUMN if label == S2_FEE_ROW else S2_DECISION_COLUMN,)
        rows[label] = _read_row(span, ("二", label), columns, issues, decimal=label == S2_FEE_ROW)
    fee = rows[S2_FEE_ROW][S2_FEE_COLUMN]
    return ActiveDisclosure(
        documents={label: rows[label] for _, label, _, _ in _S2_ROWS[:2]},  # type: ignore[misc]
        decisions={label: rows[label][S2_DECISION_COLUMN] for _, label, _, _ in _S2_ROWS[2:5]},  # type: ignore[misc]
        fees=None if fee is None else Decimal(fee),
    )


def _read_requests(t, region, layout: RequestLayout, issues) -> RequestTable:
    cores = _S3_CORES_2019 if layout is LAYOUT_2019 else _S3_CORES_2021
    if region[1] <= region[0]:
        issues.append(_missing_section("三"))
        return RequestTable(
            cells={row: dict.fromkeys(S3_COLUMNS) for row in layout.rows}, layout=layout
        )
    anchors = _rows(t, region, [(core, numbered, 0) for core, numbered in cores])
    first = next((a[0] for a in anchors if a is not None), region[1])
    columns = _header_columns(t[region[0] : first], issues)
    spans = _spans(t, anchors, region[1])
    cells = {
        row: _read_row(span, ("三", row), columns, issues)
        for row, span in zip(layout.rows, spans, strict=True)
    }
    ordered = tuple(
        c
        for c in (*S3_COLUMNS[:1], *S3_ORG_COLUMNS, S3_ORG_SUBTOTAL, S3_COLUMNS[-1])
        if c in columns
    )
    return RequestTable(
        cells={row: {c: values[c] for c in ordered} for row, values in cells.items()},  # type: ignore[misc]
        columns=ordered,
        layout=layout,
    )


def _header_columns(header: str, issues: list) -> tuple[str, ...]:
    """The column order of section 三 as its header shows it (the format's when unreadable)."""
    h = compact(header)
    masked = h.replace(S3_ORG_GROUP, "#" * len(S3_ORG_GROUP))
    position = {label: masked.find(label) for label in (*S3_COLUMNS, S3_ORG_SUBTOTAL)}
    if any(position[label] < 0 for label in S3_COLUMNS):
        return S3_COLUMNS
    subs = sorted(
        (c for c in (*S3_ORG_COLUMNS, S3_ORG_SUBTOTAL) if position[c] >= 0), key=position.get
    )
    group_at = h.find(S3_ORG_GROUP)
    if group_at >= 0:
        top = sorted(
            [(position["自然人"], ["自然人"]), (group_at, subs), (position["总计"], ["总计"])]
        )
        columns = tuple(c for _, labels in top for c in labels)
    else:
        columns = tuple(sorted((c for c in position if position[c] >= 0), key=position.get))
    standard = tuple(c for c in (*S3_COLUMNS[:6], S3_ORG_SUBTOTAL, S3_COLUMNS[6]) if c in columns)
    if columns != standard:
        message = (
            f"三、表头的列顺序（{'、'.join(columns)}）与国家格式不同，已按表头顺序读取，请核对。"
        )
        issues.append(_issue("read_column_order", "三", "", message, severity=Severity.WARNING))
    return columns


def _read_reviews(t, region, issues) -> ReviewTable:
    empty = ReviewTable(cells={group: dict.fromkeys(S4_COLUMNS) for group in S4_GROUPS})
    if region[1] <= region[0]:
        issues.append(_missing_section("四"))
        return empty
    headers = list(_S4_HEADER.finditer(t, region[0], region[1]))
    start = headers[-1].end() if headers else region[0]
    keys = [(group, column) for group in S4_GROUPS for column in S4_COLUMNS]
    columns = tuple(f"{short_group(group)}·{column}" for group, column in keys)
    values = _read_row(t[start : region[1]], ("四", "行政复议、行政诉讼"), columns, issues)
    cells: dict[str, dict[str, int | None]] = {group: {} for group in S4_GROUPS}
    for (group, column), label in zip(keys, columns, strict=True):
        cells[group][column] = values[label]  # type: ignore[assignment]
    return ReviewTable(cells=cells)


def _missing_section(no: str) -> CheckResult:
    message = f"未找到第{no}部分（{SECTION_TITLES[no]}）的表格。"
    return _issue("read_missing_section", no, "", message)

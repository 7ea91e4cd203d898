"""政府信息公开工作年度报告: the tables of the national format as plain data.

Every row and column is keyed by its exact label in 国办公开办函〔2021〕30号 (a test compares them
with ``gongkai/data/annual_report_format.json``). The arithmetic checks are in
``annual_report_checks``; the reader of published reports is in ``annual_report_text``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import cached_property
from typing import Any

# 国办公开办函〔2021〕30号 附件 二: tables of 条例第二十条第（一）（五）（六）（八）项.
S2_DOC_CAPTION = "第二十条第（一）项"
S2_DOC_ROWS = ("规章", "行政规范性文件")
S2_DOC_COLUMNS = ("本年制发件数", "本年废止件数", "现行有效件数")
ISSUED, REPEALED, IN_FORCE = S2_DOC_COLUMNS
S2_DECISION_COLUMN = "本年处理决定数量"
S2_LICENSING_CAPTION = "第二十条第（五）项"
S2_ENFORCEMENT_CAPTION = "第二十条第（六）项"
S2_FEE_CAPTION = "第二十条第（八）项"
LICENSING, PENALTY, COERCION = "行政许可", "行政处罚", "行政强制"
S2_DECISION_ROWS = (LICENSING, PENALTY, COERCION)
S2_FEE_ROW = "行政事业性收费"
S2_FEE_COLUMN = "本年收费金额（单位：万元）"
S2_LABEL_COLUMN = "信息内容"

# 国办公开办函〔2021〕30号 附件 三: 25 rows x 7 applicant columns.
S3_APPLICANT_GROUP = "申请人情况"
S3_ORG_GROUP = "法人或其他组织"
NATURAL_PERSON, TOTAL = "自然人", "总计"
S3_ORG_COLUMNS = ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")
S3_APPLICANT_COLUMNS = (NATURAL_PERSON, *S3_ORG_COLUMNS)
S3_COLUMNS = (*S3_APPLICANT_COLUMNS, TOTAL)
# Not in the national format, but some provinces add it; checked when a report carries it.
S3_ORG_SUBTOTAL = "小计"
S3_HEADER_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

NEW_RECEIVED = "一、本年新收政府信息公开申请数量"
CARRIED_OVER = "二、上年结转政府信息公开申请数量"
RESULTS = "三、本年度办理结果"
RESULT_TOTAL = "（七）总计"
CARRIED_FORWARD = "四、结转下年度继续办理"
DENIED, UNABLE, NOT_PROCESSED, OTHER_HANDLING = (
    "（三）不予公开",
    "（四）无法提供",
    "（五）不予处理",
    "（六）其他处理",
)
_RESULTS_2021: tuple[tuple[str, str], ...] = (
    ("", "（一）予以公开"),
    ("", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    (DENIED, "1.属于国家秘密"),
    (DENIED, "2.其他法律行政法规禁止公开"),
    (DENIED, "3.危及“三安全一稳定”"),
    (DENIED, "4.保护第三方合法权益"),
    (DENIED, "5.属于三类内部事务信息"),
    (DENIED, "6.属于四类过程性信息"),
    (DENIED, "7.属于行政执法案卷"),
    (DENIED, "8.属于行政查询事项"),
    (UNABLE, "1.本机关不掌握相关政府信息"),
    (UNABLE, "2.没有现成信息需要另行制作"),
    (UNABLE, "3.补正后申请内容仍不明确"),
    (NOT_PROCESSED, "1.信访举报投诉类申请"),
    (NOT_PROCESSED, "2.重复申请"),
    (NOT_PROCESSED, "3.要求提供公开出版物"),
    (NOT_PROCESSED, "4.无正当理由大量反复申请"),
    (NOT_PROCESSED, "5.要求行政机关确认或重新出具已获取信息"),
    (
        OTHER_HANDLING,
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    ),
    (
        OTHER_HANDLING,
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    ),
    (OTHER_HANDLING, "3.其他"),
)
# 国办公开办函〔2019〕60号 (superseded): （六）其他处理 was one row without sub-rows.
_RESULTS_2019 = (*_RESULTS_2021[:18], ("", OTHER_HANDLING))


@dataclass(frozen=True)
class RequestLayout:
    """The rows of section 三 in one edition of the format."""

    edition: str
    doc_no: str
    results: tuple[tuple[str, str], ...]  # (group label or "", row label)

    @cached_property
    def result_rows(self) -> tuple[str, ...]:
        return tuple(label for _, label in self.results)

    @cached_property
    def rows(self) -> tuple[str, ...]:
        return (NEW_RECEIVED, CARRIED_OVER, *self.result_rows, RESULT_TOTAL, CARRIED_FORWARD)

    @cached_property
    def groups(self) -> dict[str, tuple[str, ...]]:
        found: dict[str, list[str]] = {}
        for group, label in self.results:
            if group:
                found.setdefault(group, []).append(label)
        return {group: tuple(labels) for group, labels in found.items()}


LAYOUT_2021 = RequestLayout("2021", "国办公开办函〔2021〕30号", _RESULTS_2021)
LAYOUT_2019 = RequestLayout("2019", "国办公开办函〔2019〕60号", _RESULTS_2019)

# 国办公开办函〔2021〕30号 附件 四: 行政复议 and two kinds of 行政诉讼, 5 columns each.
REVIEW = "行政复议"
LAWSUIT = "行政诉讼"
LAWSUIT_DIRECT = "行政诉讼 / 未经复议直接起诉"
LAWSUIT_AFTER_REVIEW = "行政诉讼 / 复议后起诉"
S4_GROUPS = (REVIEW, LAWSUIT_DIRECT, LAWSUIT_AFTER_REVIEW)
UPHELD, CORRECTED, OTHER_OUTCOME, PENDING = "结果维持", "结果纠正", "其他结果", "尚未审结"
S4_OUTCOMES = (UPHELD, CORRECTED, OTHER_OUTCOME, PENDING)
S4_COLUMNS = (*S4_OUTCOMES, TOTAL)

SECTION_TITLES = {
    "一": "总体情况",
    "二": "主动公开政府信息情况",
    "三": "收到和处理政府信息公开申请情况",
    "四": "政府信息公开行政复议、行政诉讼情况",
    "五": "存在的主要问题及改进情况",
    "六": "其他需要报告的事项",
}


def short_group(group: str) -> str:
    """``行政诉讼 / 复议后起诉`` → ``复议后起诉``: the label printed in the table."""
    return group.rsplit(" / ", 1)[-1]


@dataclass
class ActiveDisclosure:
    """二、主动公开政府信息情况."""

    documents: dict[str, dict[str, int | None]]
    decisions: dict[str, int | None]
    fees: Decimal | None  # 万元


@dataclass
class RequestTable:
    """三、收到和处理政府信息公开申请情况: row label → column label → count."""

    cells: dict[str, dict[str, int | None]]
    columns: tuple[str, ...] = S3_COLUMNS
    layout: RequestLayout = LAYOUT_2021

    def get(self, row: str, column: str) -> int | None:
        return self.cells.get(row, {}).get(column)


@dataclass
class ReviewTable:
    """四、政府信息公开行政复议、行政诉讼情况: group → column label → count."""

    cells: dict[str, dict[str, int | None]]

    def get(self, group: str, column: str) -> int | None:
        return self.cells.get(group, {}).get(column)


@dataclass
class AnnualFigures:
    """The numbers of one organization's report for one year."""

    year: int
    active: ActiveDisclosure
    requests: RequestTable
    reviews: ReviewTable
    texts: dict[str, str] = field(default_factory=dict)  # section 一/五/六 → text

    def cells(self) -> Iterator[Cell]:
        """Every number, in the order of the printed tables."""
        for row in S2_DOC_ROWS:
            for column in S2_DOC_COLUMNS:
                yield Cell("二", row, column, self.active.documents.get(row, {}).get(column))
        for row in S2_DECISION_ROWS:
            yield Cell("二", row, S2_DECISION_COLUMN, self.active.decisions.get(row))
        yield Cell("二", S2_FEE_ROW, S2_FEE_COLUMN, self.active.fees)
        for row in self.requests.layout.rows:
            for column in self.requests.columns:
                yield Cell("三", row, column, self.requests.get(row, column))
        for group in S4_GROUPS:
            for column in S4_COLUMNS:
                yield Cell("四", group, column, self.reviews.get(group, column))

    def as_dict(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "format": self.requests.layout.doc_no,
            "二": {
                "第二十条第（一）项": self.active.documents,
                "第二十条第（五）（六）项": self.active.decisions,
                "第二十条第（八）项": {
                    S2_FEE_ROW: None if self.active.fees is None else f"{self.active.fees:f}"
                },
            },
            "三": self.requests.cells,
            "四": self.reviews.cells,
        }


@dataclass(frozen=True)
class Cell:
    section: str
    row: str
    column: str
    value: int | Decimal | None


def zero_figures(year: int, *, layout: RequestLayout = LAYOUT_2021) -> AnnualFigures:
    """A report of a body that did nothing reportable: every cell 0."""
    return AnnualFigures(
        year=year,
        active=ActiveDisclosure(
            documents={row: dict.fromkeys(S2_DOC_COLUMNS, 0) for row in S2_DOC_ROWS},
            decisions=dict.fromkeys(S2_DECISION_ROWS, 0),
            fees=Decimal("0"),
        ),
        requests=RequestTable(
            cells={row: dict.fromkeys(S3_COLUMNS, 0) for row in layout.rows}, layout=layout
        ),
        reviews=ReviewTable(cells={group: dict.fromkeys(S4_COLUMNS, 0) for group in S4_GROUPS}),
    )


def request_table_from_mapping(mapping: Mapping) -> RequestTable:
    """Section 三 from ``{row: {column: n}}`` or ``{(row, column): n}``; unknown labels refused."""
    cells: dict[str, dict[str, int | None]] = {
        row: dict.fromkeys(S3_COLUMNS, 0) for row in LAYOUT_2021.rows
    }
    for key, value in mapping.items():
        pairs = value.items() if isinstance(value, Mapping) else [(key[1], value)]
        row = key if isinstance(value, Mapping) else key[0]
        for column, number in pairs:
            if row not in cells or column not in S3_COLUMNS:
                raise ValueError(f"年度报告第三部分没有“{row}”行“{column}”列。")
            cells[row][column] = int(number)
    return RequestTable(cells=cells)


def tally_reviews(outcomes: Mapping[tuple[str, str], int]) -> ReviewTable:
    """Section 四 from counts by (group, outcome); each 总计 is the sum of its outcomes."""
    cells: dict[str, dict[str, int | None]] = {}
    for group in S4_GROUPS:
        row: dict[str, int | None] = {o: int(outcomes.get((group, o), 0)) for o in S4_OUTCOMES}
        row[TOTAL] = sum(v or 0 for v in row.values())
        cells[group] = row
    unknown = [key for key in outcomes if key[0] not in S4_GROUPS or key[1] not in S4_OUTCOMES]
    if unknown:
        raise ValueError(f"年度报告第四部分没有“{unknown[0][0]}”“{unknown[0][1]}”栏。")
    return ReviewTable(cells=cells)


def with_totals(table: RequestTable) -> RequestTable:
    """Fill each row's 总计 and the （七）总计 row from their parts (for figures counted here)."""
    cells = {row: dict(values) for row, values in table.cells.items()}
    for values in cells.values():
        values[TOTAL] = sum(values.get(c) or 0 for c in S3_APPLICANT_COLUMNS)
    cells[RESULT_TOTAL] = {
        column: sum(cells.get(row, {}).get(column) or 0 for row in table.layout.result_rows)
        for column in table.columns
    }
    return RequestTable(cells=cells, columns=table.columns, layout=table.layout)


def parse_fee(text: str) -> Decimal:
    """万元 as typed by staff: ``12.5``, ``１２．５``, ``12.50万元``."""
    cleaned = text.strip().translate(_FULL_WIDTH).removesuffix("万元").replace(",", "").strip()
    try:
        value = Decimal(cleaned or "0")
    except InvalidOperation as exc:
        raise ValueError(f"收费金额“{text}”不是数字。") from exc
    if value < 0 or not value.is_finite():
        raise ValueError(f"收费金额“{text}”不能为负数。")
    return plain_amount(value)


def plain_amount(value: Decimal) -> Decimal:
    """万元 to four places at most, without trailing zeros or an exponent: 10.0000 → 10."""
    value = Decimal(value).quantize(Decimal("0.0001"))
    return value.quantize(Decimal(1)) if value == value.to_integral() else value.normalize()


_FULL_WIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")

# 《政府信息公开条例》第四十九条: 1月31日 for every body; 3月31日 for a county-or-higher 本级政府 report.
BODY_DEADLINE = (1, 31)
GOVERNMENT_DEADLINE = (3, 31)


def publication_deadline(year: int, *, government_report: bool = False) -> date:
    """The day by which the report on ``year`` must be published."""
    month, day = GOVERNMENT_DEADLINE if government_report else BODY_DEADLINE
    return date(year + 1, month, day)


def days_until_deadline(year: int, *, today: date, government_report: bool = False) -> int:
    """Calendar days left (negative once late)."""
    return (publication_deadline(year, government_report=government_report) - today).days

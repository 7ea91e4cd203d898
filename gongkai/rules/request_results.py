"""Applicant types and handling results of disclosure requests, as the annual report counts them.

Labels are exactly those of section 三 of 国办公开办函〔2021〕30号 (the national annual-report
format); the articles are those of 《政府信息公开条例》(国务院令第711号) a reply letter cites.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

REGULATION = "《中华人民共和国政府信息公开条例》"


class ApplicantType(StrEnum):
    """申请人情况: the columns of section 三."""

    NATURAL_PERSON = "natural_person"
    COMMERCIAL = "commercial"
    RESEARCH = "research"
    PUBLIC_WELFARE = "public_welfare"
    LEGAL_SERVICE = "legal_service"
    OTHER_ORG = "other_org"

    @property
    def label(self) -> str:
        return _APPLICANT_LABELS[self]

    @property
    def is_organization(self) -> bool:
        return self is not ApplicantType.NATURAL_PERSON


# 国办公开办函〔2021〕30号 section 三: 自然人; 法人或其他组织 (five kinds); 总计.
_APPLICANT_LABELS = {
    ApplicantType.NATURAL_PERSON: "自然人",
    ApplicantType.COMMERCIAL: "商业企业",
    ApplicantType.RESEARCH: "科研机构",
    ApplicantType.PUBLIC_WELFARE: "社会公益组织",
    ApplicantType.LEGAL_SERVICE: "法律服务机构",
    ApplicantType.OTHER_ORG: "其他",
}
ORGANIZATION_GROUP = "法人或其他组织"
TOTAL_COLUMN = "总计"


class Group(StrEnum):
    GRANTED = "（一）予以公开"
    PARTIAL = "（二）部分公开"
    DENIED = "（三）不予公开"
    UNABLE = "（四）无法提供"
    NOT_PROCESSED = "（五）不予处理"
    OTHER = "（六）其他处理"


@dataclass(frozen=True)
class ResultType:
    key: str
    row_key: str  # the row's key in annual_report_format.json
    label: str  # the row's label, exactly
    group: Group
    short: str  # how a letter or a list names it
    articles: tuple[str, ...]  # cited in the reply letter; empty: staff must write the basis
    provides_information: bool = False
    needs_reasons: bool = True  # the letter must state the reasons (第三十六条第（三）项 etc.)

    @property
    def full_label(self) -> str:
        """The row with its group: （三）不予公开 1.属于国家秘密."""
        return (
            self.label if self.label.startswith(self.group.value) else f"{self.group} {self.label}"
        )


def _r(key, row_key, label, group, short, articles, **kw) -> ResultType:
    return ResultType(key, row_key, label, group, short, tuple(articles), **kw)


# 《政府信息公开条例》第三十六条 to 第三十九条 and 国办公开办函〔2021〕30号: the handling results.
RESULT_TYPES: tuple[ResultType, ...] = (
    _r("granted", "r_granted", "（一）予以公开", Group.GRANTED, "予以公开",
       ["第三十六条第（二）项"], provides_information=True, needs_reasons=False),
    _r("partial", "r_partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
       Group.PARTIAL, "部分公开", ["第三十七条"], provides_information=True),
    _r("denied_state_secret", "r_denied_1", "1.属于国家秘密", Group.DENIED,
       "不予公开（属于国家秘密）", ["第十四条", "第三十六条第（三）项"]),
    _r("denied_prohibited", "r_denied_2", "2.其他法律行政法规禁止公开", Group.DENIED,
       "不予公开（其他法律行政法规禁止公开）", ["第十四条", "第三十六条第（三）项"]),
    _r("denied_security", "r_denied_3", "3.危及“三安全一稳定”", Group.DENIED,
       "不予公开（危及“三安全一稳定”）", ["第十四条", "第三十六条第（三）项"]),
    _r("denied_third_party", "r_denied_4", "4.保护第三方合法权益", Group.DENIED,
       "不予公开（保护第三方合法权益）", ["第十五条", "第三十二条", "第三十六条第（三）项"]),
    _r("denied_internal", "r_denied_5", "5.属于三类内部事务信息", Group.DENIED,
       "不予公开（内部事务信息）", ["第十六条第一款", "第三十六条第（三）项"]),
    _r("denied_process", "r_denied_6", "6.属于四类过程性信息", Group.DENIED,
       "不予公开（过程性信息）", ["第十六条第二款", "第三十六条第（三）项"]),
    _r("denied_enforcement", "r_denied_7", "7.属于行政执法案卷", Group.DENIED,
       "不予公开（行政执法案卷）", ["第十六条第二款", "第三十六条第（三）项"]),
    _r("denied_query", "r_denied_8", "8.属于行政查询事项", Group.DENIED,
       "不予公开（行政查询事项）", ["第三十六条第（三）项"]),
    _r("unable_not_held", "r_unable_1", "1.本机关不掌握相关政府信息", Group.UNABLE,
       "无法提供（本机关不掌握）", ["第三十六条第（四）项"], needs_reasons=False),
    _r("unable_needs_creation", "r_unable_2", "2.没有现成信息需要另行制作", Group.UNABLE,
       "无法提供（需另行制作）", ["第三十八条"], needs_reasons=False),
    _r("unable_unclear", "r_unable_3", "3.补正后申请内容仍不明确", Group.UNABLE,
       "无法提供（补正后仍不明确）", ["第三十条"], needs_reasons=False),
    _r("notproc_complaint", "r_notproc_1", "1.信访举报投诉类申请", Group.NOT_PROCESSED,
       "不予处理（信访举报投诉类）", ["第三十九条第一款"], needs_reasons=False),
    _r("notproc_repeat", "r_notproc_2", "2.重复申请", Group.NOT_PROCESSED,
       "不予处理（重复申请）", ["第三十六条第（六）项"], needs_reasons=False),
    _r("notproc_publication", "r_notproc_3", "3.要求提供公开出版物", Group.NOT_PROCESSED,
       "不予处理（公开出版物）", ["第三十九条第二款"]),
    _r("notproc_excessive", "r_notproc_4", "4.无正当理由大量反复申请", Group.NOT_PROCESSED,
       "不予处理（无正当理由大量反复申请）", ["第三十五条"]),
    _r("notproc_confirmation", "r_notproc_5", "5.要求行政机关确认或重新出具已获取信息",
       Group.NOT_PROCESSED, "不予处理（要求确认或重新出具已获取信息）", []),
    _r("other_no_correction", "r_other_1",
       "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", Group.OTHER,
       "其他处理（逾期不补正）", ["第三十条"], needs_reasons=False),
    _r("other_unpaid_fee", "r_other_2",
       "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
       Group.OTHER, "其他处理（逾期未缴费）",
       ["第四十二条", "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"], needs_reasons=False),
    _r("other", "r_other_3", "3.其他", Group.OTHER, "其他处理", []),
)  # fmt: skip
RESULTS: dict[str, ResultType] = {r.key: r for r in RESULT_TYPES}

# 国办公开办函〔2021〕30号 section 三: the other rows of the table.
ROW_NEW = "一、本年新收政府信息公开申请数量"
ROW_CARRIED_OVER = "二、上年结转政府信息公开申请数量"
ROW_RESULTS_PARENT = "三、本年度办理结果"
ROW_RESULTS_TOTAL = "（七）总计"
ROW_CARRIED_FORWARD = "四、结转下年度继续办理"

# 《中华人民共和国行政复议法》(2023年修订)第二十条: review within 60 days of knowing the act;
# 《中华人民共和国行政诉讼法》第四十六条: suit within 6 months.
REVIEW_DAYS = 60
LAWSUIT_MONTHS = 6


def result_type(key: str) -> ResultType:
    try:
        return RESULTS[key]
    except KeyError:
        raise ValueError(f"未知的办理结果类型：{key}") from None


def cite(articles: Iterable[str]) -> str:
    """《中华人民共和国政府信息公开条例》第三十七条、第三十六条第（三）项 (other instruments as given)."""
    own = [a for a in articles if a.startswith("第")]
    other = [a for a in articles if not a.startswith("第")]
    parts = [REGULATION + "、".join(own)] if own else []
    return "，".join(parts + other)


def default_basis(key: str, *, referred: bool = False) -> str:
    """The citation a letter uses unless staff write their own ('' when none applies by default)."""
    result = result_type(key)
    articles = result.articles
    # 《政府信息公开条例》第三十六条第（五）项: not this body's information, the competent body named.
    if key == "unable_not_held" and referred:
        articles = ("第三十六条第（五）项",)
    return cite(articles)


def row_labels() -> list[str]:
    """The 25 row labels of section 三, in the order of the table."""
    return [
        ROW_NEW,
        ROW_CARRIED_OVER,
        *(r.label for r in RESULT_TYPES),
        ROW_RESULTS_TOTAL,
        ROW_CARRIED_FORWARD,
    ]


def column_labels() -> list[str]:
    """The 7 column labels of section 三, in the order of the table."""
    return [t.label for t in ApplicantType] + [TOTAL_COLUMN]


@dataclass(frozen=True)
class Tally:
    """One request as section 三 counts it for a year: which rows it falls in."""

    applicant: ApplicantType
    new: bool
    carried_over: bool
    result: str | None  # key of the result reached in the year
    carried_forward: bool


def tally(
    *,
    applicant: ApplicantType,
    received: date,
    concluded: date | None,
    result: str | None,
    year: int,
) -> Tally | None:
    """Where a request counts in ``year``'s table (None: not at all); ``concluded`` = day replied."""
    # 国办公开办函〔2021〕30号: the statistical period is 1 January to 31 December of the year.
    first, last = date(year, 1, 1), date(year, 12, 31)
    if received > last or (concluded is not None and concluded < first):
        return None
    done = concluded is not None and concluded <= last
    if done and result is None:
        raise ValueError("已办结的申请必须有办理结果")
    return Tally(
        applicant=ApplicantType(applicant),
        new=received >= first,
        carried_over=received < first,
        result=result if done else None,
        carried_forward=not done,
    )


def section_three(tallies: Iterable[Tally]) -> dict[str, dict[str, int]]:
    """{row label: {column label: count}} for section 三, totals included."""
    columns = column_labels()
    table = {row: dict.fromkeys(columns, 0) for row in row_labels()}

    def add(row: str, applicant: ApplicantType) -> None:
        table[row][applicant.label] += 1
        table[row][TOTAL_COLUMN] += 1

    for t in tallies:
        if t.new:
            add(ROW_NEW, t.applicant)
        if t.carried_over:
            add(ROW_CARRIED_OVER, t.applicant)
        if t.result is not None:
            add(result_type(t.result).label, t.applicant)
            add(ROW_RESULTS_TOTAL, t.applicant)
        if t.carried_forward:
            add(ROW_CARRIED_FORWARD, t.applicant)
    return table


def balance_errors(table: dict[str, dict[str, int]]) -> list[str]:
    """Columns that break 一 + 二 = 三（七）+ 四 (the official check of the format)."""
    # 国办公开办函〔2021〕30号: 第一项加第二项之和，等于第三项加第四项之和.
    return [
        f"“{column}”列：新收 {table[ROW_NEW][column]} + 上年结转 {table[ROW_CARRIED_OVER][column]}"
        f" ≠ 办理结果总计 {table[ROW_RESULTS_TOTAL][column]}"
        f" + 结转下年度 {table[ROW_CARRIED_FORWARD][column]}"
        for column in column_labels()
        if table[ROW_NEW][column] + table[ROW_CARRIED_OVER][column]
        != table[ROW_RESULTS_TOTAL][column] + table[ROW_CARRIED_FORWARD][column]
    ]

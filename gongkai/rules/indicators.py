"""Supervision arithmetic: which items are blank, stale or late, and the score of a body.

Plain values in, plain values out. The facts about a body (its catalog items, publications,
policies, requests, annual report) are gathered by the caller; this module decides what counts as
a failure on a given day and turns failures into points with an indicator set (weights that add
up to 100, a method per indicator, thresholds). Each score carries its deductions, so that it
explains itself: the points of an indicator plus its deductions always make its weight.
"""

from __future__ import annotations

import calendar as _calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache

from gongkai.rules import timeliness
from gongkai.rules.workdays import HolidayCalendar, add_workdays

TOTAL_WEIGHT = 100
PASS_MARK = 60


class ItemKind(StrEnum):
    """What a catalog item publishes, for how often it must be updated."""

    NEWS = "news"  # 动态、要闻类
    NOTICE = "notice"  # 通知公告类
    POLICY = "policy"  # 政策文件类


ITEM_KIND_LABELS = {
    ItemKind.NEWS: "动态要闻类",
    ItemKind.NOTICE: "通知公告类",
    ItemKind.POLICY: "政策文件类",
}
_KIND_WORDS = (
    (ItemKind.NEWS, re.compile(r"动态|要闻|新闻|工作信息|工作进展")),
    (ItemKind.NOTICE, re.compile(r"通知|公告|公示|通告")),
    (ItemKind.POLICY, re.compile(r"政策|文件|法规|规章|规范性")),
)


@lru_cache(maxsize=4096)
def item_kind(*names: str) -> ItemKind | None:
    """The kind of a catalog item from its names (一级/二级/三级事项), the most specific first."""
    for name in reversed([n for n in names if n]):
        for kind, pattern in _KIND_WORDS:
            if pattern.search(name):
                return kind
    return None


@dataclass(frozen=True)
class FreshnessWindows:
    # 国办秘函〔2019〕19号 栏目不更新: 动态、要闻类 2 weeks; 通知公告、政策文件类 6 months.
    news_days: int = 14
    notice_months: int = 6
    policy_months: int = 6


def months_before(day: date, months: int) -> date:
    """The same day ``months`` calendar months earlier, clamped to the month's end (8-31 → 2-28)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    last = _calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def window_start(kind: ItemKind, *, as_of: date, windows: FreshnessWindows) -> date:
    """The earliest publication day that still counts as an update on ``as_of``."""
    if kind == ItemKind.NEWS:
        return as_of - timedelta(days=windows.news_days)
    months = windows.notice_months if kind == ItemKind.NOTICE else windows.policy_months
    return months_before(as_of, months)


# --- facts -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemFact:
    item_id: int
    label: str
    kind: ItemKind | None
    last_published: date | None
    published_count: int


@dataclass(frozen=True)
class PublicationFact:
    document_id: int
    title: str
    item_label: str
    formed_on: date  # 形成或者变更之日
    published_on: date
    time_limit_days: int | None  # the item's 公开时限 in working days; None: the regulation's 20


@dataclass(frozen=True)
class PolicyFact:
    document_id: int
    title: str
    published_on: date
    interpreted_on: date | None  # first publication of a linked 政策解读


@dataclass(frozen=True)
class RequestFact:
    request_id: int
    label: str
    received_on: date
    due_on: date
    closed_on: date | None


@dataclass(frozen=True)
class ReportFact:
    year: int
    deadline: date
    published_on: date | None


@dataclass(frozen=True)
class OrgFacts:
    applicable: int = 0
    adopted: int = 0
    missing_items: tuple[str, ...] = ()
    items: tuple[ItemFact, ...] = ()
    publications: tuple[PublicationFact, ...] = ()
    policies: tuple[PolicyFact, ...] = ()
    requests: tuple[RequestFact, ...] = ()
    report: ReportFact | None = None


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # the day the period is assessed on

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end


# --- failures on a day -------------------------------------------------------------------------


def blank_items(items: Iterable[ItemFact]) -> list[ItemFact]:
    """Items with nothing published (空白)."""
    return [item for item in items if item.published_count == 0]


def stale_items(
    items: Iterable[ItemFact], *, as_of: date, windows: FreshnessWindows
) -> list[ItemFact]:
    """Items published before but not within their window; a publication on the window's first day counts."""
    return [
        item
        for item in items
        if item.kind is not None
        and item.last_published is not None
        and item.last_published < window_start(item.kind, as_of=as_of, windows=windows)
    ]


@dataclass(frozen=True)
class Lateness:
    fact: PublicationFact
    due_on: date
    workdays_late: int


_cached_add_workdays = lru_cache(maxsize=65_536)(add_workdays)


@lru_cache(maxsize=65_536)
def _deadline(formed_on: date, limit: int, calendar: HolidayCalendar) -> timeliness.Deadline:
    # Many publications share a forming day and a limit; a province has a million of them.
    return timeliness.deadline(formed_on=formed_on, limit_working_days=limit, calendar=calendar)


def lateness(fact: PublicationFact, *, calendar: HolidayCalendar) -> Lateness | None:
    """How late a publication was against its item's limit (the regulation's when it has none).

    Late means published after the due day by at least one working day, as ``rules.timeliness``
    counts it for the documents area, so that both pages agree.
    """
    limit = timeliness.effective_limit([fact.time_limit_days])
    due = _deadline(fact.formed_on, limit, calendar)
    if fact.published_on <= due.due_on:
        return None
    result = timeliness.assess(due=due, published_on=fact.published_on, calendar=calendar)
    if result.on_time:
        return None
    return Lateness(fact=fact, due_on=due.due_on, workdays_late=result.working_days_late)


def late_publications(
    facts: Iterable[PublicationFact], *, period: Period, calendar: HolidayCalendar
) -> list[Lateness]:
    found = (lateness(f, calendar=calendar) for f in facts if f.published_on in period)
    return [late for late in found if late is not None]


@dataclass(frozen=True)
class MissingInterpretation:
    fact: PolicyFact
    due_on: date


def missing_interpretations(
    policies: Iterable[PolicyFact],
    *,
    period: Period,
    calendar: HolidayCalendar,
    workdays: int = 3,
) -> list[MissingInterpretation]:
    """Policies of the period not interpreted within ``workdays`` working days of publication.

    A policy whose interpretation may still come in time (the due day not passed) is not counted.
    """
    found = []
    for policy in policies:
        if policy.published_on not in period:
            continue
        due = _cached_add_workdays(policy.published_on, workdays, calendar=calendar).day
        late = policy.interpreted_on > due if policy.interpreted_on else period.end > due
        if late:
            found.append(MissingInterpretation(fact=policy, due_on=due))
    return found


def overdue_requests(requests: Iterable[RequestFact], *, period: Period) -> list[RequestFact]:
    """Requests still open after their due day, or closed after it within the period.

    # 《政府信息公开条例》第三十三条: the due day itself is still in time.
    """
    return [
        r
        for r in requests
        if period.end > r.due_on
        and (r.closed_on is None or (r.closed_on > r.due_on and r.closed_on >= period.start))
    ]


def open_requests(requests: Iterable[RequestFact], *, as_of: date) -> list[RequestFact]:
    return [
        r
        for r in requests
        if r.received_on <= as_of and (r.closed_on is None or r.closed_on > as_of)
    ]


@dataclass(frozen=True)
class ReportStatus:
    code: str  # "on_time" | "late" | "missing" | "not_due"
    label: str


def report_status(report: ReportFact | None, *, as_of: date) -> ReportStatus:
    """# 《政府信息公开条例》第四十九条: departments by 1月31日, governments by 3月31日."""
    if report is None:
        return ReportStatus("not_due", "无需报送")
    if report.published_on is not None and report.published_on <= as_of:
        if report.published_on <= report.deadline:
            return ReportStatus("on_time", "按时公布")
        return ReportStatus("late", "逾期公布")
    if as_of > report.deadline:
        return ReportStatus("missing", "逾期未公布")
    return ReportStatus("not_due", "未到期限")


# --- indicator sets ----------------------------------------------------------------------------


class Method(StrEnum):
    RATIO = "ratio"  # points = weight × done ÷ expected
    DEDUCT = "deduct"  # weight minus per_item for each failure, down to 0 (扣完为止)
    REPORT = "report"  # full when on time, late_share of it when late, 0 when missing


@dataclass(frozen=True)
class IndicatorDefinition:
    code: str
    name: str
    method: Method
    explains: str


INDICATORS: dict[str, IndicatorDefinition] = {
    d.code: d
    for d in (
        IndicatorDefinition(
            "catalog_coverage", "目录编制", Method.RATIO, "已编制事项占本级适用标准事项的比例"
        ),
        IndicatorDefinition("blank_items", "空白事项", Method.DEDUCT, "目录事项无任何已发布信息"),
        IndicatorDefinition("stale_items", "更新不及时", Method.DEDUCT, "事项在规定周期内未更新"),
        IndicatorDefinition(
            "late_publications", "发布超时限", Method.DEDUCT, "信息晚于事项公开时限发布"
        ),
        IndicatorDefinition(
            "policy_interpretation",
            "政策解读",
            Method.DEDUCT,
            "政策文件发布后规定工作日内未发布解读",
        ),
        IndicatorDefinition(
            "overdue_requests", "依申请公开", Method.DEDUCT, "政府信息公开申请逾期未答复"
        ),
        IndicatorDefinition("annual_report", "年度报告", Method.REPORT, "年度报告按期公布"),
    )
}


@dataclass(frozen=True)
class IndicatorSpec:
    code: str
    weight: float
    per_item: float = 0.0  # DEDUCT: points lost per failure
    veto_at: int | None = None  # failures from which the whole score is vetoed (单项否决)
    params: dict = field(default_factory=dict)

    @property
    def definition(self) -> IndicatorDefinition:
        return INDICATORS[self.code]

    def as_dict(self) -> dict:
        return {
            "code": self.code,
            "weight": self.weight,
            "per_item": self.per_item,
            "veto_at": self.veto_at,
            "params": dict(self.params),
        }

    @classmethod
    def from_dict(cls, data: dict) -> IndicatorSpec:
        return cls(
            code=str(data["code"]),
            weight=float(data["weight"]),
            per_item=float(data.get("per_item") or 0),
            veto_at=int(data["veto_at"]) if data.get("veto_at") not in (None, "") else None,
            params=dict(data.get("params") or {}),
        )


# The default set (weights add up to 100). Thresholds: 国办秘函〔2019〕19号 (2 weeks, 6 months,
# 扣完为止, 60 to pass); 《政府信息公开条例》第二十六、三十三、四十九条; interpretation within 3 working
# days of the policy, as the issue of this platform's supervisors asks (政策解读与文件同步).
DEFAULT_INDICATORS: tuple[IndicatorSpec, ...] = (
    IndicatorSpec("catalog_coverage", 20),
    IndicatorSpec("blank_items", 15, per_item=1),
    IndicatorSpec(
        "stale_items",
        15,
        per_item=2,
        params={"news_days": 14, "notice_months": 6, "policy_months": 6},
    ),
    IndicatorSpec("late_publications", 15, per_item=1),
    IndicatorSpec("policy_interpretation", 10, per_item=2, params={"workdays": 3}),
    IndicatorSpec("overdue_requests", 15, per_item=5),
    IndicatorSpec("annual_report", 10, params={"late_share": 0.5}),
)

_INT_PARAMS = {"news_days", "notice_months", "policy_months", "workdays"}


def check_indicator_set(specs: Iterable[IndicatorSpec]) -> list[str]:
    """Why a set cannot be used (empty when it can): the weights must add up to 100."""
    specs = list(specs)
    problems: list[str] = []
    seen: set[str] = set()
    for spec in specs:
        if spec.code not in INDICATORS:
            problems.append(f"未知指标“{spec.code}”。")
            continue
        name = INDICATORS[spec.code].name
        if spec.code in seen:
            problems.append(f"指标“{name}”重复。")
        seen.add(spec.code)
        if spec.weight < 0:
            problems.append(f"指标“{name}”的权重不能为负数。")
        if INDICATORS[spec.code].method == Method.DEDUCT and spec.per_item <= 0:
            problems.append(f"指标“{name}”的每项扣分应大于0。")
        if spec.veto_at is not None and spec.veto_at < 1:
            problems.append(f"指标“{name}”的单项否决阈值应为正整数。")
        for key, value in spec.params.items():
            if key in _INT_PARAMS and (not isinstance(value, int) or value < 1):
                problems.append(f"指标“{name}”的参数“{key}”应为正整数。")
            if key == "late_share" and not (isinstance(value, int | float) and 0 <= value <= 1):
                problems.append(f"指标“{name}”的逾期得分比例应在0到1之间。")
    total = round(sum(spec.weight for spec in specs), 6)
    if total != TOTAL_WEIGHT:
        problems.append(f"各指标权重之和为 {total:g}，应为 {TOTAL_WEIGHT}。")
    return problems


# --- scores ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Deduction:
    label: str
    points: float
    ref: str = ""  # what the label is about: "item:12", "document:3", "request:5"


@dataclass(frozen=True)
class IndicatorResult:
    code: str
    name: str
    weight: float
    points: float
    failures: int
    deductions: tuple[Deduction, ...]
    veto: bool = False
    note: str = ""


@dataclass(frozen=True)
class Score:
    total: float
    passed: bool
    grade: str
    vetoed_by: tuple[str, ...]
    indicators: tuple[IndicatorResult, ...]


def _points(value: float) -> float:
    return round(value + 0.0, 2)


def _deduct(spec: IndicatorSpec, failures: list[tuple[str, str]]) -> IndicatorResult:
    """Each failure costs per_item until the weight is spent (扣完为止); later ones cost 0."""
    left = spec.weight
    deductions = []
    for label, ref in failures:
        lost = _points(min(spec.per_item, left))
        left = _points(left - lost)
        deductions.append(Deduction(label=label, points=lost, ref=ref))
    veto = spec.veto_at is not None and len(failures) >= spec.veto_at
    return IndicatorResult(
        code=spec.code,
        name=spec.definition.name,
        weight=spec.weight,
        points=left,
        failures=len(failures),
        deductions=tuple(deductions),
        veto=veto,
        note=f"达到单项否决阈值（{spec.veto_at}项）" if veto else "",
    )


def _coverage(spec: IndicatorSpec, facts: OrgFacts) -> IndicatorResult:
    missing = list(facts.missing_items)
    expected = max(facts.applicable, facts.adopted + len(missing))
    share = _points(spec.weight / expected) if expected else 0.0
    deductions = tuple(
        Deduction(label=f"未编制：{name}", points=share, ref="missing") for name in missing
    )
    lost = _points(sum(d.points for d in deductions))
    return IndicatorResult(
        code=spec.code,
        name=spec.definition.name,
        weight=spec.weight,
        points=_points(max(spec.weight - lost, 0)),
        failures=len(missing),
        deductions=deductions,
        note=f"已编制 {facts.adopted}/{expected} 项" if expected else "本级无适用标准事项",
    )


def _report(spec: IndicatorSpec, facts: OrgFacts, as_of: date) -> IndicatorResult:
    status = report_status(facts.report, as_of=as_of)
    share = {"on_time": 1.0, "not_due": 1.0, "late": float(spec.params.get("late_share", 0.5))}
    points = _points(spec.weight * share.get(status.code, 0.0))
    lost = _points(spec.weight - points)
    year = facts.report.year if facts.report else as_of.year - 1
    deductions = (Deduction(label=f"{year}年度报告{status.label}", points=lost, ref="report"),)
    return IndicatorResult(
        code=spec.code,
        name=spec.definition.name,
        weight=spec.weight,
        points=points,
        failures=int(lost > 0),
        deductions=deductions if lost else (),
        note=status.label,
    )


def _day(day: date) -> str:
    return f"{day.month}月{day.day}日"


def score(
    specs: Iterable[IndicatorSpec], facts: OrgFacts, *, period: Period, calendar: HolidayCalendar
) -> Score:
    """The score of one body for one period, indicator by indicator, each with its deductions."""
    results = []
    for spec in specs:
        params = spec.params
        if spec.code == "catalog_coverage":
            results.append(_coverage(spec, facts))
            continue
        if spec.code == "annual_report":
            results.append(_report(spec, facts, period.end))
            continue
        if spec.code == "blank_items":
            failures = [(f"空白：{i.label}", f"item:{i.item_id}") for i in blank_items(facts.items)]
        elif spec.code == "stale_items":
            windows = FreshnessWindows(
                **{k: v for k, v in params.items() if k in FreshnessWindows.__dataclass_fields__}
            )
            failures = [
                (
                    f"未及时更新：{i.label}（最近发布 {i.last_published:%Y-%m-%d}）",
                    f"item:{i.item_id}",
                )
                for i in stale_items(facts.items, as_of=period.end, windows=windows)
                if i.last_published
            ]
        elif spec.code == "late_publications":
            failures = [
                (
                    f"超时限：《{late.fact.title}》应于{_day(late.due_on)}前发布，"
                    f"晚{late.workdays_late}个工作日",
                    f"document:{late.fact.document_id}",
                )
                for late in late_publications(facts.publications, period=period, calendar=calendar)
            ]
        elif spec.code == "policy_interpretation":
            failures = [
                (
                    f"未按时解读：《{m.fact.title}》（应于{_day(m.due_on)}前）",
                    f"document:{m.fact.document_id}",
                )
                for m in missing_interpretations(
                    facts.policies,
                    period=period,
                    calendar=calendar,
                    workdays=int(params.get("workdays", 3)),
                )
            ]
        else:
            failures = [
                (f"逾期未答复：{r.label}（{_day(r.due_on)}到期）", f"request:{r.request_id}")
                for r in overdue_requests(facts.requests, period=period)
            ]
        results.append(_deduct(spec, failures))
    vetoed = tuple(r.name for r in results if r.veto)
    # 国办秘函〔2019〕19号: any 单项否决 fails the whole; below 60 points fails.
    total = 0.0 if vetoed else _points(sum(r.points for r in results))
    passed = not vetoed and total >= PASS_MARK
    grade = "不合格（单项否决）" if vetoed else ("合格" if passed else "不合格")
    return Score(
        total=total, passed=passed, grade=grade, vetoed_by=vetoed, indicators=tuple(results)
    )


def competition_ranks(totals: list[float]) -> list[int]:
    """Ranks for scores in descending order, equal scores sharing a rank (1, 2, 2, 4)."""
    ranks: list[int] = []
    for index, value in enumerate(totals):
        ranks.append(ranks[-1] if index and value == totals[index - 1] else index + 1)
    return ranks

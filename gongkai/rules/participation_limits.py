"""Time limits of public participation: comment periods, message answers, opinion response.

Plain functions of plain values; the holiday calendar and the configured limits are arguments.
Periods follow the civil-law way of counting: the day something starts is not counted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from gongkai.rules.workdays import HolidayCalendar, add_workdays, next_workday


class PeriodUnit(StrEnum):
    WORKDAYS = "workdays"
    DAYS = "days"
    HOURS = "hours"

    @property
    def label(self) -> str:
        return {"workdays": "个工作日", "days": "日", "hours": "小时"}[self.value]


@dataclass(frozen=True)
class Period:
    amount: int
    unit: PeriodUnit

    def __str__(self) -> str:
        return f"{self.amount}{PeriodUnit(self.unit).label}"


@dataclass(frozen=True)
class DueDay:
    day: date
    uncertain: bool


def _cn(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def period_end(start: date, period: Period, *, calendar: HolidayCalendar) -> DueDay:
    """The last day of a period of days or working days that begins on ``start``."""
    # 《民法典》第二百零一条: the first day is not counted; 第二百零三条: a period whose last
    # day is a rest day ends on the first working day after it.
    unit = PeriodUnit(period.unit)
    if unit is PeriodUnit.WORKDAYS:
        result = add_workdays(start, period.amount, calendar=calendar)
        return DueDay(day=result.day, uncertain=result.uncertain)
    if unit is PeriodUnit.DAYS:
        day = start + timedelta(days=period.amount)
        uncertain = not calendar.is_known(day)
        if not calendar.is_workday(day):
            later = next_workday(day, calendar=calendar)
            return DueDay(day=later.day, uncertain=uncertain or later.uncertain)
        return DueDay(day=day, uncertain=uncertain)
    raise ValueError("征求意见期限不能以小时计算")


# --- consultations (意见征集) -------------------------------------------------------------


class DecisionKind(StrEnum):
    MAJOR_DECISION = "major_decision"
    NORMATIVE_DOCUMENT = "normative_document"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _DECISION_LABELS[self]


_DECISION_LABELS = {
    DecisionKind.MAJOR_DECISION: "重大行政决策",
    DecisionKind.NORMATIVE_DOCUMENT: "行政规范性文件",
    DecisionKind.OTHER: "其他涉及群众切身利益的决策",
}

# 《重大行政决策程序暂行条例》(国令第713号)第十四条: comments for at least 30 days, unless an
# urgent case shortens it and the consultation says why.
# 《国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知》(国办发〔2018〕37号): at least
# 7 working days for 行政规范性文件.
LEGAL_MINIMUM_PERIODS: dict[DecisionKind, Period] = {
    DecisionKind.MAJOR_DECISION: Period(30, PeriodUnit.DAYS),
    DecisionKind.NORMATIVE_DOCUMENT: Period(7, PeriodUnit.WORKDAYS),
}
# Kinds whose rule itself allows a shorter, explained period.
SHORTENING_ALLOWED = frozenset({DecisionKind.MAJOR_DECISION})
# 决策预公开 of other decisions: 7 working days, as the yearly 政务公开工作要点 ask; adjustable.
DEFAULT_CONSULTATION_PERIODS: dict[DecisionKind, Period] = {
    **LEGAL_MINIMUM_PERIODS,
    DecisionKind.OTHER: Period(7, PeriodUnit.WORKDAYS),
}
# Platform default (no national figure): the 采纳情况 is due 20 working days after the end.
FEEDBACK_DUE_WORKDAYS = 20


def _at_least(period: Period, floor: Period, *, calendar: HolidayCalendar, probe: date) -> bool:
    """Does ``period`` last at least as long as ``floor`` when both start on ``probe``?"""
    if period.unit == floor.unit:
        return period.amount >= floor.amount
    mine = period_end(probe, period, calendar=calendar).day
    legal = period_end(probe, floor, calendar=calendar).day
    return mine >= legal


def check_configured_period(
    kind: DecisionKind, period: Period, *, calendar: HolidayCalendar, probe: date
) -> None:
    """An administrator may lengthen the minimum period of a kind, never shorten the legal one."""
    if PeriodUnit(period.unit) is PeriodUnit.HOURS:
        raise ValueError("征求意见期限应以日或工作日计算")
    if period.amount < 1:
        raise ValueError("征求意见期限至少为1日")
    floor = LEGAL_MINIMUM_PERIODS.get(DecisionKind(kind))
    if floor and not _at_least(period, floor, calendar=calendar, probe=probe):
        raise ValueError(
            f"{DecisionKind(kind).label}的征求意见期限不得少于法定的{floor}，不能设为{period}"
        )


@dataclass(frozen=True)
class PeriodCheck:
    ok: bool
    earliest_end: date
    uncertain: bool
    message: str = ""


def check_consultation_period(
    *,
    kind: DecisionKind,
    start: date,
    end: date,
    minimum: Period,
    calendar: HolidayCalendar,
    shortened_reason: str = "",
) -> PeriodCheck:
    """Is ``start``–``end`` long enough for ``kind``? ``minimum`` is the configured minimum."""
    kind = DecisionKind(kind)
    earliest = period_end(start, minimum, calendar=calendar)
    if end < start:
        return PeriodCheck(False, earliest.day, earliest.uncertain, "截止日期不能早于开始日期")
    if end >= earliest.day:
        return PeriodCheck(True, earliest.day, earliest.uncertain)
    if kind in SHORTENING_ALLOWED and shortened_reason.strip() and end > start:
        return PeriodCheck(True, earliest.day, earliest.uncertain)
    hint = "；因情况紧急需要缩短的，请填写缩短期限的理由" if kind in SHORTENING_ALLOWED else ""
    return PeriodCheck(
        False,
        earliest.day,
        earliest.uncertain,
        f"{kind.label}征求意见期限不少于{minimum}，"
        f"自{_cn(start)}开始的，截止日期不得早于{_cn(earliest.day)}{hint}",
    )


def feedback_due(ends_on: date, *, calendar: HolidayCalendar) -> date:
    return add_workdays(ends_on, FEEDBACK_DUE_WORKDAYS, calendar=calendar).day


# --- messages (留言咨询) ------------------------------------------------------------------


class MessageKind(StrEnum):
    INQUIRY = "inquiry"
    SUGGESTION = "suggestion"
    COMPLAINT = "complaint"
    REPORT = "report"

    @property
    def label(self) -> str:
        return _MESSAGE_LABELS[self]


_MESSAGE_LABELS = {
    MessageKind.INQUIRY: "咨询",
    MessageKind.SUGGESTION: "建议",
    MessageKind.COMPLAINT: "投诉",
    MessageKind.REPORT: "举报",
}


@dataclass(frozen=True)
class MessageLimit:
    accept_workdays: int
    answer_workdays: int


# Platform defaults (no single national figure; administrators adjust them): accept within 1
# working day; answer 咨询 within 5, 建议/投诉/举报 within 15 working days of receipt.
DEFAULT_MESSAGE_LIMITS: dict[MessageKind, MessageLimit] = {
    MessageKind.INQUIRY: MessageLimit(1, 5),
    MessageKind.SUGGESTION: MessageLimit(1, 15),
    MessageKind.COMPLAINT: MessageLimit(1, 15),
    MessageKind.REPORT: MessageLimit(1, 15),
}


def check_message_limit(limit: MessageLimit) -> None:
    if limit.accept_workdays < 1 or limit.answer_workdays < 1:
        raise ValueError("受理和答复时限至少为1个工作日")
    if limit.accept_workdays > limit.answer_workdays:
        raise ValueError("受理时限不能长于答复时限")
    if limit.answer_workdays > 60:
        raise ValueError("答复时限不宜超过60个工作日")


@dataclass(frozen=True)
class MessageDeadlines:
    accept_by: date
    answer_by: date
    uncertain: bool


def message_deadlines(
    received_on: date, limit: MessageLimit, *, calendar: HolidayCalendar
) -> MessageDeadlines:
    """Both limits run from the day of receipt, which is not counted."""
    accept = add_workdays(received_on, limit.accept_workdays, calendar=calendar)
    answer = add_workdays(received_on, limit.answer_workdays, calendar=calendar)
    return MessageDeadlines(accept.day, answer.day, accept.uncertain or answer.uncertain)


# --- public-opinion response (政务舆情回应) -----------------------------------------------


class OpinionLevel(StrEnum):
    GENERAL = "general"
    LARGER = "larger"
    MAJOR = "major"
    EXTRAORDINARY = "extraordinary"

    @property
    def label(self) -> str:
        return _LEVEL_LABELS[self]


_LEVEL_LABELS = {
    OpinionLevel.GENERAL: "一般",
    OpinionLevel.LARGER: "较大",
    OpinionLevel.MAJOR: "重大",
    OpinionLevel.EXTRAORDINARY: "特别重大",
}

# 《国务院办公厅关于在政务公开工作中进一步做好政务舆情回应的通知》(国办发〔2016〕61号): on
# 特别重大、重大突发事件, authoritative information within 5 hours at the latest.
EMERGENCY_LEVELS = frozenset({OpinionLevel.MAJOR, OpinionLevel.EXTRAORDINARY})
EMERGENCY_MAX_HOURS = 5
# The other levels: platform defaults in working days (the same notice asks for a response to
# matters of people's immediate interest within 48 hours); administrators adjust them.
DEFAULT_RESPONSE_LIMITS: dict[OpinionLevel, Period] = {
    OpinionLevel.EXTRAORDINARY: Period(EMERGENCY_MAX_HOURS, PeriodUnit.HOURS),
    OpinionLevel.MAJOR: Period(EMERGENCY_MAX_HOURS, PeriodUnit.HOURS),
    OpinionLevel.LARGER: Period(2, PeriodUnit.WORKDAYS),
    OpinionLevel.GENERAL: Period(5, PeriodUnit.WORKDAYS),
}


def check_response_limit(level: OpinionLevel, period: Period) -> None:
    level = OpinionLevel(level)
    if period.amount < 1:
        raise ValueError("回应时限至少为1")
    if level in EMERGENCY_LEVELS:
        if PeriodUnit(period.unit) is not PeriodUnit.HOURS or period.amount > EMERGENCY_MAX_HOURS:
            raise ValueError(
                f"{level.label}舆情须在{EMERGENCY_MAX_HOURS}小时内发布权威信息，时限不能设为{period}"
            )
    elif PeriodUnit(period.unit) is PeriodUnit.DAYS:
        raise ValueError("回应时限应以小时或工作日计算")


def transfer_deadline(
    issued_at: datetime, period: Period, *, calendar: HolidayCalendar
) -> datetime:
    """When the responsible organization must have responded (``issued_at`` is timezone-aware).

    Hours run on the clock, nights and holidays included; working days end at midnight of the
    last working day, in the time zone of ``issued_at``.
    """
    if issued_at.tzinfo is None:
        raise ValueError("转办时间须带时区")
    unit = PeriodUnit(period.unit)
    if unit is PeriodUnit.HOURS:
        return issued_at + timedelta(hours=period.amount)
    last = period_end(issued_at.date(), period, calendar=calendar).day
    return datetime.combine(last + timedelta(days=1), time(0, 0), tzinfo=issued_at.tzinfo)


def escalation_level(
    *, issued_at: datetime, deadline: datetime, now: datetime, responded_at: datetime | None = None
) -> int:
    """0 while on time or answered; 1 once overdue; 2 once overdue by the whole time allowed again."""
    if responded_at is not None or now <= deadline:
        return 0
    allowed = max(deadline - issued_at, timedelta(hours=1))
    return 2 if now > deadline + allowed else 1


def hours_left(deadline: datetime, now: datetime) -> float:
    return round((deadline - now).total_seconds() / 3600, 1)

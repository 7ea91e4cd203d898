"""Timeliness of proactive disclosure: was a piece of information published within its limit?

The limit runs in working days from the day the information was formed or changed; a catalog
item may set a shorter one. Lateness is counted in working days after the deadline.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from gongkai.rules.workdays import HolidayCalendar, add_workdays, count_workdays

# 《政府信息公开条例》第二十六条: publish within 20 working days of forming or changing the information.
STATUTORY_LIMIT_WORKING_DAYS = 20
AT_RISK_WORKING_DAYS = 3


@dataclass(frozen=True)
class Deadline:
    formed_on: date
    limit_working_days: int
    due_on: date
    uncertain: bool


@dataclass(frozen=True)
class Assessment:
    """A published piece of information against its deadline."""

    deadline: Deadline
    published_on: date
    working_days_late: int
    uncertain: bool

    @property
    def on_time(self) -> bool:
        return self.working_days_late == 0


@dataclass(frozen=True)
class Outlook:
    """An unpublished piece of information: working days left (negative once overdue)."""

    deadline: Deadline
    working_days_left: int
    uncertain: bool

    @property
    def overdue(self) -> bool:
        return self.working_days_left < 0

    @property
    def at_risk(self) -> bool:
        return self.working_days_left <= AT_RISK_WORKING_DAYS


def effective_limit(limits: Iterable[int | None]) -> int:
    """The strictest limit among a document's catalog items; the regulation's 20 days otherwise."""
    known = [limit for limit in limits if limit is not None]
    return min(known) if known else STATUTORY_LIMIT_WORKING_DAYS


def deadline(*, formed_on: date, limit_working_days: int, calendar: HolidayCalendar) -> Deadline:
    result = add_workdays(formed_on, limit_working_days, calendar=calendar)
    return Deadline(
        formed_on=formed_on,
        limit_working_days=limit_working_days,
        due_on=result.day,
        uncertain=result.uncertain,
    )


def assess(*, due: Deadline, published_on: date, calendar: HolidayCalendar) -> Assessment:
    """On time when published on or before the due day; otherwise late by the working days after it."""
    late = count_workdays(due.due_on, published_on, calendar=calendar)
    return Assessment(
        deadline=due,
        published_on=published_on,
        working_days_late=late.count,
        uncertain=due.uncertain or late.uncertain,
    )


def outlook(*, due: Deadline, today: date, calendar: HolidayCalendar) -> Outlook:
    if today <= due.due_on:
        left = count_workdays(today, due.due_on, calendar=calendar)
        return Outlook(due, left.count, due.uncertain or left.uncertain)
    late = count_workdays(due.due_on, today, calendar=calendar)
    return Outlook(due, -late.count, due.uncertain or late.uncertain)


def working_days_since(*, day: date, today: date, calendar: HolidayCalendar) -> int:
    return count_workdays(day, today, calendar=calendar).count

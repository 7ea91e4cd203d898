"""China's working days: Monday to Friday, minus statutory holidays, plus 调休 make-up days.

A year the calendar does not know is counted with the weekend rule only, and every result
that depended on such a year says so (``uncertain``); nothing here raises or guesses silently.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

import chinese_calendar

# 《国务院关于职工工作时间的规定》第七条: Saturday and Sunday are the weekly rest days.
# 《全国年节及纪念日放假办法》 and the yearly 国务院办公厅《关于X年部分节假日安排的通知》:
# statutory holidays, and the weekend days declared working days (调休上班).
_SATURDAY = 5
_ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class HolidayCalendar:
    """Statutory holidays and make-up working days for the years in ``known_years``."""

    holidays: frozenset[date]
    makeup_workdays: frozenset[date]
    known_years: frozenset[int]

    def is_workday(self, day: date) -> bool:
        if day in self.makeup_workdays:
            return True
        if day in self.holidays:
            return False
        return day.weekday() < _SATURDAY

    def is_known(self, day: date) -> bool:
        return day.year in self.known_years


@dataclass(frozen=True)
class YearSchedule:
    """One year's schedule as published by 国务院办公厅, kept by an administrator."""

    year: int
    holidays: frozenset[date]
    makeup_workdays: frozenset[date]

    def __post_init__(self) -> None:
        for day in self.holidays | self.makeup_workdays:
            if day.year != self.year:
                raise ValueError(f"{day.isoformat()} 不属于 {self.year} 年的节假日安排")
        both = self.holidays & self.makeup_workdays
        if both:
            first = min(both).isoformat()
            raise ValueError(f"{first} 不能同时是放假日和调休上班日")
        for day in self.makeup_workdays:
            if day.weekday() < _SATURDAY:
                raise ValueError(f"调休上班日 {day.isoformat()} 应为周六或周日")


@dataclass(frozen=True)
class WorkdayResult:
    day: date
    uncertain: bool
    unknown_years: tuple[int, ...]


@dataclass(frozen=True)
class WorkdayCount:
    count: int
    uncertain: bool
    unknown_years: tuple[int, ...]


@cache
def _package_calendar() -> HolidayCalendar:
    holidays = frozenset(chinese_calendar.holidays)
    makeup = frozenset(chinese_calendar.workdays)
    years = frozenset(day.year for day in holidays | makeup)
    return HolidayCalendar(holidays=holidays, makeup_workdays=makeup, known_years=years)


def load_calendar(extra_years: Iterable[YearSchedule] = ()) -> HolidayCalendar:
    """The package's calendar, with each extra year replacing whatever the package has for it."""
    base = _package_calendar()
    extra = {schedule.year: schedule for schedule in extra_years}
    if not extra:
        return base
    holidays = {day for day in base.holidays if day.year not in extra}
    makeup = {day for day in base.makeup_workdays if day.year not in extra}
    for schedule in extra.values():
        holidays |= schedule.holidays
        makeup |= schedule.makeup_workdays
    return HolidayCalendar(
        holidays=frozenset(holidays),
        makeup_workdays=frozenset(makeup),
        known_years=base.known_years | extra.keys(),
    )


def add_workdays(start: date, count: int, *, calendar: HolidayCalendar) -> WorkdayResult:
    """The ``count``-th working day after ``start``; ``start`` itself is not counted.

    With ``count == 0`` the answer is ``start`` itself.
    """
    if count < 0:
        raise ValueError("工作日数不能为负数")
    day = start
    unknown: set[int] = set()
    remaining = count
    while remaining:
        day += _ONE_DAY
        if not calendar.is_known(day):
            unknown.add(day.year)
        if calendar.is_workday(day):
            remaining -= 1
    return WorkdayResult(day=day, uncertain=bool(unknown), unknown_years=tuple(sorted(unknown)))


def count_workdays(after: date, through: date, *, calendar: HolidayCalendar) -> WorkdayCount:
    """How many working days ``d`` satisfy ``after < d <= through`` (0 when ``through <= after``)."""
    count = 0
    unknown: set[int] = set()
    day = after + _ONE_DAY
    while day <= through:
        if not calendar.is_known(day):
            unknown.add(day.year)
        if calendar.is_workday(day):
            count += 1
        day += _ONE_DAY
    return WorkdayCount(count=count, uncertain=bool(unknown), unknown_years=tuple(sorted(unknown)))


def next_workday(day: date, *, calendar: HolidayCalendar) -> WorkdayResult:
    """The first working day strictly after ``day``."""
    return add_workdays(day, 1, calendar=calendar)

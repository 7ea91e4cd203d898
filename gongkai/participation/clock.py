"""Today, now and the holiday calendar, in one place so that services and selectors agree."""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime

from django.utils import timezone

from gongkai.rules.workdays import HolidayCalendar, load_calendar

_pinned: ContextVar[datetime | None] = ContextVar("participation_clock", default=None)


def holiday_calendar() -> HolidayCalendar:
    return load_calendar()


def now() -> datetime:
    return _pinned.get() or timezone.now()


def today() -> date:
    return timezone.localdate(now())


def localtime(value: datetime) -> datetime:
    """``value`` in the platform's time zone (working-day deadlines end at its midnight)."""
    return timezone.localtime(value)


@contextmanager
def pinned(at: datetime) -> Iterator[None]:
    """Record what happens inside as happening at ``at`` (loading a history, e.g. the demo)."""
    if timezone.is_naive(at):
        raise ValueError("pinned time must be timezone-aware")
    token = _pinned.set(at)
    try:
        yield
    finally:
        _pinned.reset(token)

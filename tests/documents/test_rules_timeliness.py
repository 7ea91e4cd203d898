"""gongkai.rules.timeliness against the real 2024 holiday calendar (no database)."""

from datetime import date

import pytest

from gongkai.rules.timeliness import (
    STATUTORY_LIMIT_WORKING_DAYS,
    assess,
    deadline,
    effective_limit,
    outlook,
    working_days_since,
)
from gongkai.rules.workdays import load_calendar

CAL = load_calendar()


def test_the_strictest_catalog_limit_wins_and_the_regulation_fills_in():
    assert effective_limit([20, 10, None]) == 10
    assert effective_limit([None]) == STATUTORY_LIMIT_WORKING_DAYS == 20
    assert effective_limit([]) == 20


def test_deadline_skips_the_national_day_holiday():
    # 2024-09-30 (Mon) + 10 working days: 10-01..07 off, 10-12 (Sat) is a 调休 working day.
    due = deadline(formed_on=date(2024, 9, 30), limit_working_days=10, calendar=CAL)
    assert due.due_on == date(2024, 10, 18)
    assert not due.uncertain


@pytest.mark.parametrize(
    ("published_on", "late"),
    [
        (date(2024, 10, 17), 0),
        (date(2024, 10, 18), 0),
        (date(2024, 10, 21), 1),
        (date(2024, 10, 25), 5),
    ],
)
def test_lateness_counts_working_days_after_the_deadline(published_on, late):
    due = deadline(formed_on=date(2024, 9, 30), limit_working_days=10, calendar=CAL)
    result = assess(due=due, published_on=published_on, calendar=CAL)
    assert result.working_days_late == late
    assert result.on_time is (late == 0)


@pytest.mark.parametrize(
    ("today", "left", "at_risk", "overdue"),
    [
        (date(2024, 10, 15), 3, True, False),
        (date(2024, 10, 14), 4, False, False),
        (date(2024, 10, 10), 7, False, False),
        (date(2024, 10, 18), 0, True, False),
        (date(2024, 10, 22), -2, True, True),
    ],
)
def test_outlook_of_an_unpublished_document(today, left, at_risk, overdue):
    due = deadline(formed_on=date(2024, 9, 30), limit_working_days=10, calendar=CAL)
    view = outlook(due=due, today=today, calendar=CAL)
    assert (view.working_days_left, view.at_risk, view.overdue) == (left, at_risk, overdue)


def test_working_days_since_publication_count_the_makeup_sunday():
    # 2024-09-29 (Sun) was a 调休 working day; 10-01..07 were holidays.
    assert working_days_since(day=date(2024, 9, 27), today=date(2024, 10, 8), calendar=CAL) == 3

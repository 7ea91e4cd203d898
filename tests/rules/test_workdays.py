"""Working days across 春节 and 国庆 2024–2026, checked against the 国务院办公厅 notices."""

from datetime import date, timedelta

import pytest

from gongkai.rules.workdays import (
    HolidayCalendar,
    WorkdayCount,
    WorkdayResult,
    YearSchedule,
    add_workdays,
    count_workdays,
    load_calendar,
    next_workday,
)

CAL = load_calendar()


def _span(first: date, last: date) -> set[date]:
    return {first + timedelta(days=n) for n in range((last - first).days + 1)}


# 放假 spans and 调休上班 days as printed in the yearly notices:
# 国办发明电〔2023〕7号 (2024), 国办发明电〔2024〕12号 (2025), 2025-11-04 notice (2026).
NOTICE_HOLIDAYS = {
    2024: _span(date(2024, 1, 1), date(2024, 1, 1))
    | _span(date(2024, 2, 10), date(2024, 2, 17))
    | _span(date(2024, 4, 4), date(2024, 4, 6))
    | _span(date(2024, 5, 1), date(2024, 5, 5))
    | _span(date(2024, 6, 10), date(2024, 6, 10))
    | _span(date(2024, 9, 15), date(2024, 9, 17))
    | _span(date(2024, 10, 1), date(2024, 10, 7)),
    2025: _span(date(2025, 1, 1), date(2025, 1, 1))
    | _span(date(2025, 1, 28), date(2025, 2, 4))
    | _span(date(2025, 4, 4), date(2025, 4, 6))
    | _span(date(2025, 5, 1), date(2025, 5, 5))
    | _span(date(2025, 5, 31), date(2025, 6, 2))
    | _span(date(2025, 10, 1), date(2025, 10, 8)),
    2026: _span(date(2026, 1, 1), date(2026, 1, 3))
    | _span(date(2026, 2, 15), date(2026, 2, 23))
    | _span(date(2026, 4, 4), date(2026, 4, 6))
    | _span(date(2026, 5, 1), date(2026, 5, 5))
    | _span(date(2026, 6, 19), date(2026, 6, 21))
    | _span(date(2026, 9, 25), date(2026, 9, 27))
    | _span(date(2026, 10, 1), date(2026, 10, 7)),
}
NOTICE_MAKEUP = {
    2024: {
        date(2024, 2, 4),
        date(2024, 2, 18),
        date(2024, 4, 7),
        date(2024, 4, 28),
        date(2024, 5, 11),
        date(2024, 9, 14),
        date(2024, 9, 29),
        date(2024, 10, 12),
    },
    2025: {
        date(2025, 1, 26),
        date(2025, 2, 8),
        date(2025, 4, 27),
        date(2025, 9, 28),
        date(2025, 10, 11),
    },
    2026: {
        date(2026, 1, 4),
        date(2026, 2, 14),
        date(2026, 2, 28),
        date(2026, 5, 9),
        date(2026, 9, 20),
        date(2026, 10, 10),
    },
}


@pytest.mark.parametrize("year", [2024, 2025, 2026])
def test_calendar_matches_the_official_notice(year):
    assert {d for d in CAL.holidays if d.year == year} == NOTICE_HOLIDAYS[year]
    assert {d for d in CAL.makeup_workdays if d.year == year} == NOTICE_MAKEUP[year]


def test_known_years_are_those_of_the_package():
    assert frozenset(range(2004, 2027)) == CAL.known_years
    assert CAL.is_known(date(2026, 12, 31))
    assert not CAL.is_known(date(2027, 1, 1))
    assert not CAL.is_known(date(2003, 12, 31))


@pytest.mark.parametrize(
    ("day", "weekday", "expected"),
    [
        # 2024 春节: 2/10–2/17 off; Sun 2/4 and Sun 2/18 worked.
        (date(2024, 2, 3), 5, False),
        (date(2024, 2, 4), 6, True),
        (date(2024, 2, 9), 4, True),
        (date(2024, 2, 12), 0, False),
        (date(2024, 2, 16), 4, False),
        (date(2024, 2, 17), 5, False),
        (date(2024, 2, 18), 6, True),
        (date(2024, 2, 24), 5, False),
        # 2024 中秋/国庆: Sat 9/14, Sun 9/29, Sat 10/12 worked; 9/15–17 and 10/1–7 off.
        (date(2024, 9, 14), 5, True),
        (date(2024, 9, 16), 0, False),
        (date(2024, 9, 29), 6, True),
        (date(2024, 10, 4), 4, False),
        (date(2024, 10, 7), 0, False),
        (date(2024, 10, 8), 1, True),
        (date(2024, 10, 12), 5, True),
        (date(2024, 10, 13), 6, False),
        # 2025 春节: 1/28–2/4 off; Sun 1/26 and Sat 2/8 worked; Mon 1/27 an ordinary day.
        (date(2025, 1, 25), 5, False),
        (date(2025, 1, 26), 6, True),
        (date(2025, 1, 27), 0, True),
        (date(2025, 1, 28), 1, False),
        (date(2025, 2, 4), 1, False),
        (date(2025, 2, 5), 2, True),
        (date(2025, 2, 8), 5, True),
        (date(2025, 2, 9), 6, False),
        # 2025 国庆/中秋: 10/1–10/8 off; Sun 9/28 and Sat 10/11 worked.
        (date(2025, 9, 27), 5, False),
        (date(2025, 9, 28), 6, True),
        (date(2025, 10, 8), 2, False),
        (date(2025, 10, 9), 3, True),
        (date(2025, 10, 11), 5, True),
        (date(2025, 10, 12), 6, False),
        # 2026 春节: 2/15–2/23 off; Sat 2/14 and Sat 2/28 worked.
        (date(2026, 2, 14), 5, True),
        (date(2026, 2, 16), 0, False),
        (date(2026, 2, 23), 0, False),
        (date(2026, 2, 24), 1, True),
        (date(2026, 2, 28), 5, True),
        (date(2026, 3, 1), 6, False),
        # 2026 中秋/国庆: 9/25–27 and 10/1–10/7 off; Sun 9/20 and Sat 10/10 worked.
        (date(2026, 9, 19), 5, False),
        (date(2026, 9, 20), 6, True),
        (date(2026, 9, 25), 4, False),
        (date(2026, 10, 7), 2, False),
        (date(2026, 10, 8), 3, True),
        (date(2026, 10, 10), 5, True),
        (date(2026, 10, 11), 6, False),
        # 2027 is not in the calendar: weekend rule (1/1 would be 元旦 once published).
        (date(2027, 1, 1), 4, True),
        (date(2027, 1, 2), 5, False),
    ],
)
def test_is_workday(day, weekday, expected):
    assert day.weekday() == weekday
    assert CAL.is_workday(day) is expected


@pytest.mark.parametrize(
    ("start", "count", "expected"),
    [
        (date(2024, 2, 2), 1, date(2024, 2, 4)),  # Sat 2/3 rests, Sun 2/4 调休
        (date(2024, 2, 9), 1, date(2024, 2, 18)),  # 春节 2/10–17, Sun 2/18 调休
        # 2/18, 2/19, 2/20, 2/21, 2/22 → 5th is Thu 2/22
        (date(2024, 2, 9), 5, date(2024, 2, 22)),
        (date(2024, 9, 27), 1, date(2024, 9, 29)),  # Sun 9/29 调休
        (date(2024, 9, 30), 1, date(2024, 10, 8)),
        # 10/8, 10/9, 10/10, 10/11, Sat 10/12 → 5th
        (date(2024, 9, 30), 5, date(2024, 10, 12)),
        (date(2025, 1, 24), 1, date(2025, 1, 26)),  # Sun 1/26 调休
        (date(2025, 1, 27), 1, date(2025, 2, 5)),  # 春节 1/28–2/4
        # 2/5, 2/6, 2/7, Sat 2/8 → 4th
        (date(2025, 1, 27), 4, date(2025, 2, 8)),
        (date(2025, 9, 26), 1, date(2025, 9, 28)),  # Sun 9/28 调休
        (date(2025, 9, 30), 1, date(2025, 10, 9)),  # 10/1–10/8
        (date(2025, 10, 10), 1, date(2025, 10, 11)),  # Sat 10/11 调休
        (date(2026, 2, 13), 1, date(2026, 2, 14)),  # Sat 2/14 调休
        (date(2026, 2, 14), 1, date(2026, 2, 24)),  # 2/15–2/23
        # 2/24, 2/25, 2/26, 2/27, Sat 2/28 → 5th
        (date(2026, 2, 14), 5, date(2026, 2, 28)),
        (date(2026, 9, 18), 1, date(2026, 9, 20)),  # Sun 9/20 调休
        # 9/20, 21, 22, 23, 24, [25–27 中秋], 28, 29, 30, [10/1–7], 10/8, 10/9, Sat 10/10 → 11th
        (date(2026, 9, 18), 11, date(2026, 10, 10)),
        (date(2026, 9, 30), 0, date(2026, 9, 30)),  # nothing to add
    ],
)
def test_add_workdays_known_years(start, count, expected):
    assert add_workdays(start, count, calendar=CAL) == WorkdayResult(
        day=expected, uncertain=False, unknown_years=()
    )


@pytest.mark.parametrize(
    ("after", "through", "expected"),
    [
        (date(2024, 2, 9), date(2024, 2, 18), 1),  # only Sun 2/18
        (date(2024, 9, 13), date(2024, 10, 13), 16),  # 9/14, 18–20, 23–27, 29, 30, 10/8–12
        (date(2025, 1, 24), date(2025, 2, 9), 6),  # 1/26, 1/27, 2/5, 2/6, 2/7, 2/8
        (date(2025, 9, 30), date(2025, 10, 12), 3),  # 10/9, 10/10, 10/11
        (date(2026, 2, 13), date(2026, 2, 28), 6),  # 2/14, 2/24–2/27, 2/28
        (date(2026, 9, 19), date(2026, 10, 11), 11),  # 9/20–24, 9/28–30, 10/8–10
        (date(2026, 10, 1), date(2026, 10, 7), 0),
        (date(2026, 3, 2), date(2026, 3, 2), 0),  # empty interval
        (date(2026, 3, 9), date(2026, 3, 2), 0),  # reversed interval
    ],
)
def test_count_workdays_known_years(after, through, expected):
    assert count_workdays(after, through, calendar=CAL) == WorkdayCount(
        count=expected, uncertain=False, unknown_years=()
    )


def test_next_workday():
    assert next_workday(date(2025, 9, 30), calendar=CAL).day == date(2025, 10, 9)
    assert next_workday(date(2026, 2, 13), calendar=CAL).day == date(2026, 2, 14)


def test_unknown_year_uses_weekend_rule_and_says_so():
    # 2026-12-31 Thu → Fri 2027-01-01 counts (weekend rule only).
    assert add_workdays(date(2026, 12, 31), 1, calendar=CAL) == WorkdayResult(
        day=date(2027, 1, 1), uncertain=True, unknown_years=(2027,)
    )
    # Fri 1/1, Mon 1/4 … Fri 1/8.
    assert count_workdays(date(2026, 12, 31), date(2027, 1, 8), calendar=CAL) == WorkdayCount(
        count=6, uncertain=True, unknown_years=(2027,)
    )
    # Scanning stops on Thu 2026-12-31: 12/29, 12/30, 12/31 → still certain.
    assert add_workdays(date(2026, 12, 28), 3, calendar=CAL) == WorkdayResult(
        day=date(2026, 12, 31), uncertain=False, unknown_years=()
    )


def test_extra_year_makes_2027_certain():
    # A schedule an administrator would type in (illustrative, not the published 2027 notice).
    year_2027 = YearSchedule(
        year=2027,
        holidays=frozenset(_span(date(2027, 1, 1), date(2027, 1, 3))),
        makeup_workdays=frozenset({date(2027, 1, 9)}),
    )
    cal = load_calendar([year_2027])
    assert cal.is_known(date(2027, 6, 1))
    assert add_workdays(date(2026, 12, 31), 1, calendar=cal) == WorkdayResult(
        day=date(2027, 1, 4), uncertain=False, unknown_years=()
    )
    # 1/4–1/8 and Sat 1/9.
    assert count_workdays(date(2027, 1, 3), date(2027, 1, 10), calendar=cal).count == 6
    assert CAL.is_workday(date(2027, 1, 1))  # the package calendar is left untouched


def test_extra_year_replaces_the_package_year():
    cal = load_calendar(
        [YearSchedule(year=2026, holidays=frozenset(), makeup_workdays=frozenset())]
    )
    assert cal.is_workday(date(2026, 10, 1))
    assert not cal.is_workday(date(2026, 10, 10))
    assert not cal.is_workday(date(2025, 10, 1))
    assert cal.is_workday(date(2025, 10, 11))


def test_package_part_is_cached():
    assert load_calendar().holidays is load_calendar().holidays


def test_calendar_is_plain_data():
    cal = HolidayCalendar(
        holidays=frozenset({date(2030, 1, 1)}),
        makeup_workdays=frozenset({date(2030, 1, 5)}),
        known_years=frozenset({2030}),
    )
    assert not cal.is_workday(date(2030, 1, 1))
    assert cal.is_workday(date(2030, 1, 5))
    assert add_workdays(date(2029, 12, 31), 2, calendar=cal).day == date(2030, 1, 3)
    assert add_workdays(date(2029, 12, 31), 2, calendar=cal).unknown_years == ()


def test_negative_count_is_rejected():
    with pytest.raises(ValueError, match="工作日数不能为负数"):
        add_workdays(date(2025, 1, 1), -1, calendar=CAL)


@pytest.mark.parametrize(
    ("holidays", "makeup", "message"),
    [
        ({date(2026, 12, 31)}, set(), "不属于 2027 年"),
        (set(), {date(2028, 1, 8)}, "不属于 2027 年"),
        ({date(2027, 1, 9)}, {date(2027, 1, 9)}, "不能同时是放假日和调休上班日"),
        (set(), {date(2027, 1, 6)}, "应为周六或周日"),
    ],
)
def test_year_schedule_validation(holidays, makeup, message):
    with pytest.raises(ValueError, match=message):
        YearSchedule(year=2027, holidays=frozenset(holidays), makeup_workdays=frozenset(makeup))

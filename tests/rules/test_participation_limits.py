"""Time limits of public participation, counted on the real 2025 calendar (国庆 10.1–10.8, 调休
9.28 and 10.11) and on a small made-up calendar where the rule is easier to see."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from gongkai.rules.participation_limits import (
    DEFAULT_CONSULTATION_PERIODS,
    DEFAULT_MESSAGE_LIMITS,
    DEFAULT_RESPONSE_LIMITS,
    DecisionKind,
    MessageKind,
    MessageLimit,
    OpinionLevel,
    Period,
    PeriodUnit,
    check_configured_period,
    check_consultation_period,
    check_message_limit,
    check_response_limit,
    escalation_level,
    feedback_due,
    message_deadlines,
    period_end,
    transfer_deadline,
)
from gongkai.rules.workdays import HolidayCalendar, load_calendar

CAL = load_calendar()
TZ = ZoneInfo("Asia/Shanghai")
WEEKENDS_ONLY = HolidayCalendar(frozenset(), frozenset(), frozenset({2031}))


# --- periods ---------------------------------------------------------------------------------


def test_seven_working_days_skip_the_national_day_holiday_and_count_makeup_days():
    # Fri 26 Sep: Sun 28 (调休上班), 29, 30, then 9, 10, Sat 11 (调休上班), Mon 13.
    end = period_end(date(2025, 9, 26), Period(7, PeriodUnit.WORKDAYS), calendar=CAL)
    assert end.day == date(2025, 10, 13)
    assert end.uncertain is False


def test_the_start_day_is_not_counted():
    end = period_end(date(2031, 3, 3), Period(1, PeriodUnit.WORKDAYS), calendar=WEEKENDS_ONLY)
    assert end.day == date(2031, 3, 4)


def test_thirty_days_ending_on_a_holiday_run_to_the_next_working_day():
    end = period_end(date(2025, 9, 1), Period(30, PeriodUnit.DAYS), calendar=CAL)
    assert end.day == date(2025, 10, 9)


def test_thirty_days_ending_on_a_working_day_end_that_day():
    end = period_end(date(2025, 3, 3), Period(30, PeriodUnit.DAYS), calendar=CAL)
    assert end.day == date(2025, 4, 2)


def test_a_period_into_an_unknown_year_is_flagged_uncertain():
    end = period_end(date(2031, 12, 20), Period(10, PeriodUnit.WORKDAYS), calendar=CAL)
    assert end.uncertain is True


def test_comment_periods_cannot_be_counted_in_hours():
    with pytest.raises(ValueError, match="小时"):
        period_end(date(2025, 3, 3), Period(5, PeriodUnit.HOURS), calendar=CAL)


# --- consultation periods --------------------------------------------------------------------


def test_default_minimum_periods_are_the_legal_ones():
    assert DEFAULT_CONSULTATION_PERIODS[DecisionKind.MAJOR_DECISION] == Period(30, PeriodUnit.DAYS)
    assert DEFAULT_CONSULTATION_PERIODS[DecisionKind.NORMATIVE_DOCUMENT] == Period(
        7, PeriodUnit.WORKDAYS
    )
    assert DEFAULT_CONSULTATION_PERIODS[DecisionKind.OTHER] == Period(7, PeriodUnit.WORKDAYS)


def test_normative_document_period_of_seven_working_days_is_accepted():
    check = check_consultation_period(
        kind=DecisionKind.NORMATIVE_DOCUMENT,
        start=date(2025, 9, 26),
        end=date(2025, 10, 13),
        minimum=Period(7, PeriodUnit.WORKDAYS),
        calendar=CAL,
    )
    assert check.ok is True
    assert check.earliest_end == date(2025, 10, 13)


def test_normative_document_period_one_day_short_is_refused_with_the_earliest_end():
    check = check_consultation_period(
        kind=DecisionKind.NORMATIVE_DOCUMENT,
        start=date(2025, 9, 26),
        end=date(2025, 10, 11),
        minimum=Period(7, PeriodUnit.WORKDAYS),
        calendar=CAL,
    )
    assert check.ok is False
    assert check.message == (
        "行政规范性文件征求意见期限不少于7个工作日，"
        "自2025年9月26日开始的，截止日期不得早于2025年10月13日"
    )


def test_normative_document_period_cannot_be_shortened_even_with_a_reason():
    check = check_consultation_period(
        kind=DecisionKind.NORMATIVE_DOCUMENT,
        start=date(2025, 3, 3),
        end=date(2025, 3, 5),
        minimum=Period(7, PeriodUnit.WORKDAYS),
        calendar=CAL,
        shortened_reason="情况紧急",
    )
    assert check.ok is False


def test_major_decision_period_under_thirty_days_is_refused_without_a_reason():
    check = check_consultation_period(
        kind=DecisionKind.MAJOR_DECISION,
        start=date(2025, 3, 3),
        end=date(2025, 4, 1),
        minimum=Period(30, PeriodUnit.DAYS),
        calendar=CAL,
    )
    assert check.ok is False
    assert check.earliest_end == date(2025, 4, 2)
    assert "缩短期限的理由" in check.message


def test_major_decision_period_may_be_shortened_with_a_stated_urgent_reason():
    check = check_consultation_period(
        kind=DecisionKind.MAJOR_DECISION,
        start=date(2025, 3, 3),
        end=date(2025, 3, 10),
        minimum=Period(30, PeriodUnit.DAYS),
        calendar=CAL,
        shortened_reason="汛期临近，防汛设施建设方案须尽快决策",
    )
    assert check.ok is True


def test_end_before_start_is_refused():
    check = check_consultation_period(
        kind=DecisionKind.OTHER,
        start=date(2025, 3, 3),
        end=date(2025, 3, 2),
        minimum=Period(7, PeriodUnit.WORKDAYS),
        calendar=CAL,
    )
    assert (check.ok, check.message) == (False, "截止日期不能早于开始日期")


def test_an_administrator_may_lengthen_but_not_shorten_the_legal_minimum():
    probe = date(2025, 3, 3)
    check_configured_period(
        DecisionKind.NORMATIVE_DOCUMENT, Period(10, PeriodUnit.WORKDAYS), calendar=CAL, probe=probe
    )
    check_configured_period(
        DecisionKind.MAJOR_DECISION, Period(45, PeriodUnit.DAYS), calendar=CAL, probe=probe
    )
    with pytest.raises(ValueError, match="不得少于法定的7个工作日"):
        check_configured_period(
            DecisionKind.NORMATIVE_DOCUMENT,
            Period(5, PeriodUnit.WORKDAYS),
            calendar=CAL,
            probe=probe,
        )
    with pytest.raises(ValueError, match="不得少于法定的30日"):
        check_configured_period(
            DecisionKind.MAJOR_DECISION, Period(15, PeriodUnit.WORKDAYS), calendar=CAL, probe=probe
        )
    # "other" decisions have no national floor: any whole number of days from 1.
    check_configured_period(
        DecisionKind.OTHER, Period(3, PeriodUnit.WORKDAYS), calendar=CAL, probe=probe
    )
    with pytest.raises(ValueError, match="至少为1日"):
        check_configured_period(
            DecisionKind.OTHER, Period(0, PeriodUnit.WORKDAYS), calendar=CAL, probe=probe
        )


def test_feedback_summary_is_due_twenty_working_days_after_the_end():
    assert feedback_due(date(2025, 9, 26), calendar=CAL) == date(2025, 10, 30)


# --- messages --------------------------------------------------------------------------------


def test_default_message_limits():
    assert DEFAULT_MESSAGE_LIMITS[MessageKind.INQUIRY] == MessageLimit(1, 5)
    assert DEFAULT_MESSAGE_LIMITS[MessageKind.SUGGESTION] == MessageLimit(1, 15)
    assert DEFAULT_MESSAGE_LIMITS[MessageKind.COMPLAINT] == MessageLimit(1, 15)


def test_inquiry_received_before_the_holiday_is_accepted_and_answered_after_it():
    due = message_deadlines(date(2025, 9, 30), MessageLimit(1, 5), calendar=CAL)
    assert due.accept_by == date(2025, 10, 9)
    assert due.answer_by == date(2025, 10, 14)  # 9, 10, 11 (调休), 13, 14


def test_suggestion_received_on_a_saturday_counts_from_monday():
    due = message_deadlines(date(2031, 3, 1), MessageLimit(1, 15), calendar=WEEKENDS_ONLY)
    assert due.accept_by == date(2031, 3, 3)
    assert due.answer_by == date(2031, 3, 21)


def test_message_limits_are_checked():
    check_message_limit(MessageLimit(2, 10))
    with pytest.raises(ValueError, match="至少为1个工作日"):
        check_message_limit(MessageLimit(0, 5))
    with pytest.raises(ValueError, match="受理时限不能长于答复时限"):
        check_message_limit(MessageLimit(6, 5))


# --- public-opinion response: the 5-hour rule ------------------------------------------------


def test_major_and_extraordinary_events_must_be_answered_within_five_hours():
    assert DEFAULT_RESPONSE_LIMITS[OpinionLevel.MAJOR] == Period(5, PeriodUnit.HOURS)
    assert DEFAULT_RESPONSE_LIMITS[OpinionLevel.EXTRAORDINARY] == Period(5, PeriodUnit.HOURS)


def test_five_hours_run_through_the_night_and_the_holiday():
    issued = datetime(2025, 10, 1, 22, 30, tzinfo=TZ)
    deadline = transfer_deadline(issued, Period(5, PeriodUnit.HOURS), calendar=CAL)
    assert deadline == datetime(2025, 10, 2, 3, 30, tzinfo=TZ)


def test_working_day_deadline_ends_at_midnight_of_the_last_working_day():
    issued = datetime(2025, 9, 30, 15, 0, tzinfo=TZ)
    deadline = transfer_deadline(issued, Period(2, PeriodUnit.WORKDAYS), calendar=CAL)
    assert deadline == datetime(2025, 10, 11, 0, 0, tzinfo=TZ)


def test_deadline_needs_an_aware_time():
    with pytest.raises(ValueError, match="时区"):
        transfer_deadline(datetime(2025, 9, 30, 15), Period(5, PeriodUnit.HOURS), calendar=CAL)


def test_the_five_hour_limit_may_be_tightened_but_not_loosened():
    check_response_limit(OpinionLevel.MAJOR, Period(3, PeriodUnit.HOURS))
    with pytest.raises(ValueError, match="须在5小时内发布权威信息"):
        check_response_limit(OpinionLevel.MAJOR, Period(6, PeriodUnit.HOURS))
    with pytest.raises(ValueError, match="须在5小时内发布权威信息"):
        check_response_limit(OpinionLevel.EXTRAORDINARY, Period(1, PeriodUnit.WORKDAYS))
    check_response_limit(OpinionLevel.GENERAL, Period(10, PeriodUnit.WORKDAYS))
    with pytest.raises(ValueError, match="小时或工作日"):
        check_response_limit(OpinionLevel.GENERAL, Period(10, PeriodUnit.DAYS))


# --- escalation ------------------------------------------------------------------------------


def test_escalation_levels_of_a_five_hour_order():
    issued = datetime(2025, 10, 1, 8, 0, tzinfo=TZ)
    deadline = issued + timedelta(hours=5)

    def level(at, responded=None):
        return escalation_level(issued_at=issued, deadline=deadline, now=at, responded_at=responded)

    assert level(datetime(2025, 10, 1, 13, 0, tzinfo=TZ)) == 0  # on the dot: still on time
    assert level(datetime(2025, 10, 1, 13, 1, tzinfo=TZ)) == 1
    assert level(datetime(2025, 10, 1, 18, 0, tzinfo=TZ)) == 1
    assert level(datetime(2025, 10, 1, 18, 1, tzinfo=TZ)) == 2
    assert level(datetime(2025, 10, 2, 9, 0, tzinfo=TZ), datetime(2025, 10, 1, 12, tzinfo=TZ)) == 0

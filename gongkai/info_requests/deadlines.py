"""The legal clock of stored requests: the holiday calendar (shipped + administrator-entered years)
and the due day recomputed from a request's events."""

from dataclasses import replace
from datetime import date

from gongkai.info_requests.models import HolidayYear, InfoRequest
from gongkai.rules.request_deadline import (
    MAX_EXTENSION_WORKDAYS,
    Channel,
    DeadlineResult,
    Step,
    compute_due_date,
    receipt_date,
    working_days_left,
)
from gongkai.rules.workdays import HolidayCalendar, load_calendar

# 《政府信息公开条例》第三十一条: which day counts as the day of receipt, per channel.
RECEIPT_RULES = {
    Channel.ONLINE: "以双方确认之日为收到申请之日（本平台提交成功即时确认）",
    Channel.IN_PERSON: "以提交之日为收到申请之日",
    Channel.POST: "以行政机关签收之日为收到申请之日（平常信函以双方确认之日为准）",
    Channel.FAX: "以双方确认之日为收到申请之日",
    Channel.EMAIL: "以双方确认之日为收到申请之日",
}


def current_calendar() -> HolidayCalendar:
    """The shipped calendar, with every year an administrator entered replacing the shipped one."""
    return load_calendar(extra_years=[year.schedule() for year in HolidayYear.objects.all()])


def legal_receipt_date(
    *, channel: str, submitted: date, signed_for: date | None, confirmed: date | None
) -> date:
    return receipt_date(
        channel=Channel(channel), submitted=submitted, signed_for=signed_for, confirmed=confirmed
    )


def deadline_for(request: InfoRequest, *, calendar: HolidayCalendar) -> DeadlineResult | None:
    """The due day from the request's events; None while a correction is awaited."""
    if request.pk is None:
        return compute_due_date(received=request.received_on, calendar=calendar)
    correction = getattr(request, "correction", None)
    if correction is not None and correction.received_on is None:
        return None
    consultations = list(request.consultations.all())
    # Several third parties: the window runs from the first letter to the last answer, capped by
    # the rule at 15 working days from the first letter, so the clock is never stretched further.
    start = min((c.sent_on for c in consultations), default=None)
    answered = [c.answered_on for c in consultations]
    end = max(answered) if consultations and None not in answered else None
    extension = getattr(request, "extension", None)
    return compute_due_date(
        received=request.received_on,
        calendar=calendar,
        correction_requested=correction.requested_on if correction else None,
        correction_received=correction.received_on if correction else None,
        third_party_start=start,
        third_party_end=end,
        extension_days=extension.days if extension else 0,
    )


def apply_deadline(request: InfoRequest, *, calendar: HolidayCalendar | None = None) -> None:
    """Store the due day and its steps on the request (the caller saves)."""
    result = deadline_for(request, calendar=calendar or current_calendar())
    if result is None:
        request.due_on, request.due_uncertain, request.deadline_steps = None, False, []
        return
    request.due_on = result.due
    request.due_uncertain = result.uncertain
    request.deadline_steps = result.as_dict()["steps"]


def what_if(
    *,
    received: date,
    channel: str,
    correction_requested: date | None = None,
    correction_received: date | None = None,
    third_party_start: date | None = None,
    third_party_end: date | None = None,
    extended: bool = False,
    calendar: HolidayCalendar | None = None,
) -> DeadlineResult:
    """The calculator: the due day of a hypothetical request, with the channel's rule first."""
    channel = Channel(channel)
    result = compute_due_date(
        received=received,
        calendar=calendar or current_calendar(),
        correction_requested=correction_requested,
        correction_received=correction_received,
        third_party_start=third_party_start,
        third_party_end=third_party_end,
        extension_days=MAX_EXTENSION_WORKDAYS if extended else 0,
    )
    first = Step(
        label=f"提交方式：{channel.label}，{RECEIPT_RULES[channel]}",
        article="第三十一条",
        day=received,
    )
    return replace(result, steps=(first, *result.steps))


def days_left(request: InfoRequest, *, today: date, calendar: HolidayCalendar) -> int | None:
    if request.due_on is None:
        return None
    return working_days_left(due=request.due_on, today=today, calendar=calendar)

"""Holiday years entered by platform administrators, and the due days they move."""

from datetime import date

from django.db import transaction
from django.utils import timezone

from gongkai.audit.services import record_event, user_or_none
from gongkai.info_requests.deadlines import apply_deadline, current_calendar
from gongkai.info_requests.models import HolidayYear, InfoRequest
from gongkai.info_requests.services._common import audit, refuse, state
from gongkai.orgs.access import Action, require
from gongkai.rules.workdays import YearSchedule

# Platform-wide: with no organization, access grants this to platform administrators only.
MANAGE_CALENDAR = Action.MANAGE_GUIDELINES


def require_calendar_admin(user) -> None:
    require(user, MANAGE_CALENDAR, None)


@transaction.atomic
def save_holiday_year(
    *, year: int, holidays: list[date], makeup_workdays: list[date], source: str, by
) -> tuple[HolidayYear, int]:
    """Enter or correct one year's schedule; returns it and how many due days moved."""
    require_calendar_admin(by)
    if not 2000 <= year <= 2100:
        refuse("年份应在2000至2100之间。")
    if not holidays:
        refuse("请至少填写一个放假日期。")
    try:
        schedule = YearSchedule(
            year=year, holidays=frozenset(holidays), makeup_workdays=frozenset(makeup_workdays)
        )
    except ValueError as exc:
        refuse(f"{exc}。")
    entry = HolidayYear.objects.select_for_update(of=("self",)).filter(year=year).first()
    before = None
    if entry is None:
        entry = HolidayYear(year=year)
    else:
        before = {"holidays": entry.holidays, "makeup_workdays": entry.makeup_workdays}
    entry.holidays = sorted(d.isoformat() for d in schedule.holidays)
    entry.makeup_workdays = sorted(d.isoformat() for d in schedule.makeup_workdays)
    entry.source = source.strip()
    entry.updated_by = user_or_none(by)
    entry.updated_at = timezone.now()
    entry.save()
    record_event(
        actor=by,
        action="info_requests.holiday_year_saved",
        target=entry,
        before=before,
        after={"holidays": entry.holidays, "makeup_workdays": entry.makeup_workdays},
        reason=entry.source,
    )
    return entry, recompute_open_deadlines(by=by, reason=f"{year}年节假日安排更新")


def recompute_open_deadlines(*, by, reason: str) -> int:
    """Recompute every open request's due day with the current calendar; returns how many moved."""
    calendar = current_calendar()
    moved = 0
    for info_request in InfoRequest.objects.open().select_related("organization"):
        before = state(info_request)
        old = (info_request.due_on, info_request.due_uncertain)
        apply_deadline(info_request, calendar=calendar)
        if (info_request.due_on, info_request.due_uncertain) != old:
            info_request.save()
            audit(info_request, by=by, action="deadline_recomputed", before=before, reason=reason)
            moved += 1
    return moved

"""What supervision dashboards and staff lists read about public participation.

Every function takes the organizations to look at (a queryset or list, e.g.
``organizations_for(user, Action.SUPERVISE)``) and the day or moment to judge by, so that
pages, dashboards and reports count the same way.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from gongkai.orgs.models import Organization
from gongkai.participation import clock
from gongkai.participation.models import (
    CommentStatus,
    Consultation,
    Message,
    MessageStatus,
    TransferOrder,
)
from gongkai.participation.models.message import SATISFIED_RATINGS
from gongkai.rules.participation_limits import feedback_due


def _percent(part: int, whole: int) -> float | None:
    return None if whole == 0 else round(100 * part / whole, 1)


# --- consultations ---------------------------------------------------------------------------


@dataclass(frozen=True)
class AwaitingFeedback:
    consultation: Consultation
    ended_on: date
    feedback_due: date
    overdue: bool


def consultations_without_feedback(organizations, *, today: date | None = None):
    """Consultations whose period has ended and whose 采纳情况 is not published, oldest first.

    ``overdue`` once the platform's feedback time (20 working days after the end) has passed.
    """
    today = today or clock.today()
    calendar = clock.holiday_calendar()
    rows = []
    for consultation in (
        Consultation.objects.ended_without_feedback(today)
        .filter(organization__in=organizations)
        .select_related("organization")
        .order_by("ends_on", "id")
    ):
        due = feedback_due(consultation.ends_on, calendar=calendar)
        rows.append(AwaitingFeedback(consultation, consultation.ends_on, due, today > due))
    return rows


def open_consultations(organizations, *, today: date | None = None) -> QuerySet:
    return Consultation.objects.open_on(today or clock.today()).filter(
        organization__in=organizations
    )


def pending_comment_counts(consultations) -> dict[int, int]:
    rows = (
        Consultation.objects.filter(pk__in=[c.pk for c in consultations])
        .annotate(n=Count("comments", filter=Q(comments__status=CommentStatus.PENDING)))
        .values_list("pk", "n")
    )
    return dict(rows)


# --- messages --------------------------------------------------------------------------------


def overdue_messages(organizations, *, today: date | None = None) -> QuerySet:
    """Messages not accepted or not answered within their limits (routed ones only)."""
    return (
        Message.objects.overdue(on=today or clock.today())
        .filter(organization__in=organizations)
        .select_related("organization")
        .order_by("answer_due", "id")
    )


@dataclass(frozen=True)
class MessageFigures:
    organization: Organization
    received: int
    answered: int
    answered_on_time: int
    rated: int
    satisfied: int

    @property
    def answer_rate(self) -> float | None:
        """答复率: answered ÷ received, in percent."""
        return _percent(self.answered, self.received)

    @property
    def on_time_rate(self) -> float | None:
        """按时答复率: answered within the limit ÷ answered."""
        return _percent(self.answered_on_time, self.answered)

    @property
    def satisfaction_rate(self) -> float | None:
        """满意率: 满意 and 基本满意 ÷ rated."""
        return _percent(self.satisfied, self.rated)


def _month_bounds(year: int, month: int) -> tuple[datetime, datetime]:
    tz = timezone.get_current_timezone()
    start = datetime.combine(date(year, month, 1), time(0), tzinfo=tz)
    nxt = date(year + month // 12, month % 12 + 1, 1)
    return start, datetime.combine(nxt, time(0), tzinfo=tz)


def message_figures(organizations, *, year: int, month: int) -> list[MessageFigures]:
    """Per organization, the messages received in the month and what became of them so far."""
    start, end = _month_bounds(year, month)
    counts: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    rows = Message.objects.filter(
        organization__in=organizations, received_at__gte=start, received_at__lt=end
    ).values_list("organization_id", "status", "answered_at", "answer_due", "rating")
    for org_id, status, answered_at, answer_due, rating in rows:
        c = counts[org_id]
        c[0] += 1
        if status == MessageStatus.ANSWERED:
            c[1] += 1
            if timezone.localdate(answered_at) <= answer_due:
                c[2] += 1
        if rating:
            c[3] += 1
            c[4] += rating in SATISFIED_RATINGS
    orgs = Organization.objects.filter(pk__in=list(counts)).order_by("path")
    return [MessageFigures(org, *counts[org.pk]) for org in orgs]


# --- transfer orders -------------------------------------------------------------------------


def overdue_transfer_orders(organizations, *, now: datetime | None = None) -> QuerySet:
    """Open 转办单 past their deadline, addressed to one of ``organizations``."""
    return (
        TransferOrder.objects.overdue(now=now or clock.now())
        .filter(organization__in=organizations)
        .select_related("organization", "event")
        .order_by("deadline")
    )


def orders_for(organizations) -> QuerySet:
    """Orders addressed to, or issued by, one of ``organizations``."""
    return (
        TransferOrder.objects.filter(
            Q(organization__in=organizations) | Q(issued_by__in=organizations)
        )
        .select_related("organization", "issued_by", "event")
        .distinct()
    )


# --- one row per organization, for the supervision dashboard ---------------------------------


@dataclass(frozen=True)
class ParticipationRow:
    organization: Organization
    open_consultations: int
    awaiting_feedback: int
    feedback_overdue: int
    overdue_messages: int
    overdue_orders: int
    month: MessageFigures | None


def supervision_rows(
    organizations, *, today: date | None = None, now: datetime | None = None
) -> list[ParticipationRow]:
    """Only organizations with something to show: open or overdue work, or messages this month."""
    today = today or clock.today()
    now = now or clock.now()
    tally: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for c in open_consultations(organizations, today=today).values_list(
        "organization_id", flat=True
    ):
        tally[c]["open"] += 1
    for row in consultations_without_feedback(organizations, today=today):
        tally[row.consultation.organization_id]["awaiting"] += 1
        tally[row.consultation.organization_id]["feedback_overdue"] += row.overdue
    for org_id in overdue_messages(organizations, today=today).values_list(
        "organization_id", flat=True
    ):
        tally[org_id]["messages"] += 1
    for org_id in overdue_transfer_orders(organizations, now=now).values_list(
        "organization_id", flat=True
    ):
        tally[org_id]["orders"] += 1
    month = {
        f.organization.pk: f
        for f in message_figures(organizations, year=today.year, month=today.month)
    }
    ids = set(tally) | set(month)
    return [
        ParticipationRow(
            organization=org,
            open_consultations=tally[org.pk]["open"],
            awaiting_feedback=tally[org.pk]["awaiting"],
            feedback_overdue=tally[org.pk]["feedback_overdue"],
            overdue_messages=tally[org.pk]["messages"],
            overdue_orders=tally[org.pk]["orders"],
            month=month.get(org.pk),
        )
        for org in Organization.objects.filter(pk__in=ids).order_by("path")
    ]


def months_back(today: date, count: int) -> list[tuple[int, int]]:
    """The current month and the ``count - 1`` before it, newest first, as (year, month)."""
    out, day = [], today.replace(day=1)
    for _ in range(count):
        out.append((day.year, day.month))
        day = (day - timedelta(days=1)).replace(day=1)
    return out

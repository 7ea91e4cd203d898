"""Timeliness of proactive disclosure, per document and per organization (supervision reads this)."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from gongkai.documents.choices import UNPUBLISHED, Disclosure, Status
from gongkai.documents.models import Document
from gongkai.orgs.models import Organization
from gongkai.rules import timeliness
from gongkai.rules.workdays import HolidayCalendar, load_calendar


@dataclass(frozen=True)
class Period:
    """Publication dates from `start` to `end`, both included."""

    start: date
    end: date


@dataclass(frozen=True)
class DocumentTimeliness:
    document: Document
    limit_working_days: int
    formed_on: date
    due_on: date
    published_on: date
    working_days_late: int
    uncertain: bool

    @property
    def on_time(self) -> bool:
        return self.working_days_late == 0


@dataclass(frozen=True)
class TimelinessRow:
    """One organization's publications in a period: how many on time, how many late."""

    organization: Organization
    published: int
    on_time: int
    late: int
    max_working_days_late: int
    uncertain: int

    @property
    def percent_on_time(self) -> int | None:
        return round(100 * self.on_time / self.published) if self.published else None


@dataclass(frozen=True)
class AtRisk:
    document: Document
    due_on: date
    working_days_left: int
    uncertain: bool

    @property
    def overdue(self) -> bool:
        return self.working_days_left < 0

    @property
    def working_days_overdue(self) -> int:
        return max(0, -self.working_days_left)


def item_limits(document_ids: Iterable[int]) -> dict[int, int]:
    """The effective time limit of each document, from its catalog items (one query)."""
    limits: dict[int, list[int | None]] = defaultdict(list)
    through = Document.catalog_items.through.objects.filter(document_id__in=list(document_ids))
    for document_id, days in through.values_list(
        "document_id", "catalogitem__time_limit_working_days"
    ):
        limits[document_id].append(days)
    return {doc_id: timeliness.effective_limit(days) for doc_id, days in limits.items()}


def _limit(limits: dict[int, int], document: Document) -> int:
    return limits.get(document.pk, timeliness.STATUTORY_LIMIT_WORKING_DAYS)


def assess_documents(
    documents: Iterable[Document], *, calendar: HolidayCalendar | None = None
) -> list[DocumentTimeliness]:
    """Published documents against their deadlines; documents without a 成文日期 are left out."""
    documents = [d for d in documents if d.formed_on and d.published_at]
    calendar = calendar or load_calendar()
    limits = item_limits(d.pk for d in documents)
    rows = []
    for document in documents:
        due = timeliness.deadline(
            formed_on=document.formed_on,
            limit_working_days=_limit(limits, document),
            calendar=calendar,
        )
        published_on = timezone.localdate(document.published_at)
        result = timeliness.assess(due=due, published_on=published_on, calendar=calendar)
        rows.append(
            DocumentTimeliness(
                document=document,
                limit_working_days=due.limit_working_days,
                formed_on=due.formed_on,
                due_on=due.due_on,
                published_on=published_on,
                working_days_late=result.working_days_late,
                uncertain=result.uncertain,
            )
        )
    return rows


def _period(period) -> Period:
    return period if isinstance(period, Period) else Period(*period)


def published_in(organizations, period) -> "Iterable[Document]":
    """Proactive documents that went live in the period (withdrawn ones were published too)."""
    period = _period(period)
    return (
        Document.objects.of(organizations)
        .filter(
            disclosure=Disclosure.PROACTIVE,
            status__in=[Status.PUBLISHED, Status.WITHDRAWN],
            published_at__date__gte=period.start,
            published_at__date__lte=period.end,
        )
        .only("pk", "organization_id", "written_on", "changed_on", "published_at", "title")
    )


def timeliness_rows(organizations, period) -> list[TimelinessRow]:
    """Per organization: publications in `period` (a Period or a (start, end) pair), on time or late."""
    organizations = list(organizations)
    by_org: dict[int, list[DocumentTimeliness]] = defaultdict(list)
    for row in assess_documents(published_in(organizations, period)):
        by_org[row.document.organization_id].append(row)
    result = []
    for organization in organizations:
        rows = by_org.get(organization.pk, [])
        late = [r for r in rows if not r.on_time]
        result.append(
            TimelinessRow(
                organization=organization,
                published=len(rows),
                on_time=len(rows) - len(late),
                late=len(late),
                max_working_days_late=max((r.working_days_late for r in late), default=0),
                uncertain=sum(r.uncertain for r in rows),
            )
        )
    return result


def at_risk_drafts(
    organizations, *, today: date | None = None, calendar: HolidayCalendar | None = None
) -> list[AtRisk]:
    """Unpublished proactive documents due within 3 working days, or already overdue."""
    today = today or timezone.localdate()
    calendar = calendar or load_calendar()
    documents = [
        d
        for d in Document.objects.of(organizations)
        .filter(status__in=UNPUBLISHED, disclosure=Disclosure.PROACTIVE)
        .select_related("organization")
        if d.formed_on
    ]
    limits = item_limits(d.pk for d in documents)
    rows = []
    for document in documents:
        due = timeliness.deadline(
            formed_on=document.formed_on,
            limit_working_days=_limit(limits, document),
            calendar=calendar,
        )
        outlook = timeliness.outlook(due=due, today=today, calendar=calendar)
        if outlook.at_risk:
            rows.append(AtRisk(document, due.due_on, outlook.working_days_left, outlook.uncertain))
    return sorted(rows, key=lambda r: (r.working_days_left, r.document.pk))


@dataclass(frozen=True)
class DocumentClock:
    """One document against its time limit, for its staff page."""

    limit_working_days: int
    due_on: date
    working_days_late: int | None = None
    working_days_left: int | None = None


def clock_for(document: Document, *, today: date | None = None) -> DocumentClock | None:
    if not document.formed_on:
        return None
    calendar = load_calendar()
    if document.published_at:
        row = assess_documents([document], calendar=calendar)[0]
        return DocumentClock(
            row.limit_working_days, row.due_on, working_days_late=row.working_days_late
        )
    limit = _limit(item_limits([document.pk]), document)
    due = timeliness.deadline(
        formed_on=document.formed_on, limit_working_days=limit, calendar=calendar
    )
    outlook = timeliness.outlook(due=due, today=today or timezone.localdate(), calendar=calendar)
    return DocumentClock(limit, due.due_on, working_days_left=outlook.working_days_left)

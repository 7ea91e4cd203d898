"""What the 依申请公开 pages, the annual report and the reminders read."""

from dataclasses import dataclass
from datetime import date, timedelta

from gongkai.info_requests.deadlines import days_left
from gongkai.info_requests.masking import Applicant, applicant_for
from gongkai.info_requests.models import InfoRequest, Notice, Status
from gongkai.info_requests.services.intake import token_hash
from gongkai.orgs.access import Action, organizations_for
from gongkai.orgs.models import Organization, OrganizationKind
from gongkai.rules.request_results import (
    RESULT_TYPES,
    ROW_CARRIED_FORWARD,
    ROW_CARRIED_OVER,
    ROW_NEW,
    ROW_RESULTS_PARENT,
    ROW_RESULTS_TOTAL,
    column_labels,
    section_three,
    tally,
)
from gongkai.rules.workdays import HolidayCalendar


def request_for_token(token: str) -> InfoRequest | None:
    """The request behind an applicant's private link (only its hash is stored)."""
    if not token or len(token) > 64:
        return None
    return (
        InfoRequest.objects.select_related("organization", "correction", "extension")
        .filter(token_hash=token_hash(token))
        .first()
    )


def annual_figures(organization: Organization, year: int) -> dict[str, dict[str, int]]:
    """Section 三 of the annual report: {row label: {column label: count}}, labels as in
    annual_report_format.json. A request counts as 新收 in the year it was received, as a result
    in the year it was replied to, and as 结转 across every year end it stayed open."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    rows = (
        InfoRequest.objects.filter(organization=organization, received_on__lte=last)
        .exclude(replied_on__lt=first)
        .values_list("applicant_type", "received_on", "replied_on", "result")
    )
    tallies = (
        tally(
            applicant=applicant,
            received=received,
            concluded=replied,
            result=result or None,
            year=year,
        )
        for applicant, received, replied, result in rows
    )
    return section_three(t for t in tallies if t is not None)


@dataclass(frozen=True)
class TableRow:
    label: str
    values: list[int] | None  # None: a heading row
    level: int


def statistics_table(figures: dict[str, dict[str, int]]) -> list[TableRow]:
    """The figures as the rows of the printed table, with the group headings it has."""
    columns = column_labels()

    def row(label: str, level: int) -> TableRow:
        return TableRow(label, [figures[label][c] for c in columns], level)

    out = [row(ROW_NEW, 0), row(ROW_CARRIED_OVER, 0), TableRow(ROW_RESULTS_PARENT, None, 0)]
    group = None
    for result in RESULT_TYPES:
        nested = result.group.value not in result.label
        if nested and result.group != group:
            out.append(TableRow(result.group.value, None, 1))
        group = result.group
        out.append(row(result.label, 2 if nested else 1))
    out += [row(ROW_RESULTS_TOTAL, 1), row(ROW_CARRIED_FORWARD, 0)]
    return out


def years_with_requests(organization: Organization, *, today: date) -> list[int]:
    first = (
        InfoRequest.objects.filter(organization=organization)
        .order_by("received_on")
        .values_list("received_on", flat=True)
        .first()
    )
    start = first.year if first else today.year
    return list(range(today.year, start - 1, -1))


@dataclass(frozen=True)
class RequestRow:
    request: InfoRequest
    applicant: Applicant
    days_left: int | None

    @property
    def urgency(self) -> str:
        if self.days_left is None or not self.request.is_open:
            return ""
        if self.days_left < 0:
            return "overdue"
        return "due-soon" if self.days_left <= 5 else ""


def visible_requests(user):
    return InfoRequest.objects.in_scope(organizations_for(user, Action.VIEW_WORKSPACE))


def request_rows(user, requests, *, today: date, calendar: HolidayCalendar) -> list[RequestRow]:
    return [
        RequestRow(r, applicant_for(user, r), days_left(r, today=today, calendar=calendar))
        for r in requests
    ]


def filtered_requests(user, *, status: str = "", organization: str = "", query: str = ""):
    requests = visible_requests(user).select_related("organization", "handler")
    if status == "open":
        requests = requests.open()
    elif status in Status.values:
        requests = requests.filter(status=status)
    if organization:
        requests = requests.filter(organization__code=organization)
    if query:
        requests = requests.filter(number__icontains=query.strip())
    return requests


@dataclass(frozen=True)
class DeadlineBoard:
    overdue: list[RequestRow]
    due_today: list[RequestRow]
    due_2: list[RequestRow]
    due_5: list[RequestRow]
    unknown_year: list[RequestRow]


def deadline_board(user, *, today: date, calendar: HolidayCalendar) -> DeadlineBoard:
    """Open requests of the user's organizations by urgency (thresholds 5, 2, 0 working days)."""
    requests = (
        visible_requests(user)
        .open()
        .filter(due_on__isnull=False, due_on__lte=today + timedelta(days=31))
        .select_related("organization", "handler")
        .order_by("due_on", "id")
    )
    rows = request_rows(user, requests, today=today, calendar=calendar)
    uncertain = (
        visible_requests(user).open().filter(due_uncertain=True).select_related("organization")
    )
    return DeadlineBoard(
        overdue=[r for r in rows if r.days_left < 0],
        due_today=[r for r in rows if r.days_left == 0],
        due_2=[r for r in rows if 0 < r.days_left <= 2],
        due_5=[r for r in rows if 2 < r.days_left <= 5],
        unknown_year=request_rows(user, uncertain, today=today, calendar=calendar),
    )


def same_applicant_recent(info_request: InfoRequest, *, days: int = 30) -> int:
    """Other applications by the same applicant within ``days`` (to weigh 第三十五条)."""
    since = info_request.received_on - timedelta(days=days)
    return (
        InfoRequest.objects.filter(applicant_key=info_request.applicant_key, received_on__gte=since)
        .exclude(pk=info_request.pk)
        .count()
    )


def unread_notices(user):
    return Notice.objects.filter(user=user, read_at__isnull=True)


def notices_for(user):
    return Notice.objects.filter(user=user).select_related("request__organization")[:200]


def accepting_organizations():
    """Administrative bodies, in tree order: 村(居)委会 are not 行政机关 under 第二条 and 第二十七条."""
    return (
        Organization.objects.exclude(kind=OrganizationKind.VILLAGE)
        .select_related("region", "parent")
        .order_by("path")
    )

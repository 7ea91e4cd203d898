"""The dashboard figures of each body, and of each body × domain, on one day.

Computed live for a small scope, or by ``services.snapshots.refresh_snapshot`` for all bodies
in the background; both go through ``compute_figures`` so that they agree.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, fields
from datetime import date, timedelta

from django.db.models import Count

from gongkai.catalog.models import Domain
from gongkai.catalog.selectors import coverage_matrix
from gongkai.info_requests.deadlines import current_calendar
from gongkai.orgs.models import Organization
from gongkai.rules.indicators import (
    FreshnessWindows,
    Period,
    blank_items,
    late_publications,
    missing_interpretations,
    report_status,
    stale_items,
)
from gongkai.supervision.models import TaskAssignment
from gongkai.supervision.selectors import facts

RECENT_DAYS = 365
WINDOWS = FreshnessWindows()
REPORT_LABELS = {
    "on_time": "按时公布",
    "late": "逾期公布",
    "missing": "逾期未公布",
    "not_due": "未到期限",
    "": "—",
}


def recent_period(today: date) -> Period:
    """The last 12 months up to today: the window of 'late' and 'not interpreted' figures."""
    return Period(start=today - timedelta(days=RECENT_DAYS - 1), end=today)


@dataclass
class Figures:
    applicable: int = 0
    adopted: int = 0
    items: int = 0
    blank: int = 0
    stale: int = 0
    published: int = 0
    late: int = 0
    uninterpreted: int = 0
    requests_open: int = 0
    requests_overdue: int = 0
    tasks_overdue: int = 0
    reports_overdue: int = 0  # bodies whose last annual report is late or missing
    report_status: str = ""

    COUNTS = (
        "applicable",
        "adopted",
        "items",
        "blank",
        "stale",
        "published",
        "late",
        "uninterpreted",
        "requests_open",
        "requests_overdue",
        "tasks_overdue",
        "reports_overdue",
    )

    def add(self, other: Figures) -> None:
        for name in self.COUNTS:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def coverage(self) -> int | None:
        return round(100 * self.adopted / self.applicable) if self.applicable else None

    @property
    def report_label(self) -> str:
        return REPORT_LABELS.get(self.report_status, self.report_status)

    def as_dict(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}


Key = tuple[int, int | None]  # (organization id, domain id or None for all domains)


def compute_figures(organizations: list[Organization], *, today: date) -> dict[Key, Figures]:
    """Figures per (body, domain) and per (body, None), for every body given."""
    result: dict[Key, Figures] = defaultdict(Figures)
    if not organizations:
        return result
    org_ids = [org.id for org in organizations]
    duties = facts.duty_domains(organizations)
    domains = list(Domain.objects.all())
    for (org_id, domain_id), coverage in coverage_matrix(organizations, domains).items():
        if domain_id in duties.get(org_id, ()):
            figures = result[(org_id, domain_id)]
            figures.applicable, figures.adopted = coverage.applicable, coverage.adopted

    items = facts.catalog_item_facts(org_ids)
    blank = {f.item_id for f in blank_items(i.fact for i in items)}
    stale = {f.item_id for f in stale_items((i.fact for i in items), as_of=today, windows=WINDOWS)}
    for item in items:
        figures = result[(item.organization_id, item.domain_id)]
        figures.items += 1
        figures.blank += item.fact.item_id in blank
        figures.stale += item.fact.item_id in stale

    calendar = current_calendar()
    period = recent_period(today)
    publications = facts.publications(org_ids, period)
    late = {
        entry.fact.document_id
        for entry in late_publications(
            (p.fact for p in publications), period=period, calendar=calendar
        )
    }
    for publication in publications:
        for domain_id in publication.domain_ids:
            figures = result[(publication.organization_id, domain_id)]
            figures.published += 1
            figures.late += publication.fact.document_id in late
        totals = result[(publication.organization_id, None)]
        totals.published += 1
        totals.late += publication.fact.document_id in late

    for org_id, found in facts.policies(org_ids, period).items():
        missing = missing_interpretations(found, period=period, calendar=calendar)
        result[(org_id, None)].uninterpreted = len(missing)

    for org_id, (open_count, overdue) in facts.request_counts(org_ids, today=today).items():
        totals = result[(org_id, None)]
        totals.requests_open, totals.requests_overdue = open_count, overdue

    reports = facts.reports_due(organizations, year=today.year - 1)
    for org_id, report in reports.items():
        totals = result[(org_id, None)]
        totals.report_status = report_status(report, as_of=today).code
        totals.reports_overdue = int(totals.report_status in {"late", "missing"})

    for org_id, count in (
        TaskAssignment.objects.overdue(on=today)
        .filter(organization__in=org_ids)
        .values("organization_id")
        .annotate(n=Count("id"))
        .values_list("organization_id", "n")
    ):
        result[(org_id, None)].tasks_overdue = count

    for (org_id, domain_id), figures in list(result.items()):
        if domain_id is None:
            continue
        totals = result[(org_id, None)]
        for name in ("applicable", "adopted", "items", "blank", "stale"):
            setattr(totals, name, getattr(totals, name) + getattr(figures, name))
    for org in organizations:
        result.setdefault((org.id, None), Figures())
    return result

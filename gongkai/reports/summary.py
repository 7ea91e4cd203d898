"""The region summary a 公开办 supervisor reads: every body below them in one table.

Figures are summed over every organization under the supervising one (村(居)委会 excluded: they
publish 村务公开, not this report). A published report counts with its frozen figures; a body
without one counts with what the platform holds, and is listed as missing.
"""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from gongkai.info_requests.models import InfoRequest
from gongkai.orgs.models import Organization, OrganizationKind
from gongkai.reports.models import AnnualReport
from gongkai.reports.selectors import (
    case_records,
    entered_active,
    is_government_report,
    may_issue_rules,
    policy_records,
)
from gongkai.rules import annual_report as ar
from gongkai.rules.annual_report_checks import CheckResult, check_report
from gongkai.rules.annual_report_figures import (
    count_cases,
    count_documents,
    figures_from_json,
    sum_figures,
)
from gongkai.rules.annual_report_layout import LayoutTable, report_tables
from gongkai.rules.request_results import section_three, tally


@dataclass(frozen=True)
class BodyStatus:
    organization: Organization
    report: AnnualReport | None
    deadline: date
    published_on: date | None
    late_days: int  # 0 when on time (or not yet due)
    checks: list[CheckResult]

    @property
    def state(self) -> str:
        if self.report is None:
            return "missing"
        return "published" if self.report.is_published else "draft"

    @property
    def state_label(self) -> str:
        return {"missing": "未编制", "draft": "编制中", "published": "已公布"}[self.state]

    @property
    def errors(self) -> list[CheckResult]:
        return [c for c in self.checks if c.is_error]

    @property
    def warnings(self) -> list[CheckResult]:
        return [c for c in self.checks if not c.is_error]


@dataclass(frozen=True)
class RegionSummary:
    organization: Organization
    year: int
    today: date
    figures: ar.AnnualFigures
    bodies: list[BodyStatus]

    @property
    def missing(self) -> list[BodyStatus]:
        return [b for b in self.bodies if b.state != "published"]

    @property
    def late(self) -> list[BodyStatus]:
        return [b for b in self.bodies if b.late_days > 0]

    @property
    def failing(self) -> list[BodyStatus]:
        return [b for b in self.bodies if b.errors]

    @property
    def published_count(self) -> int:
        return sum(1 for b in self.bodies if b.state == "published")

    @property
    def tables(self) -> dict[str, LayoutTable]:
        return report_tables(self.figures)


def bodies_below(organization: Organization):
    return (
        Organization.objects.subtree(organization)
        .exclude(pk=organization.pk)
        .exclude(kind=OrganizationKind.VILLAGE)
        .select_related("region")
        .order_by("path")
    )


def request_tables(organization_ids: list[int], year: int) -> dict[int, ar.RequestTable]:
    """Section 三 of many bodies in one query, counted by the rules ``annual_figures`` uses.

    Same selection as ``info_requests.selectors.annual_figures`` (a test holds them equal); an
    ``annual_figures_many`` there would let this go.
    """
    first, last = date(year, 1, 1), date(year, 12, 31)
    rows = (
        InfoRequest.objects.filter(organization_id__in=organization_ids, received_on__lte=last)
        .exclude(replied_on__lt=first)
        .values_list("organization_id", "applicant_type", "received_on", "replied_on", "result")
    )
    tallies: dict[int, list] = {org_id: [] for org_id in organization_ids}
    for org_id, applicant, received, replied, result in rows:
        counted = tally(
            applicant=applicant,
            received=received,
            concluded=replied,
            result=result or None,
            year=year,
        )
        if counted is not None:
            tallies[org_id].append(counted)
    return {
        org_id: ar.request_table_from_mapping(section_three(found))
        for org_id, found in tallies.items()
    }


def region_summary(*, organization: Organization, year: int, today: date) -> RegionSummary:
    bodies = list(bodies_below(organization))
    ids = [body.id for body in bodies]
    reports = {
        r.organization_id: r
        for r in AnnualReport.objects.filter(organization_id__in=ids, year=year).defer(
            "overview", "problems", "other_matters", "withdrawal_reason"
        )
    }
    previous = {
        r.organization_id: figures_from_json(r.snapshot)
        for r in AnnualReport.objects.published()
        .filter(organization_id__in=ids, year=year - 1)
        .only("organization_id", "snapshot")
        if r.snapshot
    }
    documents = policy_records(ids)
    cases = case_records(ids, year)
    unpublished = [
        body.id
        for body in bodies
        if body.id not in reports
        or not (reports[body.id].is_published and reports[body.id].snapshot)
    ]
    requests = request_tables(unpublished, year)
    statuses, all_figures = [], []
    for body in bodies:
        report = reports.get(body.id)
        if report is not None and report.is_published and report.snapshot:
            figures = figures_from_json(report.snapshot)
        else:
            figures = ar.AnnualFigures(
                year,
                entered_active(count_documents(documents.get(body.id, []), year), report),
                requests[body.id],
                count_cases(cases.get(body.id, []), year),
            )
        all_figures.append(figures)
        checks = check_report(
            figures, previous=previous.get(body.id), may_issue_rules=may_issue_rules(body)
        )
        deadline = ar.publication_deadline(year, government_report=is_government_report(body))
        published_on = (
            timezone.localdate(report.published_at) if report and report.published_at else None
        )
        late_days = max(0, ((published_on or today) - deadline).days)
        statuses.append(BodyStatus(body, report, deadline, published_on, late_days, checks))
    return RegionSummary(organization, year, today, sum_figures(year, all_figures), statuses)

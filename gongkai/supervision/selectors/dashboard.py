"""The dashboard: region → organization → domain, each figure ready with the link behind it."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from urllib.parse import urlencode

from django.db.models import Sum
from django.urls import reverse

from gongkai.catalog.models import Domain
from gongkai.orgs.models import Organization, Region
from gongkai.supervision.models import OrganizationFigures, Snapshot
from gongkai.supervision.selectors.figures import Figures, compute_figures
from gongkai.supervision.selectors.scope import Scope, region_crumbs

FIGURE_FIELDS = (
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
    "report_status",
)


@dataclass(frozen=True)
class Cell:
    value: str
    url: str = ""
    alert: bool = False
    label: str = ""


FIGURE_LABELS = (
    "目录覆盖率",
    "空白事项",
    "未按期更新",
    "超时限发布",
    "未按时解读",
    "申请办理中",
    "申请逾期",
    "任务逾期",
    "年度报告",
)


@dataclass(frozen=True)
class Row:
    name: str
    url: str
    kind: str  # "region" | "organization" | "domain"
    figures: Figures
    cells: list[Cell]


@dataclass(frozen=True)
class Source:
    """Where the figures come from: a snapshot refreshed in the background, or computed now."""

    as_of: date
    computed_at: datetime | None
    live: bool


@dataclass
class RegionDashboard:
    region: Region | None
    crumbs: list[Region]
    totals: Row
    child_rows: list[Row] = field(default_factory=list)
    organization_rows: list[Row] = field(default_factory=list)
    domain_rows: list[Row] = field(default_factory=list)
    source: Source | None = None


def list_url(figure: str, **params) -> str:
    return f"{reverse('supervision:figure_list', args=[figure])}?{urlencode(params)}"


def _cells(
    figures: Figures, params: dict, *, with_report: bool = True, aggregate: bool = False
) -> list[Cell]:
    """The figures of a row; an aggregate (a region) counts the bodies whose report is overdue."""
    coverage = figures.coverage
    cells = [
        Cell(
            f"{coverage}%" if coverage is not None else "—",
            list_url("coverage", **params),
            coverage is not None and coverage < 100,
        ),
        Cell(str(figures.blank), list_url("blank", **params), figures.blank > 0),
        Cell(str(figures.stale), list_url("stale", **params), figures.stale > 0),
        Cell(str(figures.late), list_url("late", **params), figures.late > 0),
        Cell(
            str(figures.uninterpreted),
            list_url("uninterpreted", **params),
            figures.uninterpreted > 0,
        ),
        Cell(str(figures.requests_open), list_url("requests_open", **params)),
        Cell(
            str(figures.requests_overdue),
            list_url("requests_overdue", **params),
            figures.requests_overdue > 0,
        ),
        Cell(
            str(figures.tasks_overdue),
            list_url("tasks_overdue", **params),
            figures.tasks_overdue > 0,
        ),
    ]
    if with_report and aggregate:
        cells.append(
            Cell(
                f"{figures.reports_overdue}个单位逾期" if figures.reports_overdue else "无逾期",
                list_url("report", **params),
                figures.reports_overdue > 0,
            )
        )
    elif with_report:
        cells.append(
            Cell(
                figures.report_label,
                list_url("report", **params),
                figures.report_status in {"late", "missing"},
            )
        )
    return [
        Cell(cell.value, cell.url, cell.alert, label)
        for cell, label in zip(cells, FIGURE_LABELS, strict=False)
    ]


def latest_snapshot() -> Snapshot | None:
    return Snapshot.objects.filter(status=Snapshot.DONE).order_by("-finished_at", "-id").first()


def _snapshot_figures(snapshot: Snapshot, org_ids: list[int]) -> dict[int, Figures]:
    rows = OrganizationFigures.objects.filter(snapshot=snapshot, domain__isnull=True).values_list(
        "organization_id", *FIGURE_FIELDS
    )
    wanted = set(org_ids)
    result = {}
    for org_id, *values in rows:
        if org_id in wanted:
            result[org_id] = Figures(**dict(zip(FIGURE_FIELDS, values, strict=True)))
    return result


DOMAIN_SUMS = ("applicable", "adopted", "items", "blank", "stale", "published", "late")


def _snapshot_domains(snapshot: Snapshot, org_ids: list[int]) -> dict[int, Figures]:
    """The bodies' rows summed by domain in the database: 26 rows back, not 30,000."""
    rows = (
        OrganizationFigures.objects.filter(
            snapshot=snapshot, domain__isnull=False, organization_id__in=org_ids
        )
        .values("domain_id")
        .annotate(**{name: Sum(name) for name in DOMAIN_SUMS})
        .values_list("domain_id", *DOMAIN_SUMS)
    )
    return {
        domain_id: Figures(**dict(zip(DOMAIN_SUMS, values, strict=True)))
        for domain_id, *values in rows
    }


def organization_totals(
    organizations: list[Organization], *, today: date, with_domains: bool = False
) -> tuple[dict[int, Figures], Source, dict[int, Figures]]:
    """Each body's totals (and, if asked, the bodies' catalog figures summed by domain): from
    the latest snapshot when there is one, otherwise computed now."""
    snapshot = latest_snapshot()
    ids = [org.id for org in organizations]
    if snapshot is not None:
        found = _snapshot_figures(snapshot, ids)
        return (
            {org_id: found.get(org_id, Figures()) for org_id in ids},
            Source(as_of=snapshot.as_of, computed_at=snapshot.finished_at, live=False),
            _snapshot_domains(snapshot, ids) if with_domains else {},
        )
    computed = compute_figures(organizations, today=today)
    domains: dict[int, Figures] = defaultdict(Figures)
    for (_, domain_id), figures in computed.items():
        if domain_id is not None:
            domains[domain_id].add(figures)
    return (
        {org_id: computed[(org_id, None)] for org_id in ids},
        Source(as_of=today, computed_at=None, live=True),
        domains,
    )


def region_dashboard(scope: Scope, region: Region | None, *, today: date) -> RegionDashboard:
    organizations = scope.within(region)
    totals_by_org, source, by_domain = organization_totals(
        organizations, today=today, with_domains=True
    )
    depth = len([c for c in region.path.split("/") if c]) if region else 0
    children: dict[str, Figures] = defaultdict(Figures)
    own: list[Organization] = []
    for org in organizations:
        codes = [c for c in org.region.path.split("/") if c]
        if region is not None and org.region_id == region.id:
            own.append(org)
        else:
            children[codes[depth]].add(totals_by_org[org.id])
    child_regions = {r.code: r for r in Region.objects.filter(code__in=children)}
    totals = Figures()
    for figures in totals_by_org.values():
        totals.add(figures)
    params = {"region": region.code} if region else {}
    dashboard = RegionDashboard(
        region=region,
        crumbs=region_crumbs(scope, region),
        totals=Row(
            name=region.name if region else "全部",
            url="",
            kind="region",
            figures=totals,
            cells=_cells(totals, params, aggregate=True),
        ),
        source=source,
    )
    for code in sorted(children, key=lambda c: child_regions[c].path):
        child = child_regions[code]
        figures = children[code]
        dashboard.child_rows.append(
            Row(
                name=child.name,
                url=f"{reverse('supervision:dashboard')}?region={child.code}",
                kind="region",
                figures=figures,
                cells=_cells(figures, {"region": child.code}, aggregate=True),
            )
        )
    for domain in Domain.objects.filter(id__in=by_domain).order_by("position", "code"):
        figures = by_domain[domain.id]
        domain_params = {**params, "domain": domain.code}
        dashboard.domain_rows.append(
            Row(
                name=domain.name,
                url="",
                kind="domain",
                figures=figures,
                cells=_cells(figures, domain_params, with_report=False)[:4],
            )
        )
    for org in own:
        figures = totals_by_org[org.id]
        dashboard.organization_rows.append(
            Row(
                name=org.name,
                url=reverse("supervision:organization", args=[org.code]),
                kind="organization",
                figures=figures,
                cells=_cells(figures, {"org": org.code}),
            )
        )
    return dashboard


@dataclass
class OrganizationDashboard:
    organization: Organization
    totals: Row
    domain_rows: list[Row]
    child_rows: list[Row]
    source: Source


def organization_dashboard(
    scope: Scope, organization: Organization, *, today: date
) -> OrganizationDashboard:
    """One body: its figures by domain (always computed now), and the bodies directly under it."""
    computed = compute_figures([organization], today=today)
    totals = computed[(organization.id, None)]
    domains = {d.id: d for d in Domain.objects.filter(id__in=[k[1] for k in computed if k[1]])}
    domain_rows = []
    for domain in sorted(domains.values(), key=lambda d: (d.position, d.code)):
        figures = computed[(organization.id, domain.id)]
        params = {"org": organization.code, "domain": domain.code}
        domain_rows.append(
            Row(
                name=domain.name,
                url=reverse("supervision:domain", args=[organization.code, domain.code]),
                kind="domain",
                figures=figures,
                cells=_cells(figures, params, with_report=False)[:4],
            )
        )
    children = [org for org in scope.organizations if org.parent_id == organization.id]
    child_totals, _, _ = organization_totals(children, today=today)
    child_rows = [
        Row(
            name=child.name,
            url=reverse("supervision:organization", args=[child.code]),
            kind="organization",
            figures=child_totals[child.id],
            cells=_cells(child_totals[child.id], {"org": child.code}),
        )
        for child in children
    ]
    return OrganizationDashboard(
        organization=organization,
        totals=Row(
            name=organization.name,
            url="",
            kind="organization",
            figures=totals,
            cells=_cells(totals, {"org": organization.code}),
        ),
        domain_rows=domain_rows,
        child_rows=child_rows,
        source=Source(as_of=today, computed_at=None, live=True),
    )

"""What supervision reads from the other areas, turned into the plain facts of ``rules.indicators``.

Every query here is grouped by organization (and catalog item), so that the cost grows with the
number of rows read, not with the number of bodies asked about.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Max, Min, Q
from django.utils import timezone

from gongkai.catalog.models import CatalogItem, Domain, GuidelineItem, Mode
from gongkai.catalog.selectors import coverage_matrix
from gongkai.documents.choices import POLICY_GENRES, Disclosure, Genre, Status
from gongkai.documents.models import Document
from gongkai.info_requests.models import InfoRequest
from gongkai.orgs.models import Organization, OrganizationKind
from gongkai.reports.models import AnnualReport
from gongkai.reports.selectors import is_government_report
from gongkai.rules.annual_report import publication_deadline
from gongkai.rules.indicators import (
    ItemFact,
    ItemKind,
    Period,
    PolicyFact,
    PublicationFact,
    ReportFact,
    RequestFact,
    item_kind,
)

LIVE = (Status.PUBLISHED,)
WENT_LIVE = (Status.PUBLISHED, Status.WITHDRAWN)  # withdrawn documents were published too
GENRE_KINDS = {
    Genre.NEWS: ItemKind.NEWS,
    Genre.ANNOUNCEMENT: ItemKind.NOTICE,
    Genre.REGULATION: ItemKind.POLICY,
    Genre.NORMATIVE: ItemKind.POLICY,
    Genre.OTHER_DOCUMENT: ItemKind.POLICY,
}


def _day(moment) -> date | None:
    return timezone.localdate(moment) if moment else None


@dataclass(frozen=True)
class CatalogItemFact:
    """A proactive catalog item with what has been published under it."""

    fact: ItemFact
    organization_id: int
    domain_id: int
    time_limit_days: int | None


def item_label(level1: str, level2: str, level3: str, domain: str = "") -> str:
    return " / ".join(part for part in (domain, level1, level2, level3) if part and part != "—")


def catalog_item_facts(org_ids) -> list[CatalogItemFact]:
    """Applicable, proactive items of the bodies' catalogs, each with its publications so far."""
    stats: dict[int, tuple[int, date | None]] = {}
    genres: dict[int, tuple[date, str]] = {}
    through = Document.catalog_items.through.objects.filter(
        catalogitem__catalog__organization__in=org_ids,
        document__status__in=LIVE,
        document__disclosure=Disclosure.PROACTIVE,
    )
    for item_id, genre, count, last in (
        through.values_list("catalogitem_id", "document__genre")
        .annotate(n=Count("document_id"), last=Max("document__published_at"))
        .order_by()
    ):
        n, seen = stats.get(item_id, (0, None))
        last_day = _day(last)
        stats[item_id] = (n + count, max(filter(None, (seen, last_day)), default=None))
        if last_day and (item_id not in genres or genres[item_id][0] < last_day):
            genres[item_id] = (last_day, genre)
    rows = (
        CatalogItem.objects.filter(
            catalog__organization__in=org_ids, applicable=True, withdrawn=False, mode=Mode.PROACTIVE
        )
        .values_list(
            "id",
            "catalog__organization_id",
            "catalog__domain_id",
            "catalog__domain__name",
            "level1",
            "level2",
            "level3",
            "time_limit_working_days",
        )
        .order_by("catalog__organization_id", "catalog__domain__position", "position", "id")
    )
    facts = []
    for item_id, org_id, domain_id, domain, level1, level2, level3, limit in rows:
        count, last = stats.get(item_id, (0, None))
        kind = item_kind(level1, level2, level3) or GENRE_KINDS.get(
            genres.get(item_id, ("", ""))[1]
        )
        facts.append(
            CatalogItemFact(
                fact=ItemFact(
                    item_id=item_id,
                    label=item_label(level1, level2, level3, domain),
                    kind=kind,
                    last_published=last,
                    published_count=count,
                ),
                organization_id=org_id,
                domain_id=domain_id,
                time_limit_days=limit,
            )
        )
    return facts


@dataclass(frozen=True)
class Publication:
    fact: PublicationFact
    organization_id: int
    domain_ids: frozenset[int]


def publications(org_ids, period: Period) -> list[Publication]:
    """Proactive documents that went live in the period, with their strictest item time limit."""
    documents = (
        Document.objects.filter(
            organization__in=org_ids,
            disclosure=Disclosure.PROACTIVE,
            status__in=WENT_LIVE,
            published_at__date__gte=period.start,
            published_at__date__lte=period.end,
        )
        .filter(Q(written_on__isnull=False) | Q(changed_on__isnull=False))
        .values_list("id", "organization_id", "title", "written_on", "changed_on", "published_at")
    )
    rows = list(documents)
    links: dict[int, list[tuple[int, int | None, str]]] = defaultdict(list)
    through = Document.catalog_items.through.objects.filter(
        document__organization__in=org_ids,
        document__disclosure=Disclosure.PROACTIVE,
        document__status__in=WENT_LIVE,
        document__published_at__date__gte=period.start,
        document__published_at__date__lte=period.end,
    )
    for doc_id, domain_id, limit, level1, level2 in through.values_list(
        "document_id",
        "catalogitem__catalog__domain_id",
        "catalogitem__time_limit_working_days",
        "catalogitem__level1",
        "catalogitem__level2",
    ):
        links[doc_id].append((domain_id, limit, item_label(level1, level2, "")))
    result = []
    for doc_id, org_id, title, written_on, changed_on, published_at in rows:
        items = links.get(doc_id, [])
        limits = [limit for _, limit, _ in items if limit is not None]
        result.append(
            Publication(
                fact=PublicationFact(
                    document_id=doc_id,
                    title=title,
                    item_label=items[0][2] if items else "",
                    formed_on=changed_on or written_on,
                    published_on=_day(published_at),
                    time_limit_days=min(limits) if limits else None,
                ),
                organization_id=org_id,
                domain_ids=frozenset(domain for domain, _, _ in items),
            )
        )
    return result


def policies(org_ids, period: Period) -> dict[int, list[PolicyFact]]:
    """Published policies (规章、行政规范性文件) of the period and their first interpretation."""
    rows = (
        Document.objects.filter(
            organization__in=org_ids,
            genre__in=POLICY_GENRES,
            disclosure=Disclosure.PROACTIVE,
            status=Status.PUBLISHED,
            published_at__date__gte=period.start,
            published_at__date__lte=period.end,
        )
        .annotate(
            interpreted=Min(
                "interpretations__published_at",
                filter=Q(interpretations__status__in=WENT_LIVE),
            )
        )
        .values_list("id", "organization_id", "title", "published_at", "interpreted")
        .order_by("published_at", "id")
    )
    found: dict[int, list[PolicyFact]] = defaultdict(list)
    for doc_id, org_id, title, published_at, interpreted in rows:
        found[org_id].append(
            PolicyFact(
                document_id=doc_id,
                title=title,
                published_on=_day(published_at),
                interpreted_on=_day(interpreted),
            )
        )
    return found


def requests(org_ids, *, since: date) -> dict[int, list[RequestFact]]:
    """Requests with a due day, still open or replied since ``since``."""
    rows = (
        InfoRequest.objects.filter(organization__in=org_ids, due_on__isnull=False)
        .filter(Q(replied_on__isnull=True) | Q(replied_on__gte=since))
        .values_list("id", "organization_id", "number", "received_on", "due_on", "replied_on")
        .order_by("due_on", "id")
    )
    found: dict[int, list[RequestFact]] = defaultdict(list)
    for request_id, org_id, number, received_on, due_on, replied_on in rows:
        found[org_id].append(
            RequestFact(
                request_id=request_id,
                label=f"申请 {number}",
                received_on=received_on,
                due_on=due_on,
                closed_on=replied_on,
            )
        )
    return found


def request_counts(org_ids, *, today: date) -> dict[int, tuple[int, int]]:
    """(open, overdue) requests per body, as the 依申请公开 pages count them."""
    counts = dict(
        InfoRequest.objects.filter(organization__in=org_ids)
        .open()
        .values("organization_id")
        .annotate(n=Count("id"))
        .values_list("organization_id", "n")
    )
    overdue = dict(
        InfoRequest.objects.filter(organization__in=org_ids)
        .overdue(on=today)
        .values("organization_id")
        .annotate(n=Count("id"))
        .values_list("organization_id", "n")
    )
    return {org_id: (n, overdue.get(org_id, 0)) for org_id, n in counts.items()}


def reports_due(organizations: list[Organization], *, year: int) -> dict[int, ReportFact]:
    """The annual report each body owes for ``year``: its deadline and its publication day.

    Village committees owe none. A report not yet published has no publication day.
    """
    published = dict(
        AnnualReport.objects.published()
        .filter(organization__in=organizations, year=year)
        .values_list("organization_id", "published_at")
    )
    due = {}
    for org in organizations:
        deadline = report_deadline(org, year=year)
        if deadline is not None:
            due[org.id] = ReportFact(
                year=year, deadline=deadline, published_on=_day(published.get(org.id))
            )
    return due


def report_deadline(organization: Organization, *, year: int) -> date | None:
    """None for village committees, which publish no 政府信息公开工作年度报告."""
    if organization.kind == OrganizationKind.VILLAGE:
        return None
    return publication_deadline(year, government_report=is_government_report(organization))


def duty_domains(organizations: list[Organization]) -> dict[int, set[int]]:
    """The domains each body is responsible for (负责领域)."""
    duties: dict[int, set[int]] = defaultdict(set)
    for org_id, domain_id in Organization.domains.through.objects.filter(
        organization__in=organizations
    ).values_list("organization_id", "domain_id"):
        duties[org_id].add(domain_id)
    return duties


def coverage_totals(organizations: list[Organization]) -> dict[int, tuple[int, int]]:
    """(applicable, adopted) guideline items over each body's duty domains, as the workspace counts."""
    duties = duty_domains(organizations)
    domains = list(Domain.objects.filter(id__in={d for ds in duties.values() for d in ds}))
    totals = {org.id: (0, 0) for org in organizations}
    for (org_id, domain_id), coverage in coverage_matrix(organizations, domains).items():
        if domain_id in duties.get(org_id, ()):
            applicable, adopted = totals[org_id]
            totals[org_id] = (applicable + coverage.applicable, adopted + coverage.adopted)
    return totals


def missing_guideline_items(organizations: list[Organization]) -> dict[int, list[str]]:
    """Guideline items of each body's duty domains and level it has neither adopted nor set aside.

    The same count as ``catalog.selectors.coverage_matrix``, with the names, for explanations.
    """
    duties = duty_domains(organizations)
    by_level: dict[tuple[int, str], list[tuple[int, str]]] = defaultdict(list)
    for item_id, domain_id, domain, levels, level1, level2 in GuidelineItem.objects.values_list(
        "id", "guideline__domain_id", "guideline__domain__name", "levels", "level1", "level2"
    ).order_by("guideline__domain__position", "seq"):
        for level in levels:
            by_level[(domain_id, level)].append((item_id, item_label(level1, level2, "", domain)))
    taken: dict[int, set[int]] = defaultdict(set)
    for org_id, guideline_item_id in CatalogItem.objects.filter(
        catalog__organization__in=organizations, withdrawn=False, guideline_item__isnull=False
    ).values_list("catalog__organization_id", "guideline_item_id"):
        taken[org_id].add(guideline_item_id)
    missing: dict[int, list[str]] = {}
    for org in organizations:
        names = []
        for domain_id in sorted(duties.get(org.id, ())):
            for item_id, label in by_level.get((domain_id, org.catalog_level), []):
                if item_id not in taken[org.id]:
                    names.append(label)
        missing[org.id] = names
    return missing

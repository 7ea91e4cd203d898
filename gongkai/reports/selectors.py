"""What the annual report reads: its figures from the platform, its checks, its pages."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils import timezone

from gongkai.documents.choices import Genre, Validity
from gongkai.documents.choices import Status as DocumentStatus
from gongkai.documents.models import Document
from gongkai.info_requests.selectors import annual_figures
from gongkai.orgs.models import Organization, OrganizationKind, RegionLevel
from gongkai.reports.models import AnnualReport, CaseKind, CaseResult, ReviewCase
from gongkai.rules import annual_report as ar
from gongkai.rules.annual_report_checks import CheckResult, check_deadline, check_report
from gongkai.rules.annual_report_figures import (
    CaseRecord,
    PolicyRecord,
    count_cases,
    count_documents,
    figures_from_json,
)
from gongkai.rules.annual_report_layout import LayoutTable, report_tables

GENRE_ROWS = {Genre.REGULATION: "规章", Genre.NORMATIVE: "行政规范性文件"}


def may_issue_rules(organization: Organization) -> bool:
    """Only the governments (and departments) of provinces and districted cities report 规章."""
    # 《立法法》第九十三条: 地方政府规章 are made by provincial and districted-city governments.
    return organization.kind in (
        OrganizationKind.GOVERNMENT,
        OrganizationKind.DEPARTMENT,
    ) and organization.region.level in (RegionLevel.PROVINCE, RegionLevel.CITY)


def is_government_report(organization: Organization) -> bool:
    """A county-or-higher government's own report, due on 31 March instead of 31 January."""
    return organization.kind == OrganizationKind.GOVERNMENT and organization.region.level in (
        RegionLevel.PROVINCE,
        RegionLevel.CITY,
        RegionLevel.COUNTY,
    )


def policy_records(organization_ids: Iterable[int]) -> dict[int, list[PolicyRecord]]:
    """Published 规章 and 行政规范性文件 of these organizations, in one query."""
    rows = Document.objects.filter(
        organization_id__in=list(organization_ids),
        genre__in=list(GENRE_ROWS),
        status=DocumentStatus.PUBLISHED,
    ).values_list(
        "organization_id",
        "genre",
        "written_on",
        "published_at",
        "validity",
        "invalid_on",
        "updated_at",
    )
    found: dict[int, list[PolicyRecord]] = defaultdict(list)
    for org_id, genre, written_on, published_at, validity, invalid_on, updated_at in rows:
        issued_on = written_on or timezone.localdate(published_at)
        # A document marked invalid without a date ends on the day it was so marked.
        ended = None if validity == Validity.VALID else invalid_on or timezone.localdate(updated_at)
        found[org_id].append(PolicyRecord(GENRE_ROWS[genre], issued_on, ended))
    return found


def case_records(organization_ids: Iterable[int], year: int) -> dict[int, list[CaseRecord]]:
    """行政复议 and 行政诉讼 cases filed in ``year``, in one query."""
    rows = ReviewCase.objects.filter(
        organization_id__in=list(organization_ids), filed_on__year=year
    ).values_list("organization_id", "kind", "result", "filed_on", "concluded_on")
    found: dict[int, list[CaseRecord]] = defaultdict(list)
    for org_id, kind, result, filed_on, concluded_on in rows:
        outcome = CaseResult(result).label
        found[org_id].append(CaseRecord(CaseKind(kind).group, outcome, filed_on, concluded_on))
    return found


def entered_active(
    documents: dict[str, dict[str, int | None]], report: AnnualReport | None
) -> ar.ActiveDisclosure:
    return ar.ActiveDisclosure(
        documents=documents,
        decisions={
            ar.LICENSING: report.licensing_decisions if report else 0,
            ar.PENALTY: report.penalty_decisions if report else 0,
            ar.COERCION: report.coercion_decisions if report else 0,
        },
        fees=ar.plain_amount(report.fees) if report else Decimal("0"),
    )


def live_figures(
    organization: Organization, year: int, *, report: AnnualReport | None = None
) -> ar.AnnualFigures:
    """The figures as the platform counts them today (sections 二 to 四)."""
    documents = count_documents(policy_records([organization.id]).get(organization.id, []), year)
    requests = ar.request_table_from_mapping(annual_figures(organization, year))
    reviews = count_cases(case_records([organization.id], year).get(organization.id, []), year)
    return ar.AnnualFigures(year, entered_active(documents, report), requests, reviews)


def report_figures(report: AnnualReport) -> ar.AnnualFigures:
    """Frozen once published; counted live while the report is a draft."""
    if report.is_published and report.snapshot:
        return figures_from_json(report.snapshot)
    return live_figures(report.organization, report.year, report=report)


def previous_figures(organization: Organization, year: int) -> ar.AnnualFigures | None:
    previous = (
        AnnualReport.objects.published().filter(organization=organization, year=year - 1).first()
    )
    return figures_from_json(previous.snapshot) if previous and previous.snapshot else None


def report_checks(
    report: AnnualReport,
    *,
    figures: ar.AnnualFigures,
    today: date,
    published_on: date | None = None,
) -> list[CheckResult]:
    """The format's checks (errors block publication) and the deadline (a warning).

    ``published_on`` is the day of a publication under way; otherwise the report's own.
    """
    results = check_report(
        figures,
        previous=previous_figures(report.organization, report.year),
        may_issue_rules=may_issue_rules(report.organization),
    )
    if published_on is None and report.published_at:
        published_on = timezone.localdate(report.published_at)
    late = check_deadline(
        report.year,
        today=today,
        published_on=published_on,
        government_report=is_government_report(report.organization),
    )
    return results + ([late] if late else [])


def overview_draft(organization: Organization, year: int) -> str:
    """Section 一 prefilled with what the platform knows; staff complete it."""
    published = Document.objects.filter(
        organization=organization,
        status=DocumentStatus.PUBLISHED,
        published_at__year=year,
    )
    total = published.count()
    policies = published.filter(genre__in=list(GENRE_ROWS)).count()
    interpretations = published.filter(genre=Genre.INTERPRETATION).count()
    requests = annual_figures(organization, year)
    new = requests[ar.NEW_RECEIVED][ar.TOTAL]
    handled = requests[ar.RESULT_TOTAL][ar.TOTAL]
    carried = requests[ar.CARRIED_FORWARD][ar.TOTAL]
    return "\n\n".join(
        [
            f"（一）主动公开。{year}年，本机关通过政府信息公开平台主动公开政府信息{total}条，"
            f"其中规章和行政规范性文件{policies}件，政策解读{interpretations}篇。",
            f"（二）依申请公开。全年新收政府信息公开申请{new}件，办结{handled}件，"
            f"结转下年度继续办理{carried}件。",
            "（三）政府信息管理。",
            "（四）政府信息公开平台建设。",
            "（五）监督保障。",
        ]
    )


@dataclass(frozen=True)
class ReportPage:
    report: AnnualReport
    figures: ar.AnnualFigures
    tables: dict[str, LayoutTable]
    errors: list[CheckResult]
    warnings: list[CheckResult]
    deadline: date
    days_left: int
    cases: list[ReviewCase]

    @property
    def days_late(self) -> int:
        return max(0, -self.days_left)

    @property
    def paragraphs(self) -> dict[str, list[str]]:
        return {no: _paragraphs(text) for no, text in self.report.texts.items()}


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.replace("\r\n", "\n").split("\n") if p.strip()]


def report_page(report: AnnualReport, *, today: date, with_cases: bool = False) -> ReportPage:
    figures = report_figures(report)
    checks = report_checks(report, figures=figures, today=today)
    deadline = ar.publication_deadline(
        report.year, government_report=is_government_report(report.organization)
    )
    cases = (
        list(
            ReviewCase.objects.filter(organization=report.organization, filed_on__year=report.year)
        )
        if with_cases
        else []
    )
    return ReportPage(
        report=report,
        figures=figures,
        tables=report_tables(figures),
        errors=[c for c in checks if c.is_error],
        warnings=[c for c in checks if not c.is_error],
        deadline=deadline,
        days_left=(deadline - today).days,
        cases=cases,
    )


def reports_of(organization: Organization) -> list[AnnualReport]:
    return list(AnnualReport.objects.filter(organization=organization).order_by("-year"))


def published_reports_of(organization: Organization) -> list[AnnualReport]:
    return list(
        AnnualReport.objects.published().filter(organization=organization).order_by("-year")
    )


@dataclass(frozen=True)
class PublishedRow:
    organization: Organization
    reports: list[AnnualReport]


def published_by_organization() -> list[PublishedRow]:
    """Published reports grouped by body, bodies in tree order, newest year first; two queries."""
    reports = (
        AnnualReport.objects.published()
        .select_related("organization")
        .only(
            "year", "published_at", "organization__code", "organization__name", "organization__path"
        )
        .order_by("organization__path", "-year")
    )
    rows: dict[int, PublishedRow] = {}
    for report in reports:
        row = rows.setdefault(report.organization_id, PublishedRow(report.organization, []))
        row.reports.append(report)
    return list(rows.values())


def report_json(page: ReportPage) -> dict:
    """The report for machines: texts, every table cell by its labels, and the warnings."""
    report, figures = page.report, page.figures
    tables = figures.as_dict()
    return {
        "organization": {"code": report.organization.code, "name": report.organization.name},
        "year": report.year,
        "title": report.title,
        "status": report.status,
        "published_at": report.published_at.isoformat() if report.published_at else None,
        "format": figures.requests.layout.doc_no,
        "statistical_period": {"start": f"{report.year}-01-01", "end": f"{report.year}-12-31"},
        "sections": {
            "一": {"title": ar.SECTION_TITLES["一"], "text": report.overview},
            "二": {"title": ar.SECTION_TITLES["二"], "tables": tables["二"]},
            "三": {"title": ar.SECTION_TITLES["三"], "table": tables["三"]},
            "四": {"title": ar.SECTION_TITLES["四"], "table": tables["四"]},
            "五": {"title": ar.SECTION_TITLES["五"], "text": report.problems},
            "六": {"title": ar.SECTION_TITLES["六"], "text": report.other_matters},
        },
        "cells": [
            {
                "section": cell.section,
                "row": cell.row,
                "column": cell.column,
                "value": str(cell.value) if isinstance(cell.value, Decimal) else cell.value,
            }
            for cell in figures.cells()
        ],
        "warnings": [check.as_dict() for check in page.warnings],
    }

"""What the assessment pages read: the indicators in force, the facts of a month, the ranking."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta

from django.urls import reverse

from gongkai.orgs.models import Organization
from gongkai.rules.indicators import INDICATORS, OrgFacts, Period
from gongkai.supervision.models import Assessment, AssessmentRun, IndicatorSet
from gongkai.supervision.selectors import facts


def effective_indicator_set(scope: Organization) -> IndicatorSet:
    """The newest version owned by the scope or its nearest ancestor; the platform's otherwise."""
    codes = [code for code in scope.path.split("/") if code]
    owned = {
        s.owner.code: s
        for s in IndicatorSet.objects.filter(owner__code__in=codes)
        .select_related("owner")
        .order_by("owner", "version")
    }
    for code in reversed(codes):
        if code in owned:
            return owned[code]
    # The platform's version 1 is created by migration 0002 from rules.indicators.
    return IndicatorSet.objects.filter(owner__isnull=True).order_by("-version").first()


def indicator_versions(scope: Organization) -> list[IndicatorSet]:
    codes = [code for code in scope.path.split("/") if code]
    return list(IndicatorSet.objects.filter(owner__code__in=codes).select_related("owner")) + list(
        IndicatorSet.objects.filter(owner__isnull=True)
    )


def org_facts(organizations: list[Organization], *, period: Period) -> dict[int, OrgFacts]:
    """The facts of each body for the month: its catalog, what it published, its requests."""
    ids = [org.id for org in organizations]
    items: dict[int, list] = defaultdict(list)
    for entry in facts.catalog_item_facts(ids):
        items[entry.organization_id].append(entry.fact)
    publications: dict[int, list] = defaultdict(list)
    for publication in facts.publications(ids, period):
        publications[publication.organization_id].append(publication.fact)
    policies = facts.policies(ids, period)
    requests = facts.requests(ids, since=period.start - timedelta(days=366))
    reports = facts.reports_due(organizations, year=period.end.year - 1)
    missing = facts.missing_guideline_items(organizations)
    coverage = facts.coverage_totals(organizations)
    return {
        org.id: OrgFacts(
            applicable=coverage[org.id][0],
            adopted=coverage[org.id][1],
            missing_items=tuple(missing.get(org.id, ())),
            items=tuple(items[org.id]),
            publications=tuple(publications[org.id]),
            policies=tuple(policies.get(org.id, ())),
            requests=tuple(requests.get(org.id, ())),
            report=reports.get(org.id),
        )
        for org in organizations
    }


def latest_run(scope: Organization, period: str | None = None) -> AssessmentRun | None:
    runs = AssessmentRun.objects.filter(scope=scope).select_related("indicator_set")
    if period:
        runs = runs.filter(period=period)
    return runs.order_by("-period", "-computed_at", "-id").first()


def periods(scope: Organization) -> list[str]:
    return list(
        AssessmentRun.objects.filter(scope=scope)
        .order_by("-period")
        .values_list("period", flat=True)
        .distinct()
    )


@dataclass(frozen=True)
class RankingRow:
    assessment: Assessment
    url: str
    change: float | None
    change_label: str
    rank_change: int | None
    points: list[float]


def ranking(run: AssessmentRun) -> list[RankingRow]:
    rows = []
    for assessment in run.assessments.select_related("organization").order_by(
        "rank", "organization__path"
    ):
        change = assessment.change
        if change is None:
            label = "—"
        elif change > 0:
            label = f"↑{change:g}"
        elif change < 0:
            label = f"↓{-change:g}"
        else:
            label = "持平"
        rank_change = (
            assessment.previous_rank - assessment.rank
            if assessment.previous_rank is not None
            else None
        )
        rows.append(
            RankingRow(
                assessment=assessment,
                url=reverse("supervision:assessment", args=[assessment.id]),
                change=change,
                change_label=label,
                rank_change=rank_change,
                points=[entry["points"] for entry in assessment.details],
            )
        )
    return rows


def indicator_names(run: AssessmentRun) -> list[str]:
    return [INDICATORS[spec.code].name for spec in run.indicator_set.specs()]

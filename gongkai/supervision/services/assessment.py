"""Changes of state of 监督考核: a new version of the indicators, a run of the scores of a month."""

from __future__ import annotations

import calendar as _calendar
import re
from dataclasses import asdict
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from gongkai.audit.services import record_event, user_or_none
from gongkai.info_requests.deadlines import current_calendar
from gongkai.orgs.access import Action, require
from gongkai.orgs.models import Organization
from gongkai.rules.indicators import (
    IndicatorSpec,
    Period,
    check_indicator_set,
    competition_ranks,
    score,
)
from gongkai.supervision.models import Assessment, AssessmentRun, IndicatorSet
from gongkai.supervision.selectors.assessment import effective_indicator_set, org_facts

PERIOD_RE = re.compile(r"^(\d{4})-(\d{2})$")


def period_bounds(period: str, *, today: date) -> Period:
    """A month "2024-10" as a Period; the current month ends today, a future one is refused."""
    match = PERIOD_RE.match(period or "")
    if not match or not 1 <= int(match[2]) <= 12:
        raise ValidationError("考核期应写作“2024-10”这样的年月。")
    year, month = int(match[1]), int(match[2])
    start = date(year, month, 1)
    if start > today:
        raise ValidationError("不能考核尚未开始的月份。")
    end = date(year, month, _calendar.monthrange(year, month)[1])
    return Period(start=start, end=min(end, today))


def previous_period(period: str) -> str:
    year, month = int(period[:4]), int(period[5:7])
    return f"{year - 1}-12" if month == 1 else f"{year}-{month - 1:02d}"


@transaction.atomic
def create_indicator_set(
    *, owner: Organization, name: str, specs: list[IndicatorSpec], note: str, by
) -> IndicatorSet:
    """The next version of the owner's indicators; refused with the reasons when it is invalid.

    Earlier versions stay as they were, so that every past score can still be explained.
    """
    require(by, Action.SUPERVISE, owner)
    problems = check_indicator_set(specs)
    if not (name or "").strip():
        problems.insert(0, "请填写指标体系名称。")
    if not (note or "").strip():
        problems.append("请填写调整说明（为什么调整）。")
    if problems:
        raise ValidationError(problems)
    # The (owner, version) constraint refuses a concurrent duplicate version.
    version = (IndicatorSet.objects.filter(owner=owner).aggregate(v=Max("version"))["v"] or 0) + 1
    indicator_set = IndicatorSet.objects.create(
        owner=owner,
        version=version,
        name=name.strip()[:100],
        note=note.strip(),
        indicators=[spec.as_dict() for spec in specs],
        created_at=timezone.now(),
        created_by=user_or_none(by),
        created_by_label=by.get_username(),
    )
    record_event(
        actor=by,
        action="supervision.indicators_versioned",
        target=indicator_set,
        organization=owner,
        after={"version": version, "indicators": indicator_set.indicators},
        reason=note.strip(),
    )
    return indicator_set


def _details(result) -> list[dict]:
    return [
        {
            **{k: v for k, v in asdict(indicator).items() if k != "deductions"},
            "deductions": [asdict(d) for d in indicator.deductions],
        }
        for indicator in result.indicators
    ]


@transaction.atomic
def run_assessment(
    *,
    scope: Organization,
    period: str,
    by,
    today: date | None = None,
    organizations: list[Organization] | None = None,
) -> AssessmentRun:
    """Score every body under ``scope`` for the month with the scope's current indicators.

    The month before's latest run of the same scope gives each body its change and old rank.
    """
    require(by, Action.SUPERVISE, scope)
    today = today or timezone.localdate()
    bounds = period_bounds(period, today=today)
    indicator_set = effective_indicator_set(scope)
    if indicator_set is None:
        raise ValidationError("尚未设置考核指标体系。")
    if organizations is None:
        organizations = list(
            Organization.objects.subtree(scope).select_related("region").order_by("path")
        )
    calendar = current_calendar()
    facts = org_facts(organizations, period=bounds)
    specs = indicator_set.specs()
    results = [
        (org, score(specs, facts[org.id], period=bounds, calendar=calendar))
        for org in organizations
    ]
    results.sort(key=lambda pair: (-pair[1].total, pair[0].path))
    ranks = competition_ranks([result.total for _, result in results])
    previous_run = (
        AssessmentRun.objects.filter(scope=scope, period=previous_period(period))
        .order_by("-computed_at", "-id")
        .first()
    )
    previous = (
        {a.organization_id: a for a in previous_run.assessments.all()} if previous_run else {}
    )
    run = AssessmentRun.objects.create(
        scope=scope,
        period=period,
        period_start=bounds.start,
        period_end=bounds.end,
        indicator_set=indicator_set,
        computed_at=timezone.now(),
        computed_by=user_or_none(by),
    )
    Assessment.objects.bulk_create(
        Assessment(
            run=run,
            organization=org,
            total=result.total,
            rank=rank,
            grade=result.grade,
            previous_total=previous[org.id].total if org.id in previous else None,
            previous_rank=previous[org.id].rank if org.id in previous else None,
            details=_details(result),
        )
        for (org, result), rank in zip(results, ranks, strict=True)
    )
    if indicator_set.first_used_at is None:
        indicator_set.first_used_at = run.computed_at
        indicator_set.save(update_fields=["first_used_at"])
    record_event(
        actor=by,
        action="supervision.assessed",
        target=run,
        organization=scope,
        after={
            "period": period,
            "indicator_set": indicator_set.pk,
            "version": indicator_set.version,
            "organizations": len(results),
        },
    )
    return run

"""What changes an annual report: open, write, enter figures, record cases, publish, withdraw.

Each function checks access and the report's state, validates, saves and writes one audit row;
bad input raises ValidationError with a Chinese message and changes nothing.
"""

import logging
from datetime import date, datetime
from decimal import Decimal
from typing import BinaryIO

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from gongkai.audit.services import record_event, user_or_none
from gongkai.orgs.access import Action, require
from gongkai.orgs.models import Organization
from gongkai.reports import selectors
from gongkai.reports.excel import SheetError, read_entered_figures
from gongkai.reports.models import AnnualReport, CaseKind, CaseResult, ReviewCase, Status
from gongkai.rules.annual_report_figures import figures_to_json
from gongkai.rules.pii import find_personal_info

logger = logging.getLogger(__name__)

# 《政府信息公开条例》(国务院令第492号) took effect on 1 May 2008: the first reportable year.
FIRST_YEAR = 2008
TEXT_LIMIT = 20000


def _audit(report: AnnualReport, *, by, action: str, before=None, after=None, reason: str = ""):
    record_event(
        actor=by,
        action=f"reports.{action}",
        target=report,
        organization=report.organization,
        before=before,
        after=after,
        reason=reason,
    )


def _lock(report: AnnualReport) -> AnnualReport:
    return (
        AnnualReport.objects.select_for_update(of=("self",))
        .select_related("organization__region")
        .get(pk=report.pk)
    )


def _require_draft(report: AnnualReport, doing: str) -> None:
    if report.status != Status.DRAFT:
        raise ValidationError(f"报告已公布，不能{doing}；如需修改，请先撤回。")


def _figures_state(report: AnnualReport) -> dict:
    return {
        "licensing_decisions": report.licensing_decisions,
        "penalty_decisions": report.penalty_decisions,
        "coercion_decisions": report.coercion_decisions,
        "fees": str(report.fees),
    }


@transaction.atomic
def open_report(
    *, organization: Organization, year: int, by, today: date | None = None
) -> AnnualReport:
    """The report of ``year``, created on first use with section 一 prefilled from the platform."""
    require(by, Action.EDIT_REPORT, organization)
    today = today or timezone.localdate()
    if not FIRST_YEAR <= year <= today.year:
        raise ValidationError(f"年度应在 {FIRST_YEAR} 年至 {today.year} 年之间。")
    report, created = AnnualReport.objects.get_or_create(
        organization=organization,
        year=year,
        defaults={
            "overview": selectors.overview_draft(organization, year),
            "created_by": user_or_none(by),
        },
    )
    if created:
        _audit(report, by=by, action="opened", after={"year": year})
    return report


@transaction.atomic
def update_texts(
    *, report: AnnualReport, by, overview: str, problems: str, other_matters: str
) -> AnnualReport:
    """Sections 一, 五 and 六."""
    require(by, Action.EDIT_REPORT, report.organization)
    report = _lock(report)
    _require_draft(report, "修改正文")
    texts = {"overview": overview, "problems": problems, "other_matters": other_matters}
    texts = {field: (value or "").strip() for field, value in texts.items()}
    too_long = [field for field, value in texts.items() if len(value) > TEXT_LIMIT]
    if too_long:
        raise ValidationError(f"每部分正文不能超过 {TEXT_LIMIT} 字。")
    before = {field: len(getattr(report, field)) for field in texts}
    for field, value in texts.items():
        setattr(report, field, value)
    report.save(update_fields=[*texts, "updated_at"])
    _audit(
        report,
        by=by,
        action="texts_updated",
        before=before,
        after={f: len(v) for f, v in texts.items()},
    )
    return report


@transaction.atomic
def update_entered_figures(
    *, report: AnnualReport, by, licensing: int, penalty: int, coercion: int, fees: Decimal
) -> AnnualReport:
    """The counts of section 二 the platform does not hold itself."""
    require(by, Action.EDIT_REPORT, report.organization)
    report = _lock(report)
    _require_draft(report, "修改数据")
    counts = {"行政许可": licensing, "行政处罚": penalty, "行政强制": coercion}
    for label, value in counts.items():
        if not isinstance(value, int) or value < 0:
            raise ValidationError(f"“{label}”处理决定数量应为非负整数。")
    if not isinstance(fees, Decimal) or fees < 0 or fees >= Decimal("1e10"):
        raise ValidationError("行政事业性收费金额应为非负数（单位：万元）。")
    before = _figures_state(report)
    report.licensing_decisions, report.penalty_decisions = licensing, penalty
    report.coercion_decisions, report.fees = coercion, fees
    report.save(
        update_fields=[
            "licensing_decisions",
            "penalty_decisions",
            "coercion_decisions",
            "fees",
            "updated_at",
        ]
    )
    _audit(report, by=by, action="figures_updated", before=before, after=_figures_state(report))
    return report


def import_entered_figures(*, report: AnnualReport, by, handle: BinaryIO) -> AnnualReport:
    """The same, read from an Excel sheet (one body, or a table of several with this one in it)."""
    require(by, Action.EDIT_REPORT, report.organization)
    try:
        figures = read_entered_figures(
            handle, code=report.organization.code, name=report.organization.name
        )
    except SheetError as exc:
        logger.info("annual report sheet refused for report %s: %s", report.pk, type(exc).__name__)
        raise ValidationError(str(exc)) from exc
    return update_entered_figures(
        report=report,
        by=by,
        licensing=figures.licensing,
        penalty=figures.penalty,
        coercion=figures.coercion,
        fees=figures.fees,
    )


def _require_year_open(organization: Organization, year: int) -> None:
    if AnnualReport.objects.published().filter(organization=organization, year=year).exists():
        raise ValidationError(
            f"{year}年度报告已公布，不能再改动该年度的案件；如需修改，请先撤回报告。"
        )


@transaction.atomic
def record_review_case(
    *,
    organization: Organization,
    by,
    kind: str,
    result: str,
    filed_on: date,
    concluded_on: date | None = None,
    case_number: str = "",
    note: str = "",
) -> ReviewCase:
    """A 行政复议 or 行政诉讼 case about this body's disclosure work (section 四)."""
    require(by, Action.EDIT_REPORT, organization)
    if kind not in CaseKind.values or result not in CaseResult.values:
        raise ValidationError("案件类别或结果不正确。")
    if result == CaseResult.PENDING and concluded_on is not None:
        raise ValidationError("尚未审结的案件不应填写审结日期。")
    if result != CaseResult.PENDING and concluded_on is None:
        raise ValidationError("已有结果的案件请填写审结日期。")
    if concluded_on is not None and concluded_on < filed_on:
        raise ValidationError("审结日期不能早于受理（立案）日期。")
    note, case_number = (note or "").strip(), (case_number or "").strip()
    if find_personal_info(note):
        raise ValidationError("备注中含有个人信息（如姓名、身份证号、电话），请删去后再保存。")
    _require_year_open(organization, filed_on.year)
    case = ReviewCase.objects.create(
        organization=organization,
        kind=kind,
        result=result,
        filed_on=filed_on,
        concluded_on=concluded_on,
        case_number=case_number[:64],
        note=note[:200],
        created_by=user_or_none(by),
    )
    record_event(
        actor=by,
        action="reports.case_recorded",
        target=case,
        organization=organization,
        after={"kind": kind, "result": result, "filed_on": filed_on.isoformat()},
    )
    return case


@transaction.atomic
def remove_review_case(*, case: ReviewCase, by, reason: str = "") -> None:
    """A case entered by mistake; the audit row keeps what it was."""
    require(by, Action.EDIT_REPORT, case.organization)
    _require_year_open(case.organization, case.filed_on.year)
    record_event(
        actor=by,
        action="reports.case_removed",
        target=case,
        organization=case.organization,
        before={"kind": case.kind, "result": case.result, "filed_on": case.filed_on.isoformat()},
        reason=(reason or "").strip(),
    )
    case.delete()


@transaction.atomic
def publish_report(*, report: AnnualReport, by, at: datetime | None = None) -> AnnualReport:
    """公布: every section written and no error in the checks; the figures are frozen.

    ``at`` records a publication that happened elsewhere earlier (demo data, migration of old
    reports); pages never pass it.
    """
    require(by, Action.PUBLISH_REPORT, report.organization)
    report = _lock(report)
    _require_draft(report, "再次公布")
    problems = [
        f"“{title}”尚未填写。"
        for title, text in (
            ("一、总体情况", report.overview),
            ("五、存在的主要问题及改进情况", report.problems),
            ("六、其他需要报告的事项", report.other_matters),
        )
        if not text.strip()
    ]
    figures = selectors.live_figures(report.organization, report.year, report=report)
    at = at or timezone.now()
    day = timezone.localdate(at)
    checks = selectors.report_checks(report, figures=figures, today=day, published_on=day)
    problems += [check.message for check in checks if check.is_error]
    if problems:
        raise ValidationError(["报告未通过检查，不能公布：", *problems])
    report.snapshot = figures_to_json(figures)
    report.status = Status.PUBLISHED
    report.published_at = at
    report.published_by = user_or_none(by)
    report.save(update_fields=["snapshot", "status", "published_at", "published_by", "updated_at"])
    warnings = [check.rule for check in checks]
    _audit(
        report,
        by=by,
        action="published",
        before={"status": Status.DRAFT},
        after={"status": report.status, "warnings": warnings},
    )
    return report


@transaction.atomic
def withdraw_report(*, report: AnnualReport, by, reason: str) -> AnnualReport:
    """撤回 for correction, with the reason; the published figures stay in the audit trail."""
    require(by, Action.PUBLISH_REPORT, report.organization)
    report = _lock(report)
    if report.status != Status.PUBLISHED:
        raise ValidationError("只有已公布的报告才能撤回。")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("撤回必须填写原因。")
    before = {"status": report.status, "snapshot": report.snapshot}
    report.status, report.withdrawal_reason, report.snapshot = Status.DRAFT, reason, None
    report.published_at, report.published_by = None, None
    report.save(
        update_fields=[
            "status",
            "withdrawal_reason",
            "snapshot",
            "published_at",
            "published_by",
            "updated_at",
        ]
    )
    _audit(
        report,
        by=by,
        action="withdrawn",
        before=before,
        after={"status": report.status},
        reason=reason,
    )
    return report

"""Opening, writing, entering figures, recording cases, publishing and withdrawing a report."""

from datetime import date, datetime
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from gongkai.audit.models import Event
from gongkai.reports import services
from gongkai.reports.models import AnnualReport, CaseKind, CaseResult, ReviewCase, Status
from gongkai.reports.selectors import report_figures, report_page
from gongkai.rules import annual_report as ar


def test_open_report_prefills_section_one_and_is_idempotent(world):
    report = services.open_report(organization=world.township, year=2023, by=world.editor)
    assert report.status == Status.DRAFT
    assert report.overview.startswith(
        "（一）主动公开。2023年，本机关通过政府信息公开平台主动公开政府信息"
    )
    assert "全年新收政府信息公开申请0件" in report.overview
    again = services.open_report(organization=world.township, year=2023, by=world.editor)
    assert again.pk == report.pk
    assert Event.objects.filter(action="reports.opened", target_id=str(report.pk)).count() == 1


@pytest.mark.parametrize("year", [2007, 2099])
def test_open_report_refuses_years_out_of_range(world, year):
    with pytest.raises(ValidationError, match="年度应在 2008 年至"):
        services.open_report(organization=world.township, year=year, by=world.editor)


def test_the_neighbouring_editor_and_the_supervisor_cannot_open_a_report(world):
    for user in (world.neighbour_editor, world.supervisor):
        with pytest.raises(PermissionDenied):
            services.open_report(organization=world.township, year=2023, by=user)
    assert not AnnualReport.objects.filter(organization=world.township, year=2023).exists()


def test_entered_figures_are_validated_and_audited(draft, world):
    with pytest.raises(ValidationError, match="“行政处罚”处理决定数量应为非负整数"):
        services.update_entered_figures(
            report=draft, by=world.editor, licensing=1, penalty=-1, coercion=0, fees=Decimal(0)
        )
    with pytest.raises(ValidationError, match="收费金额"):
        services.update_entered_figures(
            report=draft, by=world.editor, licensing=1, penalty=1, coercion=0, fees=Decimal(-1)
        )
    draft.refresh_from_db()
    assert (draft.licensing_decisions, draft.penalty_decisions, draft.fees) == (
        4,
        2,
        Decimal("1.5"),
    )
    event = Event.objects.filter(action="reports.figures_updated").latest("at")
    assert event.after == {
        "licensing_decisions": 4,
        "penalty_decisions": 2,
        "coercion_decisions": 0,
        "fees": "1.5",
    }
    figures = report_figures(draft)
    assert figures.active.decisions == {"行政许可": 4, "行政处罚": 2, "行政强制": 0}
    assert figures.active.fees == Decimal("1.5")


def test_review_cases_are_counted_in_section_four_by_their_dates(draft, world):
    common = {"organization": world.township, "by": world.editor}
    services.record_review_case(
        **common,
        kind=CaseKind.REVIEW,
        result=CaseResult.UPHELD,
        filed_on=date(2023, 3, 1),
        concluded_on=date(2023, 5, 1),
    )
    services.record_review_case(
        **common,
        kind=CaseKind.REVIEW,
        result=CaseResult.CORRECTED,
        filed_on=date(2023, 12, 1),
        concluded_on=date(2024, 1, 10),
    )
    services.record_review_case(
        **common,
        kind=CaseKind.LAWSUIT_AFTER_REVIEW,
        result=CaseResult.PENDING,
        filed_on=date(2023, 9, 1),
    )
    services.record_review_case(
        **common,
        kind=CaseKind.LAWSUIT_DIRECT,
        result=CaseResult.OTHER,
        filed_on=date(2022, 9, 1),
        concluded_on=date(2023, 2, 1),
    )
    reviews = report_figures(draft).reviews.cells
    assert reviews[ar.REVIEW] == {
        "结果维持": 1,
        "结果纠正": 0,
        "其他结果": 0,
        "尚未审结": 1,
        "总计": 2,
    }
    assert reviews[ar.LAWSUIT_AFTER_REVIEW]["尚未审结"] == 1
    assert reviews[ar.LAWSUIT_DIRECT]["总计"] == 0  # filed in 2022: the 2022 report's case


@pytest.mark.parametrize(
    ("result", "concluded", "message"),
    [
        (CaseResult.PENDING, date(2023, 5, 1), "尚未审结的案件不应填写审结日期"),
        (CaseResult.UPHELD, None, "已有结果的案件请填写审结日期"),
        (CaseResult.UPHELD, date(2023, 1, 1), "审结日期不能早于受理"),
    ],
)
def test_inconsistent_cases_are_refused(world, result, concluded, message):
    with pytest.raises(ValidationError, match=message):
        services.record_review_case(
            organization=world.township,
            by=world.editor,
            kind=CaseKind.REVIEW,
            result=result,
            filed_on=date(2023, 3, 1),
            concluded_on=concluded,
        )
    assert not ReviewCase.objects.exists()


def test_a_case_note_with_personal_information_is_refused(world):
    with pytest.raises(ValidationError, match="个人信息"):
        services.record_review_case(
            organization=world.township,
            by=world.editor,
            kind=CaseKind.REVIEW,
            result=CaseResult.PENDING,
            filed_on=date(2023, 3, 1),
            note="申请人张三，身份证号110101199003077578",
        )


def test_publication_is_blocked_by_missing_sections(world):
    report = services.open_report(organization=world.township, year=2023, by=world.editor)
    with pytest.raises(ValidationError) as refused:
        services.publish_report(report=report, by=world.reviewer)
    assert refused.value.messages == [
        "报告未通过检查，不能公布：",
        "“五、存在的主要问题及改进情况”尚未填写。",
        "“六、其他需要报告的事项”尚未填写。",
    ]
    report.refresh_from_db()
    assert report.status == Status.DRAFT


def test_publication_is_blocked_by_an_error_in_the_checks(draft, world, monkeypatch):
    broken = report_figures(draft)
    broken.reviews.cells[ar.REVIEW][ar.TOTAL] = 3
    monkeypatch.setattr(services.selectors, "live_figures", lambda *a, **k: broken)
    with pytest.raises(ValidationError) as refused:
        services.publish_report(report=draft, by=world.reviewer)
    assert refused.value.messages[1] == (
        "四、“行政复议”的“总计”：应为结果维持、结果纠正、其他结果、尚未审结之和 0，实为 3。"
    )
    draft.refresh_from_db()
    assert (draft.status, draft.snapshot) == (Status.DRAFT, None)


def test_only_a_reviewer_or_administrator_publishes(draft, world):
    with pytest.raises(PermissionDenied):
        services.publish_report(report=draft, by=world.editor)


@time_machine.travel(
    datetime(2024, 1, 20, 9, 0, tzinfo=timezone.get_current_timezone()), tick=False
)
def test_publishing_freezes_the_figures(draft, world):
    report = services.publish_report(report=draft, by=world.reviewer)
    assert report.status == Status.PUBLISHED
    assert report.published_at == timezone.now()
    assert report.snapshot["decisions"] == {"行政许可": 4, "行政处罚": 2, "行政强制": 0}
    assert report.snapshot["fees"] == "1.5"
    # a case recorded later for 2023 is refused; the frozen figures do not move
    with pytest.raises(ValidationError, match="2023年度报告已公布"):
        services.record_review_case(
            organization=world.township,
            by=world.editor,
            kind=CaseKind.REVIEW,
            result=CaseResult.PENDING,
            filed_on=date(2023, 3, 1),
        )
    with pytest.raises(ValidationError, match="报告已公布，不能修改数据"):
        services.update_entered_figures(
            report=report, by=world.editor, licensing=9, penalty=0, coercion=0, fees=Decimal(0)
        )
    page = report_page(report, today=date(2024, 1, 20))
    assert page.figures.active.decisions["行政许可"] == 4
    assert page.warnings == []
    event = Event.objects.get(action="reports.published", target_id=str(report.pk))
    assert event.after == {"status": "published", "warnings": []}


def test_a_late_publication_is_allowed_with_a_warning(draft, world):
    at = timezone.make_aware(datetime(2024, 2, 5, 10, 0))
    report = services.publish_report(report=draft, by=world.reviewer, at=at)
    page = report_page(report, today=date(2024, 6, 1))
    assert [(w.rule, w.message) for w in page.warnings] == [
        ("deadline", "2023年度报告应于2024年1月31日前公布，实际晚了 5 天。")
    ]


def test_withdrawal_needs_a_reason_and_opens_the_report_again(draft, world):
    report = services.publish_report(report=draft, by=world.reviewer)
    with pytest.raises(ValidationError, match="撤回必须填写原因"):
        services.withdraw_report(report=report, by=world.reviewer, reason=" ")
    report = services.withdraw_report(report=report, by=world.reviewer, reason="行政许可数量填错")
    assert (report.status, report.snapshot, report.published_at) == (Status.DRAFT, None, None)
    event = Event.objects.get(action="reports.withdrawn")
    assert event.reason == "行政许可数量填错"
    assert event.before["snapshot"]["decisions"]["行政许可"] == 4
    services.update_entered_figures(
        report=report, by=world.editor, licensing=5, penalty=2, coercion=0, fees=Decimal("1.5")
    )
    assert (
        services.publish_report(report=report, by=world.reviewer).snapshot["decisions"]["行政许可"]
        == 5
    )


def test_texts_are_trimmed_and_limited(draft, world):
    report = services.update_texts(
        report=draft, by=world.editor, overview="  总体  ", problems="问题", other_matters="无"
    )
    assert report.overview == "总体"
    with pytest.raises(ValidationError, match="不能超过 20000 字"):
        services.update_texts(
            report=draft, by=world.editor, overview="字" * 20001, problems="", other_matters=""
        )


def test_removing_a_case_is_audited(world):
    case = services.record_review_case(
        organization=world.township,
        by=world.editor,
        kind=CaseKind.REVIEW,
        result=CaseResult.PENDING,
        filed_on=date(2023, 3, 1),
    )
    services.remove_review_case(case=case, by=world.editor, reason="录入有误")
    assert not ReviewCase.objects.exists()
    event = Event.objects.get(action="reports.case_removed")
    assert (event.reason, event.before["kind"]) == ("录入有误", "review")
    other = services.record_review_case(
        organization=world.township,
        by=world.editor,
        kind=CaseKind.REVIEW,
        result=CaseResult.PENDING,
        filed_on=date(2023, 3, 1),
    )
    with pytest.raises(PermissionDenied):
        services.remove_review_case(case=other, by=world.neighbour_editor)

"""Every demo body's 2025 report: generated, passing the checks, each number counted again here.

The counts below are made from the demo records with the plain rules of the format, not with the
code under test: requests by their dates, result keys mapped by hand to the rows of
annual_report_format.json; cases by their dates; documents by genre and validity.
"""

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

from django.utils import timezone

from gongkai.demo import reports as reports_demo
from gongkai.documents.models import Document
from gongkai.info_requests.models import InfoRequest
from gongkai.orgs.models import OrganizationKind
from gongkai.reports.models import AnnualReport, ReviewCase
from gongkai.reports.selectors import report_figures, report_page

FORMAT = json.loads(
    (Path(__file__).parents[2] / "gongkai/data/annual_report_format.json").read_text("utf-8")
)
SECTIONS = {s["no"]: s for s in FORMAT["sections"]}
ROW = {row["key"]: row["label"] for row in SECTIONS["三"]["rows"]}
COLUMN = {c["key"]: c["label"] for c in SECTIONS["三"]["columns"]["columns"]}
APPLICANT = {
    "natural_person": "natural_person",
    "commercial": "commercial",
    "research": "research",
    "public_welfare": "public_welfare",
    "legal_service": "legal_service",
    "other_org": "other_org",
}
RESULT_ROW = {
    "granted": "r_granted",
    "partial": "r_partial",
    "denied_state_secret": "r_denied_1",
    "denied_prohibited": "r_denied_2",
    "denied_security": "r_denied_3",
    "denied_third_party": "r_denied_4",
    "denied_internal": "r_denied_5",
    "denied_process": "r_denied_6",
    "denied_enforcement": "r_denied_7",
    "denied_query": "r_denied_8",
    "unable_not_held": "r_unable_1",
    "unable_needs_creation": "r_unable_2",
    "unable_unclear": "r_unable_3",
    "notproc_complaint": "r_notproc_1",
    "notproc_repeat": "r_notproc_2",
    "notproc_publication": "r_notproc_3",
    "notproc_excessive": "r_notproc_4",
    "notproc_confirmation": "r_notproc_5",
    "other_no_correction": "r_other_1",
    "other_unpaid_fee": "r_other_2",
    "other": "r_other_3",
}
CASE_GROUP = {
    "review": "行政复议",
    "lawsuit_direct": "行政诉讼 / 未经复议直接起诉",
    "lawsuit_after_review": "行政诉讼 / 复议后起诉",
}
CASE_RESULT = {
    "upheld": "结果维持",
    "corrected": "结果纠正",
    "other": "其他结果",
    "pending": "尚未审结",
}
START, END = date(2025, 1, 1), date(2025, 12, 31)


def expected_requests(org) -> dict[str, dict[str, int]]:
    table = {ROW[key]: dict.fromkeys(COLUMN.values(), 0) for key in ROW}

    def add(row_key: str, applicant: str) -> None:
        table[ROW[row_key]][COLUMN[APPLICANT[applicant]]] += 1
        table[ROW[row_key]][COLUMN["total"]] += 1

    for request in InfoRequest.objects.filter(organization=org):
        received, replied = request.received_on, request.replied_on
        if START <= received <= END:
            add("new_received", request.applicant_type)
        if received < START and (replied is None or replied >= START):
            add("carried_over", request.applicant_type)
        if replied is not None and START <= replied <= END:
            add(RESULT_ROW[request.result], request.applicant_type)
            add("r_total", request.applicant_type)
        if received <= END and (replied is None or replied > END):
            add("carried_forward", request.applicant_type)
    return table


def expected_reviews(org) -> dict[str, dict[str, int]]:
    table = {
        group: dict.fromkeys([*CASE_RESULT.values(), "总计"], 0) for group in CASE_GROUP.values()
    }
    for case in ReviewCase.objects.filter(organization=org, filed_on__year=2025):
        done = case.concluded_on is not None and case.concluded_on <= END
        outcome = CASE_RESULT[case.result] if done else "尚未审结"
        table[CASE_GROUP[case.kind]][outcome] += 1
        table[CASE_GROUP[case.kind]]["总计"] += 1
    return table


def expected_documents(org) -> dict[str, dict[str, int]]:
    table = {
        row: {"本年制发件数": 0, "本年废止件数": 0, "现行有效件数": 0}
        for row in ("规章", "行政规范性文件")
    }
    for doc in Document.objects.filter(
        organization=org, status="published", genre__in=["regulation", "normative"]
    ):
        row = table["规章" if doc.genre == "regulation" else "行政规范性文件"]
        issued = doc.written_on or timezone.localdate(doc.published_at)
        ended = (
            None
            if doc.validity == "valid"
            else (doc.invalid_on or timezone.localdate(doc.updated_at))
        )
        if issued > END:
            continue
        row["本年制发件数"] += issued >= START
        row["本年废止件数"] += ended is not None and START <= ended <= END
        row["现行有效件数"] += ended is None or ended > END
    return table


def test_every_demo_body_has_a_2025_report_that_passes_the_checks(demo_reports):
    bodies = [org for org in demo_reports.orgs.values() if org.kind != OrganizationKind.VILLAGE]
    reports = AnnualReport.objects.filter(year=2025).select_related("organization__region")
    assert sorted(r.organization.name for r in reports) == sorted(org.name for org in bodies)
    assert len(bodies) == 19
    for report in reports:
        page = report_page(report, today=date(2026, 11, 21))
        assert page.errors == [], report.organization.name
        expected_published = report.organization.name not in reports_demo.DRAFTS
        assert report.is_published is expected_published


def test_each_number_of_each_demo_report_matches_an_independent_count(demo_reports):
    assert InfoRequest.objects.filter(received_on__year=2025).count() >= 19  # the demo is there
    for index, org in enumerate(
        (o for o in demo_reports.orgs.values() if o.kind != OrganizationKind.VILLAGE), start=1
    ):
        report = AnnualReport.objects.get(organization=org, year=2025)
        figures = report_figures(report)
        assert figures.requests.cells == expected_requests(org), org.name
        assert figures.reviews.cells == expected_reviews(org), org.name
        assert figures.active.documents == expected_documents(org), org.name
        assert figures.active.decisions == {
            "行政许可": (index * 37) % 120,
            "行政处罚": (index * 11) % 25,
            "行政强制": index % 3,
        }, org.name
        assert figures.active.fees == Decimal(index * 125) / 100, org.name


def test_some_demo_figures_by_hand(demo_reports):
    """城关镇 2025, read off the demo plan: 7 received (6 people, 1 company), one still open at year end."""
    figures = report_figures(
        AnnualReport.objects.get(organization=demo_reports.township, year=2025)
    )
    cells = figures.requests.cells
    assert cells["一、本年新收政府信息公开申请数量"]["总计"] == 7
    assert cells["一、本年新收政府信息公开申请数量"]["商业企业"] == 1
    assert cells["（七）总计"]["总计"] == 6
    assert cells["四、结转下年度继续办理"]["总计"] == 1
    assert cells["4.保护第三方合法权益"]["商业企业"] == 1
    assert figures.reviews.cells["行政复议"] == {
        "结果维持": 1,
        "结果纠正": 0,
        "其他结果": 0,
        "尚未审结": 0,
        "总计": 1,
    }
    ziran = report_figures(
        AnnualReport.objects.get(organization=demo_reports.orgs["东川县自然资源局"], year=2025)
    )
    # concluded on 2026-01-15: still 尚未审结 in the 2025 report
    assert ziran.reviews.cells["行政复议"]["尚未审结"] == 1
    assert ziran.reviews.cells["行政诉讼 / 复议后起诉"]["结果维持"] == 1


def test_the_2024_report_of_chengguan_is_checked_against_for_carry_over(demo_reports):
    report = AnnualReport.objects.get(organization=demo_reports.township, year=2025)
    assert report_page(report, today=date(2026, 11, 21)).warnings == []
    earlier = AnnualReport.objects.get(organization=demo_reports.township, year=2024)
    earlier.snapshot["requests"]["四、结转下年度继续办理"].update({"自然人": 2, "总计": 2})
    earlier.save(update_fields=["snapshot"])
    page = report_page(report, today=date(2026, 11, 21))
    assert [(w.rule, w.column, w.expected, w.found) for w in page.warnings] == [
        ("cross_year", "自然人", 2, 0),
        ("cross_year", "总计", 2, 0),
    ]

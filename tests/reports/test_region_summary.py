"""The supervisor's region summary: sums over every body below, and who is missing, late or failing."""

from datetime import date

from django.urls import reverse

from gongkai.reports.models import AnnualReport
from gongkai.reports.selectors import report_figures
from gongkai.reports.summary import region_summary
from gongkai.rules import annual_report as ar


def test_county_summary_of_the_demo(demo_reports):
    county = demo_reports.county
    summary = region_summary(organization=county, year=2025, today=date(2026, 11, 21))
    names = [b.organization.name for b in summary.bodies]
    assert (
        names
        == [
            "东川县民政局",
            "东川县人力资源和社会保障局",
            "东川县财政局",
            "东川县自然资源局",
            "东川县住房和城乡建设局",
            "东川县城关镇人民政府",
            "东川县河口镇人民政府",
            "东川县东湖街道办事处",
        ]
    )  # villages (柳树村, 杏花村) and the county government itself are not below-bodies that report here
    assert summary.missing == summary.late == summary.failing == []
    reports = AnnualReport.objects.filter(
        organization__in=[b.organization for b in summary.bodies], year=2025
    )
    for row in ar.LAYOUT_2021.rows:
        for column in ar.S3_COLUMNS:
            expected = sum(report_figures(r).requests.get(row, column) for r in reports)
            assert summary.figures.requests.get(row, column) == expected
    assert summary.figures.active.decisions[ar.LICENSING] == sum(
        r.licensing_decisions for r in reports
    )
    assert summary.figures.reviews.get(ar.REVIEW, ar.TOTAL) == 2


def test_west_county_lists_missing_late_and_drafts(demo_reports):
    county = demo_reports.other_county
    AnnualReport.objects.filter(
        organization=demo_reports.orgs["西岭县石桥镇人民政府"], year=2025
    ).delete()
    summary = region_summary(organization=county, year=2025, today=date(2026, 11, 21))
    by_name = {b.organization.name: b for b in summary.bodies}
    assert {b.organization.name for b in summary.missing} == {
        "西岭县卫生健康局",
        "西岭县云台乡人民政府",
        "西岭县石桥镇人民政府",
    }
    assert by_name["西岭县石桥镇人民政府"].state == "missing"
    assert by_name["西岭县卫生健康局"].state == "draft"
    assert by_name["西岭县新城街道办事处"].late_days == 10  # published 2026-02-10
    assert (
        by_name["西岭县云台乡人民政府"].late_days == (date(2026, 11, 21) - date(2026, 1, 31)).days
    )
    assert {b.organization.name for b in summary.late} == {
        "西岭县卫生健康局",
        "西岭县云台乡人民政府",
        "西岭县石桥镇人民政府",
        "西岭县新城街道办事处",
    }
    # the missing body still counts with what the platform holds: 石桥镇 had one request in 2025
    assert summary.figures.requests.get(ar.NEW_RECEIVED, ar.TOTAL) == 2 + 0  # 石桥镇 1 + 教育局 1


def test_a_failing_body_is_listed(demo_reports):
    report = AnnualReport.objects.get(
        organization=demo_reports.orgs["东川县河口镇人民政府"], year=2025
    )
    report.snapshot["reviews"]["行政复议"]["总计"] = 5
    report.save(update_fields=["snapshot"])
    summary = region_summary(organization=demo_reports.county, year=2025, today=date(2026, 11, 21))
    [failing] = summary.failing
    assert failing.organization.name == "东川县河口镇人民政府"
    assert failing.errors[0].rule == "T4_row_totals"


def test_region_page(client, demo_reports):
    client.force_login(demo_reports.supervisor)
    page = client.get(
        reverse("reports:region", args=[demo_reports.county.code, 2025])
    ).content.decode()
    assert "辖区内 8 个机关单位" in page
    assert "已公布 8 个" in page
    client.force_login(demo_reports.city_supervisor)
    page = client.get(
        reverse("reports:region", args=[demo_reports.city.code, 2025])
    ).content.decode()
    assert "未公布 2 个" in page
    assert "西岭县云台乡人民政府" in page


def test_the_batch_count_of_requests_equals_the_info_requests_selector(demo_reports):
    from gongkai.info_requests.selectors import annual_figures
    from gongkai.reports.summary import request_tables

    bodies = [org for org in demo_reports.orgs.values() if org.kind != "village"]
    for year in (2024, 2025, 2026):
        batch = request_tables([org.id for org in bodies], year)
        for org in bodies:
            assert batch[org.id].cells == annual_figures(org, year), (org.name, year)

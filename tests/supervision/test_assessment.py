"""A month's assessment of a county: scores from the catalog, publications and requests,
a ranking with its change from the month before, explanations, Excel and SVG."""

import io
from datetime import date

import pytest
from openpyxl import load_workbook

from gongkai.documents.choices import Genre
from gongkai.rules.indicators import Period
from gongkai.supervision.models import AssessmentRun, IndicatorSet
from gongkai.supervision.selectors.assessment import org_facts, ranking
from gongkai.supervision.services.assessment import period_bounds, run_assessment
from tests.supervision.conftest import catalog_item

TODAY = date(2024, 11, 20)


def test_period_bounds():
    assert period_bounds("2024-10", today=TODAY) == Period(date(2024, 10, 1), date(2024, 10, 31))
    assert period_bounds("2024-11", today=TODAY) == Period(date(2024, 11, 1), TODAY)
    with pytest.raises(Exception, match="尚未开始"):
        period_bounds("2024-12", today=TODAY)
    with pytest.raises(Exception, match="年月"):
        period_bounds("2024-13", today=TODAY)


def test_facts_of_a_township(world, no_publications, publish):
    item = catalog_item(world.township, "最低生活保障", "审核信息")
    publish(
        world.township,
        "迟发公示",
        formed=date(2024, 9, 2),
        published=date(2024, 10, 8),
        items=[item],
    )
    facts = org_facts([world.township], period=Period(date(2024, 10, 1), date(2024, 10, 31)))
    mine = facts[world.township.id]
    assert mine.applicable > 0
    assert mine.adopted == mine.applicable
    assert mine.missing_items == ()
    [publication] = mine.publications
    assert (publication.time_limit_days, publication.formed_on) == (10, date(2024, 9, 2))
    by_id = {i.item_id: i for i in mine.items}
    assert by_id[item.id].published_count == 1
    assert by_id[item.id].last_published == date(2024, 10, 8)


def test_run_scores_ranks_and_explains(world, no_publications, publish):
    item = catalog_item(world.township, "最低生活保障", "审核信息")
    publish(
        world.township,
        "迟发公示",
        formed=date(2024, 9, 2),
        published=date(2024, 10, 8),
        items=[item],
    )
    publish(
        world.township,
        "未解读的细则",
        formed=date(2024, 10, 1),
        published=date(2024, 10, 9),
        genre=Genre.NORMATIVE,
        items=[catalog_item(world.township, "最低生活保障", "政策法规文件")],
    )
    run = run_assessment(scope=world.county, period="2024-10", by=world.supervisor, today=TODAY)
    assert run.indicator_set.version == 1
    assert IndicatorSet.objects.get(pk=run.indicator_set_id).first_used_at == run.computed_at
    mine = run.assessments.get(organization=world.township)
    details = {entry["code"]: entry for entry in mine.details}
    late = details["late_publications"]
    assert late["points"] == 14.0
    assert late["deductions"][0]["label"].startswith("超时限：《迟发公示》应于")
    # Published Wednesday 10-09; the third working day is Saturday 10-12, a 调休 working day.
    assert details["policy_interpretation"]["deductions"][0]["label"] == (
        "未按时解读：《未解读的细则》（应于10月12日前）"
    )
    for entry in mine.details:
        assert (
            round(entry["points"] + sum(d["points"] for d in entry["deductions"]), 2)
            == entry["weight"]
        )
    assert mine.total == round(sum(entry["points"] for entry in mine.details), 2)
    totals = [a.total for a in run.assessments.order_by("rank")]
    assert totals == sorted(totals, reverse=True)
    # 东川县: its government, 5 departments, 3 townships (streets), 2 villages.
    assert run.assessments.count() == 11


def test_month_over_month_change(world, no_publications, publish):
    run_assessment(scope=world.county, period="2024-09", by=world.supervisor, today=TODAY)
    item = catalog_item(world.township, "最低生活保障", "审核信息")
    publish(
        world.township,
        "迟发公示",
        formed=date(2024, 9, 2),
        published=date(2024, 10, 8),
        items=[item],
    )
    october = run_assessment(scope=world.county, period="2024-10", by=world.supervisor, today=TODAY)
    rows = {row.assessment.organization_id: row for row in ranking(october)}
    township = rows[world.township.id]
    assert township.assessment.previous_total is not None
    assert township.change == round(
        township.assessment.total - township.assessment.previous_total, 2
    )
    assert (
        township.change_label.startswith("↓")
        or township.change_label.startswith("↑")
        or township.change_label == "持平"
    )


def test_a_new_version_does_not_change_past_scores(world):
    first = run_assessment(scope=world.county, period="2024-10", by=world.supervisor, today=TODAY)
    before = {a.organization_id: a.total for a in first.assessments.all()}
    from gongkai.rules.indicators import IndicatorSpec
    from gongkai.supervision.services.assessment import create_indicator_set

    create_indicator_set(
        owner=world.county,
        name="只看目录",
        specs=[IndicatorSpec("catalog_coverage", 100)],
        note="试行",
        by=world.supervisor,
    )
    second = run_assessment(scope=world.county, period="2024-10", by=world.supervisor, today=TODAY)
    assert second.indicator_set.owner == world.county
    assert {
        a.organization_id: a.total for a in AssessmentRun.objects.get(pk=first.pk).assessments.all()
    } == before
    assert [entry["code"] for entry in second.assessments.first().details] == ["catalog_coverage"]


def test_ranking_page_chart_detail_and_export(client, world):
    run = run_assessment(scope=world.county, period="2024-10", by=world.supervisor, today=TODAY)
    client.force_login(world.supervisor)
    page = client.get("/workspace/supervision/ranking/?period=2024-10")
    html = page.content.decode()
    assert page.status_code == 200
    assert "<svg" in html
    assert "合格线60" in html
    assert "<script" not in html.split("<main")[1]
    row = page.context["rows"][0]
    detail = client.get(row.url)
    assert detail.status_code == 200
    assert "扣分明细" in detail.content.decode()
    data = client.get(f"/workspace/supervision/ranking/{run.id}/export.xlsx").content
    sheet = load_workbook(io.BytesIO(data)).active
    assert [c.value for c in sheet[2]][:4] == ["排名", "单位", "得分", "等次"]
    assert sheet.max_row == 2 + 11


def test_ranking_personas(client, world):
    run = run_assessment(scope=world.county, period="2024-10", by=world.supervisor, today=TODAY)
    client.force_login(world.editor)
    assert client.get("/workspace/supervision/ranking/").status_code == 403
    assert client.get(f"/workspace/supervision/ranking/{run.id}/export.xlsx").status_code == 403
    client.force_login(world.city_supervisor)
    assert client.get(f"/workspace/supervision/ranking/{run.id}/export.xlsx").status_code == 200
    other = run_assessment(
        scope=world.other_county, period="2024-10", by=world.city_supervisor, today=TODAY
    )
    client.force_login(world.supervisor)
    assert client.get(f"/workspace/supervision/ranking/{other.id}/export.xlsx").status_code == 403
    detail = other.assessments.first()
    assert client.get(f"/workspace/supervision/assessment/{detail.id}/").status_code == 403


def test_run_from_the_page(client, world):
    client.force_login(world.supervisor)
    response = client.post(
        "/workspace/supervision/ranking/run/", {"scope": "QH01", "period": "2024-10"}
    )
    assert response.status_code == 302
    assert AssessmentRun.objects.get().scope == world.county
    bad = client.post(
        "/workspace/supervision/ranking/run/", {"scope": "QH01", "period": "十月"}, follow=True
    )
    assert "考核期应写作“2024-10”这样的年月。" in bad.content.decode()

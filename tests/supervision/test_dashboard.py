"""The dashboard of a 公开办: scope, figures on hand-built cases, drill-down to the document."""

import io
from datetime import date, timedelta

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from gongkai.catalog.models import CatalogItem, Mode
from gongkai.supervision.selectors.dashboard import region_dashboard
from gongkai.supervision.selectors.figures import compute_figures
from gongkai.supervision.selectors.scope import supervised
from gongkai.supervision.services.snapshots import refresh_snapshot
from tests.supervision.conftest import catalog_item, moment

BASE = "/workspace/supervision/"


def township_items(world):
    return CatalogItem.objects.filter(
        catalog__organization=world.township, applicable=True, withdrawn=False, mode=Mode.PROACTIVE
    ).count()


def late_publication(world, publish, today):
    audit = catalog_item(world.township, "最低生活保障", "审核信息")
    formed, published = today - timedelta(days=60), today - timedelta(days=5)
    return publish(world.township, "迟发公示", formed=formed, published=published, items=[audit])


def test_scope_personas(client, world):
    client.force_login(world.editor)
    assert client.get(BASE).status_code == 403
    client.force_login(world.neighbour_editor)
    assert client.get(BASE).status_code == 403
    client.force_login(world.supervisor)
    response = client.get(BASE)
    assert response.status_code == 200
    view = response.context["view"]
    assert view.region.name == "东川县"
    assert [row.name for row in view.child_rows] == ["城关镇", "河口镇", "东湖街道"]
    assert view.organization_rows[0].name == "东川县人民政府"
    assert client.get(f"{BASE}?region=991002").status_code == 403  # 西岭县
    assert client.get(f"{BASE}?region=991000").status_code == 403  # the city, above the scope
    assert client.get(f"{BASE}?region=999999").status_code == 404
    client.force_login(world.city_supervisor)
    view = client.get(BASE).context["view"]
    assert [row.name for row in view.child_rows] == ["东川县", "西岭县"]


def test_figures_on_a_hand_built_township(world, no_publications, publish):
    today = date(2024, 11, 20)
    before = compute_figures([world.township], today=today)[(world.township.id, None)]
    assert before.items == township_items(world)
    assert (before.blank, before.stale, before.late, before.published) == (before.items, 0, 0, 0)
    assert before.coverage == 100
    audit = catalog_item(world.township, "最低生活保障", "审核信息")
    policy_item = catalog_item(world.township, "最低生活保障", "政策法规文件")
    # 10 working days from 2024-09-02 end on 09-14 (a 调休 Saturday): 10-08 is late.
    publish(
        world.township,
        "迟发公示",
        formed=date(2024, 9, 2),
        published=date(2024, 10, 8),
        items=[audit],
    )
    # A policy item last updated 6 months and 1 day ago is stale; its policy was never interpreted.
    publish(
        world.township,
        "旧细则",
        formed=date(2024, 5, 10),
        published=date(2024, 5, 19),
        items=[policy_item],
        genre="normative",
    )
    after = compute_figures([world.township], today=today)
    totals = after[(world.township.id, None)]
    assert (totals.blank, totals.stale, totals.late, totals.published) == (
        before.items - 2,
        1,
        1,
        2,
    )
    assert totals.uninterpreted == 1
    domain = after[(world.township.id, audit.catalog.domain_id)]
    assert (domain.late, domain.stale, domain.published) == (1, 1, 2)
    on_boundary = compute_figures([world.township], today=date(2024, 11, 19))[
        (world.township.id, None)
    ]
    assert on_boundary.stale == 0  # 2024-05-19 is exactly six months before 11-19


def test_region_rows_add_up_the_bodies_below(world, no_publications, publish):
    today = timezone.localdate()
    late_publication(world, publish, today)
    view = region_dashboard(supervised(world.supervisor), world.county.region, today=today)
    rows = {row.name: row for row in view.child_rows}
    assert rows["城关镇"].figures.late == 1
    assert rows["河口镇"].figures.late == 0
    assert view.totals.figures.late == 1
    cell = {c.label: c for c in rows["城关镇"].cells}["超时限发布"]
    assert (cell.value, cell.alert) == ("1", True)
    assert cell.url == f"{BASE}list/late/?region={world.township.region.code}"


def test_drill_down_from_region_to_document(client, world, no_publications, publish):
    today = timezone.localdate()
    audit = catalog_item(world.township, "最低生活保障", "审核信息")
    document = publish(
        world.township,
        "城关镇低保审核对象公示",
        formed=today - timedelta(days=60),
        published=today - timedelta(days=5),
        items=[audit],
    )
    client.force_login(world.supervisor)
    region = client.get(f"{BASE}?region={world.township.region.code}").context["view"]
    [org_row] = [r for r in region.organization_rows if r.name == world.township.name]
    org_page = client.get(org_row.url)
    [domain_row] = [r for r in org_page.context["view"].domain_rows if r.name == "社会救助"]
    domain_page = client.get(domain_row.url)
    [item_row] = [r for r in domain_page.context["rows"] if r.item_id == audit.id]
    assert (item_row.state, item_row.late, item_row.published) == ("正常", 1, 1)
    item_page = client.get(item_row.url)
    [doc_row] = item_page.context["view"].documents
    assert doc_row.state.startswith("超时限")
    doc_page = client.get(doc_row.url)
    assert doc_page.status_code == 200
    html = doc_page.content.decode()
    assert "城关镇低保审核对象公示" in html
    assert "10个工作日（目录事项）" in html
    assert doc_page.context["view"].row.lateness.fact.document_id == document.id


def test_drill_down_outside_the_scope_is_refused(client, world, publish):
    far = publish(
        world.far_township, "石桥镇公示", formed=date(2024, 9, 1), published=date(2024, 9, 3)
    )
    far_item = CatalogItem.objects.filter(catalog__organization=world.far_township).first()
    client.force_login(world.supervisor)
    assert client.get(f"{BASE}org/{world.far_township.code}/").status_code == 403
    assert client.get(f"{BASE}item/{far_item.id}/").status_code == 403
    assert client.get(f"{BASE}document/{far.id}/").status_code == 403
    assert client.get(f"{BASE}list/blank/?org={world.far_township.code}").status_code == 403
    assert client.get(f"{BASE}org/NOPE/").status_code == 404
    client.force_login(world.city_supervisor)
    assert client.get(f"{BASE}document/{far.id}/").status_code == 200


@pytest.mark.parametrize(
    "figure",
    [
        "coverage",
        "blank",
        "stale",
        "late",
        "uninterpreted",
        "requests_open",
        "requests_overdue",
        "tasks_overdue",
        "report",
    ],
)
def test_every_figure_has_its_list(client, world, figure):
    client.force_login(world.supervisor)
    response = client.get(f"{BASE}list/{figure}/?org={world.township.code}")
    assert response.status_code == 200
    export = client.get(f"{BASE}list/{figure}/?org={world.township.code}&format=xlsx")
    assert export["Content-Type"].startswith("application/vnd.openxmlformats")


def test_blank_list_names_the_items_and_exports_them(client, world, no_publications):
    client.force_login(world.supervisor)
    response = client.get(f"{BASE}list/blank/?org={world.township.code}&domain=social_assistance")
    rows = response.context["page"].rows
    assert len(rows) == 13
    assert rows[0][1].value == "社会救助 / 综合业务 / 政策法规文件"
    data = client.get(
        f"{BASE}list/blank/?org={world.township.code}&domain=social_assistance&format=xlsx"
    ).content
    assert load_workbook(io.BytesIO(data)).active.max_row == 2 + 13


def test_unknown_figure_is_not_found(client, world):
    client.force_login(world.supervisor)
    assert client.get(f"{BASE}list/popularity/").status_code == 404


def test_snapshot_agrees_with_live_figures_and_says_when(client, world, no_publications, publish):
    today = timezone.localdate()
    late_publication(world, publish, today)
    client.force_login(world.supervisor)
    live = client.get(BASE).context["view"]
    assert live.source.live
    snapshot = refresh_snapshot(today=today)
    cached = client.get(BASE)
    view = cached.context["view"]
    assert not view.source.live
    assert view.source.as_of == snapshot.as_of
    assert "统计快照：截至" in cached.content.decode()
    assert [r.figures for r in view.child_rows] == [r.figures for r in live.child_rows]
    assert view.totals.figures == live.totals.figures


def test_refresh_is_queued_for_supervisors(client, world):
    client.force_login(world.editor)
    assert client.post(f"{BASE}refresh/").status_code == 403
    client.force_login(world.supervisor)
    response = client.post(f"{BASE}refresh/")
    assert response.status_code == 302


def test_annual_report_status_on_both_sides_of_its_deadline(client, world):
    from gongkai.reports.models import AnnualReport, Status

    AnnualReport.objects.create(
        organization=world.township,
        year=2023,
        status=Status.PUBLISHED,
        published_at=moment(date(2024, 1, 31)),
    )
    AnnualReport.objects.create(
        organization=world.neighbour,
        year=2023,
        status=Status.PUBLISHED,
        published_at=moment(date(2024, 2, 1)),
    )
    figures = compute_figures(
        [world.township, world.neighbour, world.county, world.village], today=date(2024, 3, 31)
    )
    status = {
        org: figures[(org.id, None)].report_status
        for org in (world.township, world.neighbour, world.county, world.village)
    }
    # Townships by 1月31日; the county government's own report by 3月31日; villages owe none.
    assert status == {
        world.township: "on_time",
        world.neighbour: "late",
        world.county: "not_due",
        world.village: "",
    }
    later = compute_figures([world.county], today=date(2024, 4, 1))[(world.county.id, None)]
    assert (later.report_status, later.report_label) == ("missing", "逾期未公布")

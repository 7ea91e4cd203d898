"""A county 公开办 (dc_gkb) opens the supervision dashboard and drills down to a late publication."""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from gongkai.demo import supervision as demo
from gongkai.demo.region import DEMO_PASSWORD
from gongkai.orgs.models import Organization
from tests.browser.support import outside_requests, screenshot

pytestmark = pytest.mark.browser
DESKTOP = {"viewport": {"width": 1280, "height": 900}}


@pytest.fixture
def supervision_world(live_world):
    """The supervision demo (late, stale and uninterpreted publications, tasks, scores) of today."""
    orgs = {org.name: org for org in Organization.objects.select_related("region")}
    admin = get_user_model().objects.get(username="admin")
    return demo.build(orgs=orgs, by=admin)


@pytest.fixture
def desk(supervision_world, browser, live_world):
    context = browser.new_context(**DESKTOP, locale="zh-CN", base_url=live_world.url)
    page = context.new_page()
    page.requested_urls = []
    page.on("request", lambda request: page.requested_urls.append(request.url))
    yield page
    context.close()


def test_county_supervisor_drills_down_to_a_late_item_and_its_document(desk, live_world):
    desk.goto("/workspace/login/?next=/workspace/supervision/")
    desk.get_by_label("用户名").fill("dc_gkb")
    desk.get_by_label("密码").fill(DEMO_PASSWORD)
    desk.get_by_role("button", name="登录").click()

    expect(desk.get_by_role("heading", level=1)).to_have_text("东川县 · 政务公开监督总览")
    expect(desk.get_by_text("实时统计：截至")).to_be_visible()
    children = desk.get_by_role("region", name="下级区划")
    expect(children.get_by_role("rowheader")).to_have_text(["城关镇", "河口镇", "东湖街道"])
    # The demo world has its own late publications; ours adds at least one to 城关镇.
    expect(
        desk.get_by_role("link", name=re.compile(r"^城关镇超时限发布：[1-9]\d*$"))
    ).to_be_visible()
    screenshot(desk, "supervision-1-county")

    children.get_by_role("link", name="城关镇", exact=True).click()
    expect(desk.get_by_role("heading", level=1)).to_have_text("城关镇 · 政务公开监督总览")
    screenshot(desk, "supervision-2-township-region")

    desk.get_by_role("link", name="东川县城关镇人民政府", exact=True).click()
    expect(desk.get_by_role("heading", level=1)).to_have_text("东川县城关镇人民政府")
    domains = desk.get_by_role("region", name="按领域")
    expect(
        domains.get_by_role("link", name=re.compile(r"^社会救助超时限发布：[1-9]\d*$"))
    ).to_be_visible()
    screenshot(desk, "supervision-3-organization")

    domains.get_by_role("link", name="社会救助", exact=True).click()
    expect(desk.get_by_role("heading", level=1)).to_have_text("东川县城关镇人民政府 · 社会救助领域")
    late_row = desk.get_by_role("row").filter(has_text="最低生活保障 / 审核信息")
    expect(late_row.get_by_role("cell").nth(3)).to_have_text(re.compile(r"^[1-9]\d*$"))
    screenshot(desk, "supervision-4-domain")

    late_row.get_by_role("link", name="最低生活保障 / 审核信息").click()
    expect(desk.get_by_role("heading", level=1)).to_have_text("最低生活保障 / 审核信息")
    document_row = desk.get_by_role("row").filter(has_text=demo.LATE_TITLE)
    expect(document_row).to_contain_text("超时限")
    screenshot(desk, "supervision-5-item")

    document_row.get_by_role("link", name=demo.LATE_TITLE).click()
    expect(desk.get_by_role("heading", level=1)).to_have_text(demo.LATE_TITLE)
    expect(desk.get_by_text("10个工作日（目录事项）")).to_be_visible()
    expect(desk.locator(".tag-alert").first).to_contain_text("超时限")
    screenshot(desk, "supervision-6-document")

    desk.goto("/workspace/supervision/ranking/")
    expect(desk.locator("svg.chart")).to_be_visible()
    screenshot(desk, "supervision-7-ranking")

    assert outside_requests(desk, live_world.url) == []


def test_county_supervisor_imports_the_seed_task_table(desk, live_world, tmp_path):
    from tests.supervision.seed_004 import workbook_bytes

    path = tmp_path / "任务分工和进度安排.xlsx"
    path.write_bytes(workbook_bytes())
    desk.goto("/workspace/login/?next=/workspace/supervision/tasks/import/")
    desk.get_by_label("用户名").fill("dc_gkb")
    desk.get_by_label("密码").fill(DEMO_PASSWORD)
    desk.get_by_role("button", name="登录").click()

    desk.get_by_label("任务分工表").set_input_files(str(path))
    desk.get_by_role("button", name="上传并预览").click()
    expect(desk.get_by_text("完成时间：已识别日期 28 项")).to_be_visible()
    expect(desk.locator("#preview-rows tbody tr")).to_have_count(28)
    expect(desk.locator("#preview-rows")).to_contain_text("2022年9底前 → 2022年9月30日")
    screenshot(desk, "supervision-8-task-preview")
    desk.screenshot(
        path=str(screenshot(desk, "supervision-8-task-preview")).replace(".png", "-top.png")
    )

    selects = desk.locator(".unit-choice select")
    expect(selects).to_have_count(20)
    for index in range(20):
        selects.nth(index).select_option(label="仅保留名称（平台外单位）")
    desk.get_by_role("button", name="确认导入 28 项任务").click()
    expect(desk.get_by_role("heading", level=1)).to_have_text("任务分工和进度安排")
    expect(desk.get_by_text("已导入“任务分工和进度安排”：28 项任务。")).to_be_visible()
    screenshot(desk, "supervision-9-task-plan")
    desk.screenshot(
        path=str(screenshot(desk, "supervision-9-task-plan")).replace(".png", "-top.png")
    )

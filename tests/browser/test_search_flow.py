import re
from datetime import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from gongkai.catalog.models import CatalogItem
from gongkai.documents.choices import Disclosure, Genre, Status
from gongkai.documents.models import Document
from gongkai.orgs.models import Organization
from gongkai.search.indexing import rebuild_index
from tests.browser.conftest import PHONE
from tests.browser.support import fits_the_viewport, outside_requests, screenshot

pytestmark = pytest.mark.browser

OLD_NOTICE = "城关镇关于调整2019年城乡最低生活保障标准的通知"


@pytest.fixture
def searchable(live_world):
    """The demo documents indexed, plus an older 城关镇 notice that never says 低保.

    Requested before the browser fixtures, so that it writes before Playwright starts (see conftest).
    """
    township = Organization.objects.get(code="QH01T01")
    notice = Document.objects.create(
        organization=township,
        title=OLD_NOTICE,
        genre=Genre.OTHER_DOCUMENT,
        body="<p>根据县民政局通知，自2019年7月1日起，本镇城乡最低生活保障标准调整为每人每月520元。</p>",
        status=Status.PUBLISHED,
        disclosure=Disclosure.PROACTIVE,
        published_at=timezone.make_aware(datetime(2019, 6, 18, 10)),
    )
    notice.catalog_items.set(
        CatalogItem.objects.filter(
            catalog__organization=township,
            catalog__domain__code="social_assistance",
            level1="最低生活保障",
        )[:1]
    )
    rebuild_index()
    return notice


def _count(page) -> int:
    return int(page.locator(".search-summary strong").inner_text())


def test_citizen_searches_dibao_filters_by_township_and_year_and_opens_a_result(
    searchable, phone, live_world
):
    phone.goto("/")
    phone.get_by_role("searchbox", name="搜索政府信息").fill("低保")
    phone.get_by_role("searchbox", name="搜索政府信息").press("Enter")
    expect(phone.get_by_role("heading", level=1)).to_have_text("站内搜索")
    expect(phone.locator(".search-summary")).to_contain_text("共找到")
    everywhere = _count(phone)
    # Found through the synonym: the official term is highlighted, not only the colloquial one.
    expect(phone.locator(".search-hit mark", has_text="最低生活保障").first).to_be_visible()
    assert fits_the_viewport(phone)
    screenshot(phone, "search-1-results")

    phone.get_by_role("combobox", name="地区").select_option(label="城关镇")
    chips = phone.get_by_role("list", name="已选筛选条件")
    expect(chips).to_contain_text("地区：城关镇")
    in_township = _count(phone)
    assert 1 < in_township < everywhere
    expect(phone).to_have_url(re.compile(rf"org={searchable.organization_id}"))
    for meta in phone.locator(".search-meta").all():
        expect(meta).to_contain_text("城关镇")

    phone.get_by_role("combobox", name="年份").select_option(label="2019年")
    expect(chips).to_contain_text("年份：2019年")
    expect(chips).to_contain_text("地区：城关镇")
    expect(phone.locator(".search-summary strong")).to_have_text("1")
    expect(phone.get_by_role("combobox", name="地区")).to_have_value(
        str(searchable.organization_id)
    )
    expect(phone).to_have_url(re.compile(r"year=2019"))
    assert fits_the_viewport(phone)
    screenshot(phone, "search-2-filtered")

    phone.locator(".search-hit h2 a").first.click()
    expect(phone.get_by_role("heading", level=1)).to_have_text(OLD_NOTICE)
    expect(phone.locator(".doc-body")).to_contain_text("最低生活保障标准调整为每人每月520元")
    assert fits_the_viewport(phone)
    screenshot(phone, "search-3-document")

    assert outside_requests(phone, live_world.url) == []


def test_filters_work_without_javascript(searchable, browser, live_world):
    context = browser.new_context(
        **PHONE, locale="zh-CN", base_url=live_world.url, java_script_enabled=False
    )
    page = context.new_page()
    page.goto("/search/?q=低保")
    everywhere = _count(page)
    page.get_by_role("combobox", name="地区").select_option(label="城关镇")
    page.get_by_role("combobox", name="年份").select_option(label="2019年")
    page.get_by_role("button", name="筛选").click()
    expect(page.get_by_role("list", name="已选筛选条件")).to_contain_text("年份：2019年")
    assert _count(page) == 1 < everywhere
    page.get_by_role("link", name="取消年份筛选（2019年）").click()
    expect(page.get_by_role("list", name="已选筛选条件")).not_to_contain_text("年份")
    assert 1 < _count(page) < everywhere
    context.close()

import pytest
from playwright.sync_api import expect

from tests.browser.support import ELEMENT_LABELS, fits_the_viewport, outside_requests, screenshot

pytestmark = pytest.mark.browser


def test_citizen_walks_from_home_to_a_dibao_item_on_a_phone_and_prints_it(phone, live_world):
    phone.goto("/")
    expect(phone.get_by_role("heading", level=1)).to_have_text("基层政务公开专区")
    assert fits_the_viewport(phone)
    screenshot(phone, "1-home")

    phone.get_by_role("link", name="东川县城关镇人民政府", exact=True).click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("东川县城关镇人民政府")
    assert fits_the_viewport(phone)
    screenshot(phone, "2-organization")

    phone.get_by_role("link", name="社会救助", exact=True).click()
    expect(phone.get_by_role("heading", level=1)).to_contain_text(
        "社会救助领域政务公开事项标准目录"
    )
    assert fits_the_viewport(phone)
    screenshot(phone, "3-catalog")

    phone.get_by_role("region", name="最低生活保障").get_by_role("link").first.click()
    expect(phone).to_have_url(live_world.url + live_world.item_path)
    expect(phone.get_by_role("heading", level=1)).to_have_text("最低生活保障 · 政策法规文件")
    for label in ELEMENT_LABELS:
        expect(phone.get_by_role("rowheader", name=label, exact=True)).to_be_visible()
    expect(phone.get_by_role("heading", name="政府信息", exact=True)).to_be_visible()
    qr = phone.get_by_role("img", name="本页二维码", exact=False)
    expect(qr).to_be_visible()
    assert qr.evaluate("img => img.naturalWidth > 0")
    assert fits_the_viewport(phone)
    screenshot(phone, "4-item")

    phone.get_by_role("link", name="打印版", exact=False).click()
    expect(phone.get_by_role("button", name="打印")).to_be_visible()
    expect(phone.get_by_role("img", name="本页二维码", exact=False)).to_be_visible()
    assert fits_the_viewport(phone)
    screenshot(phone, "5-item-print")
    phone.emulate_media(media="print")
    expect(phone.get_by_role("button", name="打印")).to_be_hidden()
    screenshot(phone, "6-item-print-media")

    assert outside_requests(phone, live_world.url) == []

import pytest
from playwright.sync_api import expect

from tests.browser.support import fits_the_viewport, screenshot

pytestmark = pytest.mark.browser


def _body_font_px(page) -> float:
    return page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")


def test_care_switch_enlarges_the_text_and_comes_back_to_the_same_page(phone, live_world):
    phone.goto("/org/QH01T01/social_assistance/")
    assert _body_font_px(phone) == 16

    phone.get_by_role("link", name="关怀版", exact=False).click()

    expect(phone).to_have_url(f"{live_world.url}/org/QH01T01/social_assistance/")
    expect(phone.locator("body")).to_have_class("care")
    assert _body_font_px(phone) >= 20
    assert fits_the_viewport(phone)
    screenshot(phone, "7-catalog-care")

    phone.goto(live_world.item_path)
    assert _body_font_px(phone) >= 20
    assert fits_the_viewport(phone)
    screenshot(phone, "8-item-care")

    phone.get_by_role("link", name="退出关怀版").click()
    expect(phone).to_have_url(live_world.url + live_world.item_path)
    expect(phone.locator("body")).not_to_have_class("care")
    assert _body_font_px(phone) == 16

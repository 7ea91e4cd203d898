import json
import re

import pytest
from playwright.sync_api import expect

from tests.browser.support import fits_the_viewport

pytestmark = pytest.mark.browser
SERIOUS = {"serious", "critical"}
CARE = re.compile(r"\bcare\b")


def _serious_violations(page, axe_source: str) -> list[dict]:
    page.add_script_tag(content=axe_source)
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    assert len(results["passes"]) > 20, "axe-core checked next to nothing"
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [node["target"] for node in v["nodes"]][:5],
        }
        for v in results["violations"]
        if v["impact"] in SERIOUS
    ]


def _skip_link_leads_to_main(page) -> None:
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="跳到主要内容")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()


def test_portal_pages_have_no_serious_axe_violations_and_a_working_skip_link(
    phone, live_world, axe_source
):
    pages = {
        "home": "/",
        "organization": "/org/QH01T01/",
        "catalog": "/org/QH01T01/elderly_care/",
        "item": live_world.item_path,
        "item-print": f"{live_world.item_path}?print=1",
    }
    found = {}
    for care in (False, True):
        if care:
            phone.context.add_cookies([{"name": "care", "value": "1", "url": live_world.url}])
        for name, path in pages.items():
            phone.goto(path)
            body = expect(phone.locator("body"))
            body.to_have_class(CARE) if care else body.not_to_have_class(CARE)
            assert fits_the_viewport(phone), name
            violations = _serious_violations(phone, axe_source)
            if violations:
                found[f"{name}{' (关怀版)' if care else ''}"] = violations
            if name == "item":
                _skip_link_leads_to_main(phone)

    assert found == {}, json.dumps(found, ensure_ascii=False, indent=2)

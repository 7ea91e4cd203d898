"""Helpers shared by the browser tests."""

from pathlib import Path

SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
ELEMENT_LABELS = (
    "公开事项",
    "公开内容(要素)",
    "公开依据",
    "公开时限",
    "公开主体",
    "公开渠道和载体",
    "公开对象",
    "公开方式",
    "公开层级",
)


def screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def fits_the_viewport(page) -> bool:
    # Against the configured width: a mobile viewport widens itself to content that overflows.
    return page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]


def outside_requests(page, base_url: str) -> list[str]:
    """The requests the page made outside this server (there should be none)."""
    return [url for url in page.requested_urls if not url.startswith(base_url)]

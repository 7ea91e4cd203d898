"""Browser tests: Debian's Chromium driven by Playwright against pytest-django's live server.

`live_server` makes a test transactional, and the flush that ends such a test empties the whole
database, the demo world that tests/conftest.py built once per session included. So the world is
serialized once before the first browser test, put back at the start of a browser test that finds
it gone, and put back after each browser module for the tests that run later.

Playwright is started per test, after the database fixtures and stopped before them: while its sync
API runs, Django hands the main thread a different database connection (its event loop changes the
context), one that knows nothing of the serialized-rollback state.
"""

import os
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.db import DEFAULT_DB_ALIAS, connections

from gongkai.catalog.models import CatalogVersion
from gongkai.orgs.models import Organization

HERE = Path(__file__).resolve().parent
CHROMIUM = Path("/usr/bin/chromium")
AXE = HERE / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


def _missing(reason: str) -> None:
    """Skip, unless this machine promised a browser (GONGKAI_REQUIRE_BROWSER=1): then fail."""
    if os.environ.get("GONGKAI_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason} (GONGKAI_REQUIRE_BROWSER=1 requires it)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def chromium() -> Path:
    if not CHROMIUM.exists():
        _missing(f"{CHROMIUM} is not installed: apt-get install chromium fonts-wqy-microhei")
    return CHROMIUM


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.exists():
        _missing("tests/browser/node_modules/axe-core is missing: cd tests/browser && npm ci")
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def world_snapshot(django_db_setup, django_db_blocker) -> str:
    """The session's database with its demo world, serialized before any browser test flushes it."""
    with django_db_blocker.unblock():
        assert Organization.objects.exists(), "the demo world is gone before the browser tests"
        return connections[DEFAULT_DB_ALIAS].creation.serialize_db_to_string()


def _restore_world(snapshot: str) -> None:
    if not Organization.objects.exists():
        connections[DEFAULT_DB_ALIAS].creation.deserialize_db_from_string(snapshot)


def _tests_follow(request: pytest.FixtureRequest) -> bool:
    items = request.session.items
    positions = [i for i, item in enumerate(items) if item.module is request.module]
    return bool(positions) and positions[-1] < len(items) - 1


@pytest.fixture(scope="module")
def _world_back_after_module(request, world_snapshot, django_db_blocker):
    # Module scope: set up before, so torn down after, the flush that ends each transactional test.
    yield
    if _tests_follow(request):
        with django_db_blocker.unblock():
            _restore_world(world_snapshot)


@pytest.fixture
def live_world(
    chromium, _world_back_after_module, world_snapshot, django_db_serialized_rollback, live_server
) -> SimpleNamespace:
    """The live server with the demo world in its database, and the paths the tests visit.

    Serialized rollback keeps the flush from re-creating content types and permissions under new
    ids, which would clash with the snapshot's.
    """
    _restore_world(world_snapshot)
    version = CatalogVersion.objects.get(
        catalog__organization__code="QH01T01", catalog__domain__code="social_assistance", number=1
    )
    dibao = next(e for e in version.items if e["level1"] == "最低生活保障")
    return SimpleNamespace(
        url=live_server.url,
        item_path=f"/org/QH01T01/social_assistance/item/{dibao['item_id']}/",
    )


@pytest.fixture
def browser(chromium, live_world):
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running; Django refuses ORM calls under one unless told.
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def phone(browser, live_world):
    """A page on a 390×844 phone viewport that records every request it makes."""
    context = browser.new_context(**PHONE, locale="zh-CN", base_url=live_world.url)
    page = context.new_page()
    page.requested_urls = []
    page.on("request", lambda request: page.requested_urls.append(request.url))
    yield page
    context.close()

"""Fixtures of the 依申请公开 tests: an applicant, registered requests, frozen days, private media."""

from datetime import date, datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.cache import cache

from gongkai.info_requests import services
from gongkai.info_requests.services import ApplicantData

SHANGHAI = ZoneInfo("Asia/Shanghai")
APPLICANT_NAME = "欧阳明月"
APPLICANT_PHONE = "13912345678"
APPLICANT_EMAIL = "mingyue@example.com"


@pytest.fixture(autouse=True)
def _no_requests_yet(request):
    """Each test starts without requests, whether or not the session's demo world has some
    (the deletion is rolled back with the test)."""
    if "db" not in request.fixturenames and "world" not in request.fixturenames:
        return
    from gongkai.info_requests.models import HolidayYear, InfoRequest, RequestCounter

    request.getfixturevalue("db")
    InfoRequest.objects.all().delete()
    RequestCounter.objects.all().delete()
    HolidayYear.objects.all().delete()


@pytest.fixture(autouse=True)
def _private_media_and_fresh_cache(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()
    yield
    cache.clear()


def freeze(day: date, hour: int = 10):
    return time_machine.travel(
        datetime(day.year, day.month, day.day, hour, tzinfo=SHANGHAI), tick=False
    )


@pytest.fixture
def on_2026_03_02():
    """Monday 2 March 2026, 10:00 in 青禾市."""
    with freeze(date(2026, 3, 2)):
        yield date(2026, 3, 2)


def applicant_data(**changes) -> ApplicantData:
    values = {
        "applicant_type": "natural_person",
        "applicant_name": APPLICANT_NAME,
        "description": "城关镇2025年最低生活保障资金发放汇总表",
        "medium": "electronic",
        "delivery": "online",
        "phone": APPLICANT_PHONE,
        "email": APPLICANT_EMAIL,
        "address": "青禾市东川县城关镇幸福路8号",
    }
    values.update(changes)
    return ApplicantData(**values)


@pytest.fixture
def applicant() -> ApplicantData:
    return applicant_data()


def register(world, *, received: date, org=None, by=None, channel="in_person", **changes):
    info_request, token = services.register_application(
        organization=org or world.township,
        by=by or world.editor,
        data=applicant_data(**changes),
        channel=channel,
        submitted_on=received,
        confirmed=received if channel in ("online", "fax", "email") else None,
        signed_for=received if channel == "post" else None,
    )
    return SimpleNamespace(request=info_request, token=token)


@pytest.fixture
def township_request(world):
    """An application handed in at 城关镇 on Monday 12 May 2025 (due 10 June 2025)."""
    return register(world, received=date(2025, 5, 12))


DEMO_DAY = date(2026, 11, 23)


@pytest.fixture
def demo_requests(world):
    """The demo's ~40 requests, built as on Monday 23 November 2026 (and the test runs that day)."""
    from gongkai.demo.info_requests import build

    with freeze(DEMO_DAY):
        figures = build(orgs=world.orgs, by=world.admin)
        yield figures

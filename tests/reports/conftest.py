"""Fixtures of the annual-report tests: the demo requests and reports, a fresh draft."""

from decimal import Decimal

import pytest

from gongkai.demo import info_requests as info_requests_demo
from gongkai.demo import reports as reports_demo
from gongkai.info_requests.models import InfoRequest
from gongkai.reports import services
from gongkai.reports.models import AnnualReport


@pytest.fixture
def demo_reports(world):
    """The demo of 依申请公开 (unless the session demo has it) and of the reports, in this test."""
    if not InfoRequest.objects.exists():
        info_requests_demo.build(orgs=world.orgs, by=world.admin)
    if not AnnualReport.objects.filter(year=reports_demo.YEAR).exists():
        reports_demo.build(orgs=world.orgs, by=world.admin)
    return world


@pytest.fixture
def draft(world) -> AnnualReport:
    """城关镇's 2023 report (a year without demo data), written and ready to publish."""
    report = services.open_report(organization=world.township, year=2023, by=world.editor)
    report = services.update_texts(
        report=report,
        by=world.editor,
        overview="2023年，城关镇坚持以公开为常态。",
        problems="解读形式单一。",
        other_matters="无。",
    )
    return services.update_entered_figures(
        report=report, by=world.editor, licensing=4, penalty=2, coercion=0, fees=Decimal("1.5")
    )

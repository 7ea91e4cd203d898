"""Fixtures of the participation tests: a fixed clock and a consultation of 城关镇 in each phase.

The clock stands at Monday 2025-03-03 10:00 in Beijing unless a test moves it; a 行政规范性文件
published that day runs for 7 working days, to Wednesday 2025-03-12.
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache

from gongkai.participation.services import comments
from gongkai.participation.services import consultations as services

TZ = ZoneInfo("Asia/Shanghai")
MONDAY = datetime(2025, 3, 3, 10, 0, tzinfo=TZ)
DRAFT_TEXT = """第一条 为规范城关镇农贸市场摊位管理，制定本办法。
第二条 摊位每年公开抽签分配一次，抽签结果在镇政务公开栏和网站公示5个工作日。
第三条 摊位费按每月每平方米20元收取，低保户减半。
第四条 本办法自2025年5月1日起施行。"""


@pytest.fixture(autouse=True)
def _clean_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def clock(time_machine):
    time_machine.move_to(MONDAY, tick=False)
    return time_machine


@pytest.fixture
def draft(world, clock):
    return services.create_consultation(
        organization=world.township,
        by=world.editor,
        kind="normative_document",
        title="城关镇农贸市场摊位管理办法（征求意见稿）",
        draft_text=DRAFT_TEXT,
        drafting_notes="为解决摊位分配不透明的问题，镇政府起草了本办法。",
        contact="城关镇政府办公室 0991-6621001",
    )


@pytest.fixture
def open_consultation(world, draft):
    return services.publish_consultation(consultation=draft, by=world.editor)


def comment_on(consultation, body="建议抽签时邀请村民代表现场监督。", paragraph=2, **kwargs):
    return comments.submit_comment(
        consultation=consultation, body=body, paragraph=paragraph, **kwargs
    )


def at(day: date, hour: int = 10) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=TZ)

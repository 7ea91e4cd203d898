"""Fixtures of the documents area: a complete 低保 公示 draft of 城关镇, and files on a temporary disk."""

from datetime import date

import pytest

from gongkai.catalog.models import CatalogItem
from gongkai.documents import services
from gongkai.documents.choices import Disclosure, Genre, SecrecyCheck
from gongkai.documents.models import Theme
from gongkai.rules.pii import id_check_char

ALL_CHECKS = [check.value for check in SecrecyCheck]


def id_number(first17: str) -> str:
    """A valid 18-digit 居民身份证号码 (check digit computed), for test content only."""
    return first17 + id_check_char(first17)


ID_A = id_number("53012319800101123")
ID_B = id_number("53012319751203456")
DIBAO_TEXT = (
    "城关镇2024年第三季度拟新增最低生活保障对象公示\n"
    "序号\t户主姓名\t身份证号码\t家庭人口\t保障金额(元/月)\n"
    f"1\t张三丰\t{ID_A}\t3\t650\n"
    f"2\t李四\t{ID_B}\t2\t480\n"
    "公示期：2024年10月8日至10月16日。监督电话：0991-6612001。"
)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def dibao_item(world) -> CatalogItem:
    """城关镇's catalog item 最低生活保障 · 审核信息 (10 working days)."""
    return CatalogItem.objects.get(
        catalog__organization=world.township,
        catalog__domain=world.social_assistance,
        level1="最低生活保障",
        level2="审核信息",
    )


@pytest.fixture
def civil_affairs() -> Theme:
    return Theme.objects.get(code="civil_affairs")


def draft_fields(item, theme, **overrides) -> dict:
    fields = {
        "title": "城关镇2024年第三季度拟新增最低生活保障对象公示",
        "theme": theme,
        "genre": Genre.ANNOUNCEMENT,
        "written_on": date(2024, 9, 30),
        "disclosure": Disclosure.PROACTIVE,
        "catalog_items": [item],
        "body": "<p>经村（居）民委员会调查、乡镇审核，现将拟新增对象予以公示。</p>",
    }
    return fields | overrides


@pytest.fixture
def make_draft(world, dibao_item, civil_affairs):
    def make(**overrides):
        return services.create_document(
            organization=world.township,
            by=world.editor,
            fields=draft_fields(dibao_item, civil_affairs, **overrides),
        )

    return make


@pytest.fixture
def draft(make_draft):
    return make_draft()


@pytest.fixture
def dibao_draft(make_draft):
    """A 低保 公示 whose body lists two households with unmasked names and ID numbers."""
    return make_draft(body=DIBAO_TEXT)


@pytest.fixture
def submitted(world, draft):
    return services.submit_document(document=draft, by=world.editor)


@pytest.fixture
def approved(world, submitted):
    return services.approve_document(document=submitted, by=world.reviewer, checklist=ALL_CHECKS)


@pytest.fixture
def published(world, approved):
    return services.publish_document(document=approved, by=world.reviewer)

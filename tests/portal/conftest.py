from types import SimpleNamespace

import pytest

from gongkai.catalog.models import Catalog


@pytest.fixture
def township_catalog(world) -> Catalog:
    """城关镇's published 社会救助 catalog (version 1, 13 items)."""
    return Catalog.objects.get(organization=world.township, domain=world.social_assistance)


@pytest.fixture
def dibao_item(township_catalog) -> SimpleNamespace:
    """The first published item under 最低生活保障 in 城关镇's 社会救助 catalog, with its page URL."""
    entry = next(
        e for e in township_catalog.versions.get(number=1).items if e["level1"] == "最低生活保障"
    )
    return SimpleNamespace(
        entry=entry,
        url=f"/org/{township_catalog.organization.code}/social_assistance/item/{entry['item_id']}/",
    )

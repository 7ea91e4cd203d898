"""An administrator replaces an incomplete guideline with a complete table."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.catalog import services
from gongkai.catalog.models import Domain, GuidelineItem


def _row(level1, level2, **extra):
    return {
        "level1": level1,
        "level2": level2,
        "audience": "全社会",
        "mode": "主动",
        "levels": ["县级", "乡级"],
        **extra,
    }


def test_import_updates_matched_items_adds_new_ones_and_marks_complete(world):
    domain = Domain.objects.get(code="employment")
    existing = list(domain.guideline.items.order_by("seq"))
    adopted_ids = set(
        GuidelineItem.objects.filter(
            catalog_items__isnull=False, guideline__domain=domain
        ).values_list("id", flat=True)
    )
    rows = [
        (i + 3, _row(g.level1, g.level2, content="更新后的内容")) for i, g in enumerate(existing)
    ]
    rows.append((99, _row("就业服务", "新增的二级事项")))
    guideline = services.import_guideline(domain=domain, rows=rows, by=world.admin, complete=True)
    assert guideline.complete is True
    assert guideline.items.count() == len(existing) + 1
    assert set(guideline.items.values_list("content", flat=True)) == {"更新后的内容", ""}
    # Items keep their ids so that catalogs that adopted them stay linked.
    assert adopted_ids <= set(guideline.items.values_list("id", flat=True))


def test_import_is_refused_to_non_administrators_and_bad_rows_save_nothing(world):
    domain = Domain.objects.get(code="employment")
    with pytest.raises(PermissionDenied):
        services.import_guideline(
            domain=domain, rows=[(3, _row("a", "b"))], by=world.city_supervisor
        )
    count = domain.guideline.items.count()
    with pytest.raises(ValidationError) as exc:
        services.import_guideline(
            domain=domain, rows=[(3, _row("a", "b")), (4, _row("", "c"))], by=world.admin
        )
    assert "第 4 行" in str(exc.value)
    assert domain.guideline.items.count() == count

"""主题分类: seeded by a data migration, maintained by platform administrators only."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from gongkai.audit.models import Event
from gongkai.documents import services
from gongkai.documents.models import Theme


def test_the_migration_seeds_the_national_list(db):
    names = list(Theme.objects.values_list("name", flat=True))
    assert names[0] == "综合政务"
    assert names[-1] == "其他"
    for name in (
        "财政、金融、审计",
        "农业农村、林业、水利",
        "卫生健康、体育",
        "民政、扶贫、救灾",
        "公安、安全、司法",
    ):
        assert name in names
    assert len(names) == 20


def test_an_administrator_adds_renames_and_switches_off_a_theme(world):
    theme = services.save_theme(by=world.admin, name="乡村振兴", code="rural_revival", position=30)
    services.save_theme(by=world.admin, theme=theme, name="乡村振兴", position=30, active=False)
    theme.refresh_from_db()
    assert not theme.active
    event = (
        Event.objects.filter(action="documents.theme_saved", target_id=str(theme.pk))
        .order_by("-id")
        .first()
    )
    assert event.before == {"name": "乡村振兴", "position": 30, "active": True}


def test_duplicates_and_outsiders_are_refused(world):
    with pytest.raises(ValidationError, match="已有名为“综合政务”"):
        services.save_theme(by=world.admin, name="综合政务", code="general2")
    with pytest.raises(ValidationError, match="代码“general”已被使用"):
        services.save_theme(by=world.admin, name="新分类", code="general")
    with pytest.raises(PermissionDenied):
        services.save_theme(by=world.township_admin, name="新分类", code="x")


def test_the_themes_page_is_for_platform_administrators(client, world):
    client.force_login(world.admin)
    response = client.post(
        reverse("documents:themes"),
        {"name": "数字政府", "code": "digital", "position": 25, "active": "on"},
        follow=True,
    )
    assert "已保存主题分类“数字政府”" in response.content.decode()
    assert Theme.objects.filter(code="digital", active=True).exists()
    client.force_login(world.township_admin)
    assert client.get(reverse("documents:themes")).status_code == 403


def test_a_switched_off_theme_cannot_be_chosen(world, draft):
    theme = Theme.objects.get(code="defence")
    services.save_theme(
        by=world.admin, theme=theme, name=theme.name, position=theme.position, active=False
    )
    with pytest.raises(ValidationError) as info:
        services.update_document(document=draft, by=world.editor, changes={"theme": theme})
    assert info.value.message_dict == {"theme": ["请选择启用中的主题分类。"]}

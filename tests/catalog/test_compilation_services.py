"""Catalog compilation services: adopt, localize, mark not applicable, publish — each audited."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.audit.models import Event
from gongkai.catalog import services
from gongkai.catalog.models import Catalog, CatalogItem, Domain
from gongkai.catalog.selectors import coverage_matrix, coverage_of, guideline_items_for_level


@pytest.fixture
def fresh(world):
    """云台乡 has not started its 公共文化服务 catalog in the demo: a clean slate for these tests."""
    org = world.orgs["西岭县云台乡人民政府"]
    domain = Domain.objects.get(code="public_culture")
    assert not Catalog.objects.filter(organization=org, domain=domain).exists()
    return org, domain


def test_adopting_prefills_the_elements_and_names_this_body_as_subject(world, fresh):
    org, domain = fresh
    catalog = services.open_catalog(organization=org, domain=domain, by=world.admin)
    guideline = guideline_items_for_level(domain, "乡级")
    adopted = services.adopt_guideline_items(
        catalog=catalog, guideline_items=guideline[:2], by=world.admin
    )
    assert [i.guideline_item for i in adopted] == guideline[:2]
    first = adopted[0]
    assert first.content == guideline[0].content
    assert first.basis == guideline[0].basis
    assert first.subject == org.name
    assert first.revisions.count() == 1
    assert Event.objects.filter(action="catalog.item_adopted", target_id=str(first.pk)).count() == 1


def test_adopting_twice_does_not_duplicate(world, fresh):
    org, domain = fresh
    catalog = services.open_catalog(organization=org, domain=domain, by=world.admin)
    items = guideline_items_for_level(domain, "乡级")[:1]
    services.adopt_guideline_items(catalog=catalog, guideline_items=items, by=world.admin)
    assert (
        services.adopt_guideline_items(catalog=catalog, guideline_items=items, by=world.admin) == []
    )
    assert catalog.items.count() == 1


def test_localizing_an_item_keeps_every_revision_and_audits_before_and_after(world):
    item = CatalogItem.objects.filter(
        catalog__organization=world.township, guideline_item__isnull=False
    ).first()
    old_channels = list(item.channels)
    services.update_catalog_item(
        item=item,
        by=world.editor,
        changes={
            "channels": [*old_channels, "精准推送"],
            "basis": [*item.basis, "《城关镇社会救助实施细则》"],
        },
        note="补充本地依据",
    )
    item.refresh_from_db()
    assert item.revision == 2
    assert item.revisions.get(revision=1).elements["channels"] == old_channels
    assert "精准推送" in item.revisions.get(revision=2).elements["channels"]
    event = Event.objects.get(action="catalog.item_updated", target_id=str(item.pk))
    assert event.actor == world.editor
    assert event.before == {
        "channels": old_channels,
        "basis": item.revisions.get(revision=1).elements["basis"],
    }
    assert event.reason == "补充本地依据"


def test_time_limit_may_be_tightened_but_not_lengthened(world):
    item = CatalogItem.objects.filter(
        catalog__organization=world.township, guideline_item__time_limit_working_days=10
    ).first()
    services.update_catalog_item(item=item, by=world.editor, changes={"time_limit_working_days": 5})
    with pytest.raises(ValidationError) as exc:
        services.update_catalog_item(
            item=item, by=world.editor, changes={"time_limit_working_days": 15}
        )
    assert "不得长于标准指引规定的 10 个工作日" in str(exc.value)
    item.refresh_from_db()
    assert item.time_limit_working_days == 5


def test_unknown_channel_is_refused_with_a_chinese_message(world):
    item = CatalogItem.objects.filter(catalog__organization=world.township).first()
    with pytest.raises(ValidationError) as exc:
        services.update_catalog_item(item=item, by=world.editor, changes={"channels": ["飞鸽传书"]})
    assert "未知的公开渠道：飞鸽传书" in str(exc.value)


def test_marking_not_applicable_needs_a_reason_and_leaves_the_coverage_denominator(world, fresh):
    org, domain = fresh
    catalog = services.open_catalog(organization=org, domain=domain, by=world.admin)
    guideline = guideline_items_for_level(domain, "乡级")
    before = coverage_of(org, domain)
    with pytest.raises(ValidationError):
        services.mark_not_applicable(
            catalog=catalog, guideline_item=guideline[0], by=world.admin, reason="  "
        )
    services.mark_not_applicable(
        catalog=catalog, guideline_item=guideline[0], by=world.admin, reason="本乡无文化站"
    )
    after = coverage_of(org, domain)
    assert (before.applicable, after.applicable, after.not_applicable) == (
        len(guideline),
        len(guideline) - 1,
        1,
    )


def test_coverage_counts_adopted_over_applicable(world, fresh):
    org, domain = fresh
    catalog = services.open_catalog(organization=org, domain=domain, by=world.admin)
    guideline = guideline_items_for_level(domain, "乡级")
    services.adopt_guideline_items(catalog=catalog, guideline_items=guideline[:2], by=world.admin)
    coverage = coverage_of(org, domain)
    assert (coverage.adopted, coverage.applicable) == (2, len(guideline))
    assert coverage.percent == round(200 / len(guideline))


def test_publishing_freezes_a_version_that_later_edits_do_not_change(world):
    catalog = Catalog.objects.get(organization=world.township, domain=world.social_assistance)
    version = services.publish_catalog(catalog=catalog, by=world.reviewer, note="年度更新")
    item = catalog.items.filter(applicable=True, withdrawn=False).first()
    services.update_catalog_item(item=item, by=world.editor, changes={"content": "新的公开内容"})
    version.refresh_from_db()
    frozen = next(e for e in version.items if e["item_id"] == item.id)
    assert frozen["content"] != "新的公开内容"
    assert catalog.versions.count() == 2
    assert Event.objects.filter(action="catalog.published", target_id=str(catalog.pk)).count() == 2


def test_withdrawn_item_stays_in_earlier_versions(world):
    catalog = Catalog.objects.get(organization=world.township, domain=world.social_assistance)
    item = catalog.items.filter(applicable=True).first()
    services.withdraw_catalog_item(item=item, by=world.editor, reason="职能调整")
    version = services.publish_catalog(catalog=catalog, by=world.reviewer)
    assert item.id not in {e["item_id"] for e in version.items}
    assert item.id in {e["item_id"] for e in catalog.versions.get(number=1).items}
    with pytest.raises(ValidationError):
        services.withdraw_catalog_item(item=item, by=world.editor, reason="")


def test_editor_cannot_publish_and_neighbour_cannot_edit(world):
    catalog = Catalog.objects.get(organization=world.township, domain=world.social_assistance)
    with pytest.raises(PermissionDenied):
        services.publish_catalog(catalog=catalog, by=world.editor)
    item = catalog.items.first()
    with pytest.raises(PermissionDenied):
        services.update_catalog_item(item=item, by=world.neighbour_editor, changes={"content": "x"})
    with pytest.raises(PermissionDenied):
        services.update_catalog_item(item=item, by=world.supervisor, changes={"content": "x"})


def test_local_item_is_added_without_a_guideline_link(world):
    catalog = Catalog.objects.get(organization=world.township, domain=world.social_assistance)
    item = services.add_local_item(
        catalog=catalog,
        by=world.editor,
        elements={
            "level1": "临时救助",
            "level2": "城关镇“救急难”备用金",
            "audience": "全社会",
            "mode": "主动",
            "channels": ["政府网站"],
            "levels": ["乡级"],
        },
    )
    assert item.is_local and item.revision == 1
    assert coverage_of(world.township, world.social_assistance).local == 1


def test_public_coverage_counts_only_published_items(world, fresh):
    org, domain = fresh
    catalog = services.open_catalog(organization=org, domain=domain, by=world.admin)
    guideline = guideline_items_for_level(domain, "乡级")
    services.adopt_guideline_items(catalog=catalog, guideline_items=guideline[:2], by=world.admin)
    assert coverage_matrix([org], [domain], published_only=True)[(org.id, domain.id)].adopted == 0
    services.publish_catalog(catalog=catalog, by=world.admin)
    services.adopt_guideline_items(catalog=catalog, guideline_items=guideline[2:3], by=world.admin)
    assert coverage_matrix([org], [domain], published_only=True)[(org.id, domain.id)].adopted == 2
    assert coverage_of(org, domain).adopted == 3

"""Workspace catalog pages for every persona: own township, neighbour, supervisor, anonymous."""

import pytest
from django.urls import reverse

from gongkai.catalog.models import Catalog, CatalogItem, Domain
from gongkai.orgs.models import Membership, Role


def catalog_url(org, domain):
    return reverse("workspace:catalog", args=[org.code, domain.code])


@pytest.fixture
def yuntai(world):
    """An editor of 云台乡, whose 公共文化服务 catalog is not started in the demo."""
    org = world.orgs["西岭县云台乡人民政府"]
    Membership.objects.create(user=world.neighbour_editor, organization=org, role=Role.EDITOR)
    return org, Domain.objects.get(code="public_culture")


def test_anonymous_visitor_is_sent_to_login(client, world):
    response = client.get(catalog_url(world.township, world.social_assistance))
    assert response.status_code == 302
    assert reverse("workspace:login") in response["Location"]


def test_editor_sees_own_catalog_with_drafts(client, world):
    client.force_login(world.editor)
    response = client.get(catalog_url(world.township, world.social_assistance))
    assert response.status_code == 200
    assert "最低生活保障" in response.content.decode()


def test_neighbour_editor_cannot_see_or_change_another_townships_catalog(client, world):
    client.force_login(world.neighbour_editor)
    item = CatalogItem.objects.filter(catalog__organization=world.township).first()
    assert client.get(catalog_url(world.township, world.social_assistance)).status_code == 403
    assert client.get(reverse("workspace:item_edit", args=[item.id])).status_code == 403
    response = client.post(reverse("workspace:item_edit", args=[item.id]), {"level1": "改掉"})
    assert response.status_code == 403
    assert (
        client.post(reverse("workspace:item_withdraw", args=[item.id]), {"reason": "x"}).status_code
        == 403
    )
    assert (
        client.get(reverse("workspace:organization", args=[world.township.code])).status_code == 403
    )
    item.refresh_from_db()
    assert item.level1 != "改掉" and not item.withdrawn


def test_county_supervisor_sees_every_township_but_cannot_edit(client, world):
    client.force_login(world.supervisor)
    home = client.get(reverse("workspace:home")).content.decode()
    for name in (
        "东川县城关镇人民政府",
        "东川县河口镇人民政府",
        "东川县东湖街道办事处",
        "城关镇柳树村村民委员会",
    ):
        assert name in home
    assert "西岭县石桥镇人民政府" not in home
    assert client.get(catalog_url(world.neighbour, world.social_assistance)).status_code == 200
    assert client.get(catalog_url(world.far_township, world.social_assistance)).status_code == 403
    response = client.post(
        reverse("workspace:catalog_adopt", args=[world.township.code, "social_assistance"])
    )
    assert response.status_code == 403


def test_editor_adopts_guideline_items_with_htmx_and_sees_the_part_rerendered(
    client, world, yuntai
):
    org, domain = yuntai
    client.force_login(world.neighbour_editor)
    page = client.get(catalog_url(org, domain))
    assert page.status_code == 200 and "待采用的标准事项" in page.content.decode()
    response = client.post(
        reverse("workspace:catalog_adopt", args=[org.code, domain.code]),
        {"all": "1"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "<html" not in body and "已采用" in body
    catalog = Catalog.objects.get(organization=org, domain=domain)
    assert catalog.items.count() > 0
    assert all(item.subject == org.name for item in catalog.items.all())


def test_editing_an_item_shows_errors_and_keeps_what_was_typed(client, world):
    client.force_login(world.editor)
    item = CatalogItem.objects.filter(
        catalog__organization=world.township,
        catalog__domain__code="social_assistance",
        guideline_item__time_limit_working_days=10,
    ).first()
    data = {
        "level1": item.level1,
        "level2": item.level2,
        "content": "本镇补充的内容",
        "basis": "\n".join(item.basis),
        "time_limit": item.time_limit,
        "time_limit_working_days": "30",
        "subject": item.subject,
        "channels": item.channels,
        "audience": item.audience,
        "mode": item.mode,
        "levels": item.levels,
    }
    response = client.post(reverse("workspace:item_edit", args=[item.id]), data)
    assert response.status_code == 200
    body = response.content.decode()
    assert "不得长于标准指引规定的 10 个工作日" in body
    assert "本镇补充的内容" in body
    item.refresh_from_db()
    assert item.content != "本镇补充的内容"
    data["time_limit_working_days"] = "5"
    response = client.post(reverse("workspace:item_edit", args=[item.id]), data)
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.content, item.time_limit_working_days, item.revision) == ("本镇补充的内容", 5, 2)


def test_reviewer_publishes_and_editor_may_not(client, world):
    url = reverse("workspace:catalog_publish", args=[world.township.code, "social_assistance"])
    client.force_login(world.editor)
    assert client.post(url, {"note": "x"}).status_code == 403
    client.force_login(world.reviewer)
    assert client.post(url, {"note": "年度更新"}).status_code == 302
    catalog = Catalog.objects.get(organization=world.township, domain=world.social_assistance)
    assert catalog.published_version == 2


def test_not_applicable_without_reason_is_refused_with_a_message(client, world, yuntai):
    org, domain = yuntai
    client.force_login(world.neighbour_editor)
    guideline_item = next(g for g in domain.guideline.items.all() if "乡级" in g.levels)
    url = reverse(
        "workspace:catalog_not_applicable", args=[org.code, domain.code, guideline_item.id]
    )
    response = client.post(url, {"reason": ""}, follow=True)
    assert "标记为不适用时必须填写原因" in response.content.decode()
    assert not CatalogItem.objects.filter(
        guideline_item=guideline_item, catalog__organization=org
    ).exists()


def test_item_history_lists_revisions(client, world):
    client.force_login(world.editor)
    item = CatalogItem.objects.filter(catalog__organization=world.township).first()
    response = client.get(reverse("workspace:item_history", args=[item.id]))
    assert response.status_code == 200 and "第 1 次" in response.content.decode()


def test_export_downloads_an_xlsx(client, world):
    client.force_login(world.editor)
    response = client.get(
        reverse("workspace:catalog_export", args=[world.township.code, "social_assistance"])
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response.content[:2] == b"PK"


def test_guideline_pages_show_incomplete_domains(client, world):
    client.force_login(world.editor)
    body = client.get(reverse("workspace:guidelines")).content.decode()
    assert body.count("指引待补充") == Domain.objects.filter(guideline__complete=False).count()
    assert client.get(reverse("workspace:guideline_import", args=["employment"])).status_code == 403
    client.force_login(world.admin)
    assert client.get(reverse("workspace:guideline_import", args=["employment"])).status_code == 200

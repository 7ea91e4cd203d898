from gongkai.catalog import services
from gongkai.catalog.models import Catalog
from gongkai.documents.choices import Status
from gongkai.documents.models import Document
from gongkai.documents.selectors.public import published_for_item

ELEMENT_LABELS = [
    "公开事项",
    "一级事项",
    "二级事项",
    "三级事项",
    "公开内容(要素)",
    "公开依据",
    "公开时限",
    "公开主体",
    "公开渠道和载体",
    "公开对象",
    "公开方式",
    "公开层级",
]


def test_item_page_shows_the_8_elements_as_published(client, world, dibao_item):
    response = client.get(dibao_item.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>最低生活保障 · 政策法规文件</h1>" in html
    for label in ELEMENT_LABELS:
        assert f">{label}</th>" in html or f"<dt>{label}</dt>" in html
    assert "<dt>一级事项</dt><dd>最低生活保障</dd>" in html
    assert '<th scope="row">公开主体</th><td>东川县城关镇人民政府</td>' in html
    assert "<li>中华人民共和国政府信息公开条例</li>" in html
    assert "<li>政务服务中心</li>" in html
    assert '<th scope="row">公开方式</th><td>主动公开</td>' in html
    assert '<th scope="row">公开层级</th><td>县级、乡级</td>' in html


def test_item_page_lists_the_documents_published_under_the_item(client, world, township_catalog):
    entries = township_catalog.versions.get(number=1).items
    entry, documents = next(
        (e, docs) for e in entries if (docs := published_for_item(e["item_id"], limit=10))
    )
    html = client.get(f"/org/QH01T01/social_assistance/item/{entry['item_id']}/").content.decode()

    for document in documents:
        assert document.title in html
    assert "该事项下暂无已发布的政府信息" not in html


def test_item_page_has_the_honest_empty_documents_state(client, world, dibao_item):
    Document.objects.filter(catalog_items=dibao_item.entry["item_id"]).update(
        status=Status.WITHDRAWN
    )
    html = client.get(dibao_item.url).content.decode()

    assert "该事项下暂无已发布的政府信息" in html


def test_item_page_breadcrumb_leads_back_to_the_catalog(client, world, dibao_item):
    html = client.get(dibao_item.url).content.decode()

    assert '<li><a href="/org/QH01T01/">东川县城关镇人民政府</a></li>' in html
    assert '<li><a href="/org/QH01T01/social_assistance/">社会救助</a></li>' in html
    assert '<span aria-current="page">政策法规文件</span>' in html


def test_unpublished_edit_is_not_shown_until_published(client, world, township_catalog, dibao_item):
    item = township_catalog.items.get(pk=dibao_item.entry["item_id"])
    services.update_catalog_item(item=item, by=world.editor, changes={"content": "尚未发布的草稿"})

    assert "尚未发布的草稿" not in client.get(dibao_item.url).content.decode()

    services.publish_catalog(catalog=township_catalog, by=world.reviewer)

    assert "尚未发布的草稿" in client.get(dibao_item.url).content.decode()


def test_item_added_after_publication_is_404_until_published(client, world, township_catalog):
    item = services.add_local_item(
        catalog=township_catalog,
        by=world.editor,
        elements={"level1": "临时救助", "level2": "本镇台账", "audience": "全社会", "mode": "主动"},
    )
    url = f"/org/QH01T01/social_assistance/item/{item.id}/"

    assert client.get(url).status_code == 404

    services.publish_catalog(catalog=township_catalog, by=world.reviewer)

    assert client.get(url).status_code == 200


def test_withdrawn_item_is_404_once_the_new_version_is_published(
    client, world, township_catalog, dibao_item
):
    item = township_catalog.items.get(pk=dibao_item.entry["item_id"])
    services.withdraw_catalog_item(item=item, by=world.editor, reason="并入其他事项")
    assert client.get(dibao_item.url).status_code == 200

    services.publish_catalog(catalog=township_catalog, by=world.reviewer)

    assert client.get(dibao_item.url).status_code == 404


def test_draft_catalog_item_is_404_for_anonymous_visitors(client, world):
    catalog = Catalog.objects.get(organization__code="QH02T03", domain__code="tax_administration")
    item = catalog.items.first()
    assert catalog.published_version == 0

    response = client.get(f"/org/QH02T03/tax_administration/item/{item.id}/")

    assert response.status_code == 404


def test_item_of_another_organization_is_404(client, world, dibao_item):
    item_id = dibao_item.entry["item_id"]

    assert client.get(f"/org/QH01T02/social_assistance/item/{item_id}/").status_code == 404
    assert client.get(f"/org/QH01T01/elderly_care/item/{item_id}/").status_code == 404


def test_unknown_item_is_404(client, world):
    assert client.get("/org/QH01T01/social_assistance/item/999999/").status_code == 404

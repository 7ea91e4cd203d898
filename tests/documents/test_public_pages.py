"""Public pages: only PUBLISHED documents with disclosure 主动公开, the county-portal metadata table."""

from datetime import date

import pytest
from django.urls import reverse

from gongkai.catalog.models import CatalogItem
from gongkai.documents import services
from gongkai.documents.choices import Disclosure, WithholdingGround
from tests.documents.conftest import ALL_CHECKS, ID_A


def publish(world, document):
    services.submit_document(document=document, by=world.editor)
    services.mask_personal_info(document=document, by=world.reviewer)
    services.approve_document(document=document, by=world.reviewer, checklist=ALL_CHECKS)
    return services.publish_document(document=document, by=world.reviewer)


def test_the_public_page_shows_the_metadata_table_and_masked_body(client, world, dibao_draft):
    services.update_document(
        document=dibao_draft, by=world.editor, changes={"doc_no": "城民〔2024〕12号"}
    )
    document = publish(world, dibao_draft)
    response = client.get(document.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    for label, value in [
        ("索引号", document.index_number),
        ("发布机构", "东川县城关镇人民政府"),
        ("成文日期", "2024-09-30"),
        ("文号", "城民〔2024〕12号"),
        ("主题分类", "民政、扶贫、救灾"),
        ("体裁", "公示公告"),
        ("有效性", "有效"),
        ("公开属性", "主动公开"),
    ]:
        assert f'<th scope="row">{label}</th><td>{value}</td>' in html
    assert "530123********1239" in html
    assert "张**" in html
    assert ID_A not in html
    assert "张三丰" not in html
    assert reverse("documents_public:qr", args=[document.pk]) in html


def test_the_url_is_the_index_number_and_the_id_redirects_to_it(client, world, draft):
    document = publish(world, draft)
    assert document.get_absolute_url() == f"/docs/{document.index_number}/"
    response = client.get(f"/docs/{document.pk}/")
    assert response.status_code == 301
    assert response["Location"] == f"/docs/{document.index_number}/"


@pytest.mark.parametrize("state", ["draft", "submitted", "approved"])
def test_unpublished_documents_are_not_found(client, world, request, state):
    document = request.getfixturevalue(state)
    assert client.get(f"/docs/{document.pk}/").status_code == 404
    assert client.get(reverse("documents_public:qr", args=[document.pk])).status_code == 404


def test_a_withdrawn_document_says_gone_without_its_content(client, world, published):
    key = published.index_number
    services.withdraw_document(document=published, by=world.reviewer, reason="信息有误")
    response = client.get(f"/docs/{key}/")
    assert response.status_code == 410
    html = response.content.decode()
    assert "该政府信息已撤回" in html
    assert published.title not in html


@pytest.mark.parametrize("disclosure", [Disclosure.ON_REQUEST, Disclosure.WITHHELD])
def test_published_but_not_proactive_documents_are_not_public(
    client, world, make_draft, disclosure
):
    ground = WithholdingGround.PROCESS if disclosure == Disclosure.WITHHELD else ""
    document = publish(world, make_draft(disclosure=disclosure, withholding_ground=ground))
    assert client.get(f"/docs/{document.index_number}/").status_code == 404
    listing = client.get(reverse("documents_public:organization", args=[world.township.code]))
    assert document.title not in listing.content.decode()


def test_a_corrected_document_shows_its_correction_notice(client, world, published):
    services.correct_document(
        document=published,
        by=world.reviewer,
        reason="公示期日期笔误",
        changes={"summary": "更正后"},
    )
    html = client.get(published.get_absolute_url()).content.decode()
    assert "更正说明" in html
    assert "更正原因：公示期日期笔误" in html
    assert "（内容概述）" in html


def test_print_view_has_the_qr_code_and_the_metadata(client, world, published):
    html = client.get(published.get_absolute_url() + "?print=1").content.decode()
    assert "data-print" in html
    assert "索引号" in html
    assert reverse("documents_public:qr", args=[published.pk]) in html


def test_qr_code_encodes_the_absolute_url(client, world, published, settings):
    response = client.get(reverse("documents_public:qr", args=[published.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert f"{settings.SITE_URL}/docs/{published.index_number}/".encode() in response.content


def test_lists_per_organization_domain_and_item_show_public_documents(
    client, world, published, dibao_item
):
    org = world.township.code
    for url in (
        reverse("documents_public:index"),
        reverse("documents_public:organization", args=[org]),
        reverse("documents_public:organization_domain", args=[org, "social_assistance"]),
        reverse("documents_public:item", args=[org, dibao_item.pk]),
        reverse("documents_public:domain", args=["social_assistance"]),
        reverse("documents_public:directory", args=[org]),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert published.title in response.content.decode(), url
    other = client.get(reverse("documents_public:organization", args=[world.neighbour.code]))
    assert published.title not in other.content.decode()


def test_lists_filter_by_genre(client, world, published):
    url = reverse("documents_public:organization", args=[world.township.code])
    assert published.title in client.get(url + "?genre=announcement").content.decode()
    assert published.title not in client.get(url + "?genre=regulation").content.decode()


def test_guide_page_lists_what_the_regulation_asks(client, world, published):
    html = client.get(
        reverse("documents_public:guide", args=[world.township.code])
    ).content.decode()
    for text in (
        "政府信息公开指南",
        "主题分类",
        "编排体系",
        "依申请公开",
        "办公地址",
        "办公时间",
        "联系电话",
    ):
        assert text in html
    assert world.township.address in html


def test_unknown_organization_is_not_found(client, db):
    assert client.get(reverse("documents_public:organization", args=["NOPE"])).status_code == 404


def test_rss_and_atom_feeds_list_public_documents(client, world, published):
    rss = client.get(reverse("documents_public:organization_rss", args=[world.township.code]))
    atom = client.get(reverse("documents_public:domain_atom", args=["social_assistance"]))
    assert rss.status_code == atom.status_code == 200
    assert rss["Content-Type"].startswith("application/rss+xml")
    assert atom["Content-Type"].startswith("application/atom+xml")
    assert published.title in rss.content.decode()
    assert published.title in atom.content.decode()
    assert f"/docs/{published.index_number}/" in rss.content.decode()


@pytest.fixture
def quiet_item(world) -> CatalogItem:
    """A published catalog item of 城关镇 under which the demo world filed no document."""
    item = (
        CatalogItem.objects.filter(
            catalog__organization=world.township,
            catalog__published_version__gt=0,
            applicable=True,
            withdrawn=False,
            documents__isnull=True,
        )
        .order_by("pk")
        .first()
    )
    assert item is not None, "every item of 城关镇 has a demo document: pick another way"
    return item


def test_published_for_item_returns_the_newest_public_documents(world, quiet_item, make_draft):
    from gongkai.documents.selectors import published_for_item

    assert published_for_item(quiet_item.pk, limit=10) == []
    first = publish(world, make_draft(title="第一条公示", catalog_items=[quiet_item]))
    second = publish(
        world,
        make_draft(title="第二条公示", written_on=date(2024, 10, 1), catalog_items=[quiet_item]),
    )
    make_draft(title="仍是草稿", catalog_items=[quiet_item])
    assert [d.title for d in published_for_item(quiet_item.pk, limit=10)] == [
        second.title,
        first.title,
    ]
    assert [d.title for d in published_for_item(quiet_item.pk, limit=1)] == [second.title]

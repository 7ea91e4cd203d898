import re

from gongkai.catalog import services
from gongkai.catalog.models import Catalog, Guideline
from gongkai.portal.page_cache import forget_public_pages

NOTICE = "本领域国家标准指引待补充，以下为已收录事项"


def test_catalog_groups_items_under_their_level1_headings_in_published_order(client, world):
    response = client.get("/org/QH01T01/social_assistance/")

    assert response.status_code == 200
    headings = re.findall(r'<h2 id="group-\d+">(.+?)</h2>', response.content.decode())
    assert headings == ["综合业务", "最低生活保障", "特困人员救助供养", "临时救助"]


def test_each_row_links_to_its_item_with_time_limit_and_mode(client, world, dibao_item):
    html = client.get("/org/QH01T01/social_assistance/").content.decode()

    assert f'<a class="item-name" href="{dibao_item.url}">政策法规文件</a>' in html
    assert "<dt>公开时限</dt><dd>制定或获取信息之日起10个工作日内，公示7个工作日</dd>" in html
    assert html.count("<dt>公开方式</dt><dd>主动公开</dd>") == 13


def test_version_line_shows_number_date_and_count(client, world, township_catalog):
    township_catalog.versions.filter(number=1).update(published_at="2025-03-04T02:00:00Z")

    html = client.get("/org/QH01T01/social_assistance/").content.decode()

    assert "第1版 · 2025年3月4日发布 · 共 13 项" in html


def test_incomplete_guideline_shows_the_pending_notice(client, world):
    html = client.get("/org/QH01T01/elderly_care/").content.decode()

    assert NOTICE in html
    assert '<strong class="tag">指引待补充</strong>' in html


def test_complete_guideline_shows_no_notice_until_it_is_marked_incomplete(client, world):
    assert NOTICE not in client.get("/org/QH01T01/social_assistance/").content.decode()

    Guideline.objects.filter(domain=world.social_assistance).update(complete=False)
    forget_public_pages()  # as import_guideline does; a bare update bypasses the page cache

    assert NOTICE in client.get("/org/QH01T01/social_assistance/").content.decode()


def test_draft_catalog_is_404_even_though_its_items_exist(client, world):
    catalog = Catalog.objects.get(organization__code="QH02T03", domain__code="tax_administration")
    assert catalog.published_version == 0
    assert catalog.items.count() == 3

    assert client.get("/org/QH02T03/tax_administration/").status_code == 404
    assert client.get("/org/QH02T03/tax_administration/v/1/").status_code == 404


def test_domain_without_any_catalog_is_404(client, world):
    assert client.get("/org/QH02T02/public_culture/").status_code == 404


def test_unknown_domain_or_organization_is_404(client, world):
    assert client.get("/org/QH01T01/no_such_domain/").status_code == 404
    assert client.get("/org/NOPE/social_assistance/").status_code == 404


def _publish_second_version(world, township_catalog, dibao_item):
    item = township_catalog.items.get(pk=dibao_item.entry["item_id"])
    services.update_catalog_item(
        item=item, by=world.editor, changes={"level2": "低保政策文件"}, note="本地化名称"
    )
    services.publish_catalog(catalog=township_catalog, by=world.reviewer, note="调整事项名称")


def test_earlier_version_stays_readable_with_its_date(client, world, township_catalog, dibao_item):
    _publish_second_version(world, township_catalog, dibao_item)
    township_catalog.versions.filter(number=1).update(published_at="2025-01-02T02:00:00Z")

    old = client.get("/org/QH01T01/social_assistance/v/1/").content.decode()
    current = client.get("/org/QH01T01/social_assistance/").content.decode()

    assert "这是第1版目录（2025年1月2日发布），仅供查阅" in old
    assert '<span class="item-name">政策法规文件</span>' in old
    assert "item/" not in old.split('id="versions-title"')[0]
    assert "低保政策文件" not in old
    assert f'<a class="item-name" href="{dibao_item.url}">低保政策文件</a>' in current
    assert '<a href="/org/QH01T01/social_assistance/v/1/">第1版</a>' in current
    assert "（现行）：调整事项名称" in current


def test_latest_version_number_redirects_to_the_catalog(client, world):
    response = client.get("/org/QH01T01/social_assistance/v/1/")

    assert response.status_code == 302
    assert response["Location"] == "/org/QH01T01/social_assistance/"


def test_unknown_version_is_404(client, world):
    assert client.get("/org/QH01T01/social_assistance/v/2/").status_code == 404


def test_catalog_page_reads_in_bounded_queries(client, world, django_assert_num_queries):
    with django_assert_num_queries(4):
        client.get("/org/QH01T01/social_assistance/")

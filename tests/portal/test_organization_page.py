import pytest

from gongkai.catalog import services
from gongkai.catalog.models import Catalog


def test_organization_page_shows_name_kind_region_and_contact(client, world):
    response = client.get("/org/QH01T01/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>东川县城关镇人民政府</h1>" in html
    assert "乡镇政府/街道办事处 · 城关镇" in html
    assert "东川县城关镇政府街1号" in html
    assert '<a href="tel:0991-6612001">0991-6612001</a>' in html


def test_organization_page_lists_its_published_catalogs_with_coverage(client, world):
    html = client.get("/org/QH01T01/").content.decode()

    assert '<a href="/org/QH01T01/social_assistance/">社会救助</a>' in html
    assert "<dt>事项</dt><dd>13 项</dd>" in html
    assert "<dt>覆盖率</dt><dd>100%</dd>" in html
    assert html.count('<li class="card">') == 24


def test_coverage_of_an_incomplete_catalog_is_below_100(client, world):
    page = client.get("/org/QH02T02/").context["page"]

    percents = {entry.domain.code: entry.coverage_percent for entry in page.catalogs}
    assert percents["social_assistance"] == 46  # 6 of 13 guideline items adopted
    assert "public_culture" not in percents  # 云台乡 never started this one


def test_domains_still_being_compiled_are_named_but_not_linked(client, world):
    html = client.get("/org/QH02T03/").content.decode()

    assert "目录编制中的领域" in html
    assert "/org/QH02T03/tax_administration/" not in html


def test_organization_page_has_breadcrumb_and_children(client, world):
    html = client.get("/org/QH01T01/").content.decode()

    assert '<li><a href="/">首页</a></li>' in html
    assert '<li><a href="/org/QH/">青禾市人民政府</a></li>' in html
    assert '<li><a href="/org/QH01/">东川县人民政府</a></li>' in html
    assert '<span aria-current="page">东川县城关镇人民政府</span>' in html
    assert '<a href="/org/QH01T01V01/">城关镇柳树村村民委员会</a>' in html


def test_unknown_organization_is_404(client, world):
    assert client.get("/org/NOPE/").status_code == 404


@pytest.mark.parametrize("code", ["QH01T01", "QH01T01V01", "QH01"])
def test_organization_page_reads_in_eight_queries_whatever_its_size(
    client, world, django_assert_num_queries, code
):
    with django_assert_num_queries(8):
        response = client.get(f"/org/{code}/")

    assert response.status_code == 200


def test_draft_catalog_is_not_listed(client, world):
    catalog = Catalog.objects.get(organization=world.township, domain=world.social_assistance)
    Catalog.objects.filter(pk=catalog.pk).update(published_version=0)

    html = client.get("/org/QH01T01/").content.decode()

    assert "/org/QH01T01/social_assistance/" not in html


LOCAL_ITEM = {"level1": "临时救助", "level2": "本镇救助台账", "audience": "全社会", "mode": "主动"}


def _social_assistance_entry(client):
    page = client.get("/org/QH01T01/").context["page"]
    return next(e for e in page.catalogs if e.domain.code == "social_assistance")


def test_unpublished_additions_do_not_count_until_a_new_version_is_published(client, world):
    catalog = Catalog.objects.get(organization=world.township, domain=world.social_assistance)
    services.add_local_item(catalog=catalog, by=world.editor, elements=LOCAL_ITEM)
    before = _social_assistance_entry(client)

    services.publish_catalog(catalog=catalog, by=world.reviewer)

    after = _social_assistance_entry(client)
    assert (before.item_count, before.version_number) == (13, 1)
    assert (after.item_count, after.version_number) == (14, 2)

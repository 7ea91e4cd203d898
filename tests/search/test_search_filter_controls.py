"""The township and year controls of the portal search page, and the filters shown as applied."""

import re

from gongkai.search.service import search
from gongkai.search.types import SearchFilters


def _page(client, **params) -> str:
    response = client.get("/search/", params)
    assert response.status_code == 200
    return response.content.decode()


def _count(html: str) -> int:
    return int(re.search(r"共找到 <strong>(\d+)</strong>", html).group(1))


def test_place_control_lists_counties_and_their_townships(client, backend_name, world):
    html = _page(client, q="低保")
    assert '<label for="search-org">地区</label>' in html
    assert '<optgroup label="东川县">' in html
    assert f'<option value="{world.county.pk}">东川县（全县）</option>' in html
    assert f'<option value="{world.township.pk}">城关镇</option>' in html
    assert "柳树村" not in html.split('id="search-org"')[1].split("</select>")[0]


def test_year_control_offers_the_years_of_published_documents(client, backend_name):
    html = _page(client, q="低保")
    years = re.findall(r'<option value="(\d{4})">\d{4}年</option>', html)
    assert years, "no year to choose"
    assert years == sorted(years, reverse=True)


def test_township_and_year_filter_and_show_as_applied(client, backend_name, world):
    everywhere = _count(_page(client, q="低保"))
    html = _page(client, q="低保", org=str(world.township.pk), sort="relevance")
    in_township = search("低保", SearchFilters(organization_id=world.township.pk)).total
    assert _count(html) == in_township < everywhere
    assert f'<option value="{world.township.pk}" selected>城关镇</option>' in html
    assert "地区：<strong>城关镇</strong>" in html
    assert 'aria-label="取消地区筛选（城关镇）"' in html
    year = search("低保", SearchFilters(organization_id=world.township.pk)).facets["year"]
    chosen = next(iter(year))
    html = _page(client, q="低保", org=str(world.township.pk), year=str(chosen))
    assert f"年份：<strong>{chosen}年</strong>" in html
    assert f'<option value="{chosen}" selected>{chosen}年</option>' in html
    removal = re.search(r'href="\?([^"]*)" aria-label="取消年份筛选', html).group(1)
    assert "year=" not in removal
    assert f"org={world.township.pk}" in removal


def test_a_department_chosen_from_the_facets_stays_selected(client, backend_name, world):
    html = _page(client, q="低保", org=str(world.department.pk))
    assert f'<option value="{world.department.pk}" selected>东川县民政局</option>' in html
    assert "发布机构：<strong>东川县民政局</strong>" in html


def test_empty_filter_values_from_the_form_are_ignored(client, backend_name):
    plain = _count(_page(client, q="低保"))
    html = _page(client, q="低保", org="", year="", sort="relevance")
    assert _count(html) == plain
    assert "已选筛选条件" not in html


def test_htmx_partial_carries_the_applied_filters_but_not_the_form(client, backend_name, world):
    response = client.get(
        "/search/", {"q": "低保", "org": world.township.pk}, headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert "地区：<strong>城关镇</strong>" in html
    assert 'id="search-org"' not in html


def test_date_range_filters_keeps_its_inputs_and_shows_as_applied(client, backend_name):
    from gongkai.documents.models import Document

    newest = Document.objects.public().order_by("-published_at").first()
    day = newest.published_at.date().isoformat()
    everything = _count(_page(client, q="低保"))
    html = _page(client, q="低保", **{"from": "2000-01-01", "to": "2000-12-31"})
    assert "没有找到" in html
    html = _page(client, q="低保", **{"from": "2000-01-01", "to": day})
    assert _count(html) == everything
    assert 'name="from" value="2000-01-01"' in html
    assert f'name="to" value="{day}"' in html
    assert "发布日期自" in html and "2000年01月01日" in html


def test_reversed_or_malformed_dates_never_fail(client, backend_name):
    assert _page(client, q="低保", **{"from": "2030-01-01", "to": "2000-01-01"})
    html = _page(client, q="低保", **{"from": "2025-13-45", "to": "昨天"})
    assert _count(html) == _count(_page(client, q="低保"))

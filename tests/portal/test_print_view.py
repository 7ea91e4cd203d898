import pytest


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/org/QH01T01/", "<h1>东川县城关镇人民政府</h1>"),
        (
            "/org/QH01T01/social_assistance/",
            "<h1>东川县城关镇人民政府社会救助领域政务公开事项标准目录</h1>",
        ),
    ],
)
def test_print_view_has_heading_qr_and_print_button(client, world, path, heading):
    response = client.get(path, {"print": "1"})

    assert response.status_code == 200
    html = response.content.decode()
    assert heading in html
    assert '<button type="button" class="button" data-print hidden>打印</button>' in html
    assert f'<img class="qr" src="/qr.svg?path={path}" width="200" height="200"' in html
    assert f'<a href="{path}">返回网页版</a>' in html
    assert 'class="site-header"' not in html


def test_catalog_print_view_is_the_full_element_table(client, world):
    html = client.get("/org/QH01T01/social_assistance/", {"print": "1"}).content.decode()

    for column in ("序号", "公开内容(要素)", "公开依据", "公开主体", "公开渠道和载体", "公开层级"):
        assert f'<th scope="col">{column}</th>' in html
    assert html.count("<td>东川县城关镇人民政府</td>") == 13
    assert "print-wide" in html


def test_item_print_view_has_the_elements(client, world, dibao_item):
    html = client.get(dibao_item.url, {"print": "1"}).content.decode()

    assert "<h1>最低生活保障 · 政策法规文件</h1>" in html
    assert '<th scope="row">公开渠道和载体</th>' in html


def test_print_view_of_a_draft_catalog_is_404(client, world):
    assert client.get("/org/QH02T03/tax_administration/", {"print": "1"}).status_code == 404


def test_normal_pages_link_to_their_print_view(client, world):
    html = client.get("/org/QH01T01/").content.decode()

    assert '<a class="print-link" href="/org/QH01T01/?print=1">' in html

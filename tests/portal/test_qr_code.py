import io

import pytest
import segno


@pytest.fixture
def site_url(settings):
    settings.SITE_URL = "https://gk.qinghe.example.gov.cn"
    return settings.SITE_URL


def _expected_svg(url: str) -> bytes:
    out = io.BytesIO()
    segno.make(url, error="m").save(
        out, kind="svg", xmldecl=False, omitsize=True, border=4, title=url, nl=False
    )
    return out.getvalue()


@pytest.mark.parametrize(
    "path",
    [
        "/org/QH01T01/",
        "/org/QH01T01/social_assistance/",
        "/org/QH01T01/social_assistance/v/1/",
        "/org/QH01T01/social_assistance/item/1/",
    ],
)
def test_qr_svg_encodes_the_absolute_url_of_the_page(client, world, site_url, path):
    response = client.get("/qr.svg", {"path": path})

    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert response.content.startswith(b'<svg xmlns="http://www.w3.org/2000/svg"')
    assert f"<title>{site_url}{path}</title>".encode() in response.content
    assert response.content == _expected_svg(f"{site_url}{path}")


@pytest.mark.parametrize(
    "path",
    [
        "",
        "org/QH01T01/",
        "https://evil.example/org/QH01T01/",
        "//evil.example/org/QH01T01/",
        "/org/QH01T01/?print=1",
        "/org/QH01T01/#top",
        "/org/<script>/",
        "/org/QH01T01/../../workspace/",
        "/workspace/",
        "/care/",
        "/qr.svg",
        "/no/such/page/",
        "/org/" + "A" * 400 + "/",
    ],
)
def test_qr_refuses_anything_but_this_sites_public_pages(client, world, path):
    response = client.get("/qr.svg", {"path": path})

    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"


def test_qr_svg_carries_no_script(client, world):
    content = client.get("/qr.svg", {"path": "/org/QH01T01/"}).content

    assert b"<script" not in content
    assert b"href" not in content


@pytest.mark.parametrize(
    "path",
    ["/org/QH01T01/", "/org/QH01T01/social_assistance/"],
)
def test_pages_show_their_qr_code_with_the_absolute_url(client, world, site_url, path):
    html = client.get(path).content.decode()

    assert f'<img class="qr" src="/qr.svg?path={path}"' in html
    assert f'alt="本页二维码，对应网址：{site_url}{path}"' in html


def test_item_page_shows_its_qr_code(client, world, site_url, dibao_item):
    html = client.get(dibao_item.url).content.decode()

    assert f'<img class="qr" src="/qr.svg?path={dibao_item.url}"' in html
    assert f"{site_url}{dibao_item.url}" in html

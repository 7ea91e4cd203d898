import pytest


def test_care_switch_sets_the_cookie_and_goes_back(client, world):
    response = client.get("/care/", {"on": "1", "next": "/org/QH01T01/?print=1"})

    assert response.status_code == 302
    assert response["Location"] == "/org/QH01T01/?print=1"
    assert response.cookies["care"].value == "1"
    assert response.cookies["care"]["samesite"] == "Lax"


def test_care_switch_off_deletes_the_cookie(client, world):
    client.cookies["care"] = "1"

    response = client.get("/care/", {"on": "0", "next": "/org/QH01T01/"})

    assert response["Location"] == "/org/QH01T01/"
    assert response.cookies["care"].value == ""
    assert response.cookies["care"]["max-age"] == 0


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example/org/",
        "http://testserver.evil.example/",
        "javascript:alert(1)",
        "",
    ],
)
def test_care_switch_refuses_to_leave_the_site(client, world, target):
    response = client.get("/care/", {"on": "1", "next": target})

    assert response.status_code == 302
    assert response["Location"] == "/"


def test_care_switch_accepts_an_absolute_url_of_this_host(client, world):
    response = client.get("/care/", {"on": "1", "next": "http://testserver/org/QH/"})

    assert response["Location"] == "http://testserver/org/QH/"


@pytest.mark.parametrize(
    ("url", "quoted"),
    [
        ("/", "%2F"),
        ("/org/QH01T01/", "%2Forg%2FQH01T01%2F"),
        ("/org/QH01T01/social_assistance/", "%2Forg%2FQH01T01%2Fsocial_assistance%2F"),
    ],
)
def test_every_page_offers_the_switch_back_to_itself(client, world, url, quoted):
    html = client.get(url).content.decode()

    assert f'<a class="care-switch" href="/care/?on=1&amp;next={quoted}">关怀版' in html


def test_item_page_offers_the_switch(client, world, dibao_item):
    html = client.get(dibao_item.url).content.decode()

    assert f'href="/care/?on=1&amp;next={dibao_item.url.replace("/", "%2F")}"' in html


def test_care_cookie_gives_the_body_its_class(client, world):
    plain = client.get("/org/QH01T01/").content.decode()
    client.cookies["care"] = "1"
    care = client.get("/org/QH01T01/").content.decode()

    assert '<body class="">' in plain
    assert '<body class="care">' in care
    assert "退出关怀版" in care
    assert "/care/?on=0&amp;next=%2Forg%2FQH01T01%2F" in care


def test_pages_vary_on_the_cookie(client, world):
    assert "Cookie" in client.get("/").headers["Vary"]

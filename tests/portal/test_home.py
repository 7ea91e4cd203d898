from gongkai.catalog.models import Domain
from gongkai.orgs.models import Organization


def test_home_lists_every_organization_with_a_link(client, world):
    response = client.get("/")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="zh-CN">' in html
    for org in Organization.objects.all():
        assert f'<a href="/org/{org.code}/">{org.name}</a>' in html


def test_home_nests_villages_under_their_township_and_township_under_its_county(client, world):
    html = client.get("/").content.decode()

    city = html.index('<span class="tree-region">青禾市</span>')
    county = html.index('<span class="tree-region">东川县</span>')
    township = html.index('<span class="tree-region">城关镇</span>')
    village = html.index('<span class="tree-region">柳树村</span>')
    other_county = html.index('<span class="tree-region">西岭县</span>')
    assert city < county < township < village < other_county


def test_home_lists_the_26_domains(client, world):
    html = client.get("/").content.decode()

    assert "试点领域（26个）" in html
    assert Domain.objects.count() == 26
    for domain in Domain.objects.all():
        assert f"<li>{domain.name}</li>" in html


def test_home_reads_in_three_queries(client, world, django_assert_num_queries):
    with django_assert_num_queries(3):
        response = client.get("/")

    assert response.status_code == 200


def test_home_has_landmarks_and_a_skip_link(client, world):
    html = client.get("/").content.decode()

    assert '<a class="skip-link" href="#main">跳到主要内容</a>' in html
    for landmark in ('<header class="site-header">', '<main id="main"', "<footer"):
        assert landmark in html

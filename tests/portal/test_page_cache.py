"""Cached public pages: served without the database, new content at once after any change."""

import pytest
from django.db import connection
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from gongkai.catalog import services as catalog_services
from gongkai.catalog.models import CatalogItem
from gongkai.documents import services
from gongkai.documents.models import Document, Theme
from gongkai.portal.page_cache import cached_public_page
from tests.documents.conftest import ALL_CHECKS, draft_fields


@pytest.fixture
def document(world) -> Document:
    """A demo document of 城关镇 that the public can read."""
    return Document.objects.public().filter(organization=world.township).order_by("pk").first()


def queries_of(client, url: str, **extra) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **extra)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_the_second_request_of_a_document_page_is_served_from_the_cache(client, document):
    first, html = queries_of(client, document.get_absolute_url())
    second, again = queries_of(client, document.get_absolute_url())

    assert first > 0
    assert second == 0
    assert again == html
    assert document.title in again


@pytest.mark.parametrize("url", ["/", "/org/QH01T01/", "/org/QH01T01/social_assistance/"])
def test_home_organization_and_catalog_pages_are_cached(client, world, url):
    queries_of(client, url)

    assert queries_of(client, url)[0] == 0


def test_the_item_page_is_cached(client, world, dibao_item):
    queries_of(client, dibao_item.url)

    assert queries_of(client, dibao_item.url)[0] == 0


def test_the_printable_view_is_cached_apart(client, document):
    url = document.get_absolute_url()
    queries_of(client, url)

    count, html = queries_of(client, f"{url}?print=1")

    assert count > 0
    assert "返回网页版" in html


def test_other_query_strings_are_never_cached(client, document):
    url = f"{document.get_absolute_url()}?from=qr"
    queries_of(client, url)

    assert queries_of(client, url)[0] > 0


def test_a_correction_shows_at_once(client, world, document, django_capture_on_commit_callbacks):
    url = document.get_absolute_url()
    queries_of(client, url)

    with django_capture_on_commit_callbacks(execute=True):
        services.correct_document(
            document=document,
            by=world.reviewer,
            reason="标题笔误",
            changes={"title": "更正后的标题"},
        )

    html = queries_of(client, url)[1]
    assert "更正后的标题" in html
    assert "更正原因：标题笔误" in html


def test_a_correction_shows_even_before_its_transaction_commits(client, world, document):
    url = document.get_absolute_url()
    queries_of(client, url)

    services.correct_document(
        document=document,
        by=world.reviewer,
        reason="文号笔误",
        changes={"doc_no": "城政〔2026〕99号"},
    )

    assert "城政〔2026〕99号" in queries_of(client, url)[1]


def test_a_withdrawal_takes_the_cached_page_down_at_once(client, world, document):
    url = document.get_absolute_url()
    queries_of(client, url)

    services.withdraw_document(document=document, by=world.reviewer, reason="信息有误")

    response = client.get(url)
    assert response.status_code == 410
    assert document.title not in response.content.decode()


def test_a_change_of_validity_shows_at_once(client, world, document):
    url = document.get_absolute_url()
    queries_of(client, url)

    services.set_validity(
        document=document, by=world.reviewer, validity="repealed", on=document.written_on
    )

    assert "废止" in queries_of(client, url)[1]


def test_publishing_a_document_lists_it_on_the_cached_item_page(client, world, dibao_item):
    queries_of(client, dibao_item.url)
    item = CatalogItem.objects.get(pk=dibao_item.entry["item_id"])
    theme = Theme.objects.get(code="civil_affairs")
    draft = services.create_document(
        organization=world.township,
        by=world.editor,
        fields=draft_fields(item, theme, title="城关镇低保政策新发布的一条信息"),
    )
    services.submit_document(document=draft, by=world.editor)
    services.approve_document(document=draft, by=world.reviewer, checklist=ALL_CHECKS)
    services.publish_document(document=draft, by=world.reviewer)

    assert "城关镇低保政策新发布的一条信息" in queries_of(client, dibao_item.url)[1]


def test_publishing_the_catalog_shows_the_new_item_text_at_once(
    client, world, township_catalog, dibao_item
):
    queries_of(client, dibao_item.url)
    item = township_catalog.items.get(pk=dibao_item.entry["item_id"])
    catalog_services.update_catalog_item(
        item=item, by=world.editor, changes={"content": "新发布的公开内容"}
    )
    catalog_services.publish_catalog(catalog=township_catalog, by=world.reviewer)

    assert "新发布的公开内容" in queries_of(client, dibao_item.url)[1]


def test_logged_in_staff_do_not_get_the_public_copy(client, world, document):
    url = document.get_absolute_url()
    queries_of(client, url)
    client.force_login(world.editor)

    assert queries_of(client, url)[0] > 0
    assert queries_of(client, url)[0] > 0


def test_logged_in_staff_do_not_leave_their_copy_for_the_public(client, world, document):
    url = document.get_absolute_url()
    client.force_login(world.editor)
    queries_of(client, url)
    client.logout()
    client.cookies.clear()

    assert queries_of(client, url)[0] > 0
    assert queries_of(client, url)[0] == 0


def test_care_mode_is_a_separate_copy(client, document):
    url = document.get_absolute_url()
    plain = queries_of(client, url)[1]

    client.cookies["care"] = "1"
    care_first, care = queries_of(client, url)
    care_second, care_again = queries_of(client, url)

    assert '<body class="care' not in plain
    assert care_first > 0
    assert '<body class="care' in care
    assert care_second == 0
    assert care_again == care
    del client.cookies["care"]
    assert queries_of(client, url) == (0, plain)


def test_htmx_requests_are_a_separate_copy(client, document):
    url = document.get_absolute_url()
    queries_of(client, url)

    assert queries_of(client, url, HTTP_HX_REQUEST="true")[0] > 0
    assert queries_of(client, url, HTTP_HX_REQUEST="true")[0] == 0


def _counting_view(respond):
    calls = []

    @cached_public_page
    def view(request):
        calls.append(request)
        return respond(request)

    return view, calls


def _set_cookie(request):
    response = HttpResponse("页面")
    response.set_cookie("messages", "x")
    return response


def _use_csrf_token(request):
    return HttpResponse(f"表单 {get_token(request)}")


@pytest.mark.parametrize("respond", [_set_cookie, _use_csrf_token])
def test_responses_that_set_or_use_a_cookie_are_not_stored(respond):
    view, calls = _counting_view(respond)
    factory = RequestFactory()

    view(factory.get("/x/"))
    view(factory.get("/x/"))

    assert len(calls) == 2


def test_a_request_with_a_session_cookie_is_not_served_from_the_cache():
    view, calls = _counting_view(lambda request: HttpResponse("页面"))
    factory = RequestFactory()
    view(factory.get("/y/"))
    view(factory.get("/y/"))
    assert len(calls) == 1

    signed_in = factory.get("/y/")
    signed_in.COOKIES["sessionid"] = "abc"
    view(signed_in)

    assert len(calls) == 2


def test_renaming_a_body_shows_at_once(client, world, django_capture_on_commit_callbacks):
    queries_of(client, "/org/QH01T01/")
    township = world.township
    old_name = township.name
    with django_capture_on_commit_callbacks(execute=True):
        township.name = "城关镇人民政府（更名测试）"
        township.save(update_fields=["name"])

    count, html = queries_of(client, "/org/QH01T01/")

    assert count > 0
    assert "城关镇人民政府（更名测试）" in html
    township.name = old_name
    township.save(update_fields=["name"])

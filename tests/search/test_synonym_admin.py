"""Maintaining the search synonyms in the workspace: who may, what is refused, what is recorded."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from gongkai.audit.models import Event
from gongkai.search import services
from gongkai.search.models import Synonym
from gongkai.search.service import search
from gongkai.search.synonyms import synonym_map

LIST = reverse("search:synonyms")


def _switch_url(synonym: Synonym) -> str:
    return reverse("search:synonym_switch", args=[synonym.pk])


def _dibao() -> Synonym:
    return Synonym.objects.get(term="低保", equivalent="最低生活保障")


def _events(action: str):
    return Event.objects.filter(action=action)


def test_anonymous_visitor_is_sent_to_login(client, world):
    for response in (
        client.get(LIST),
        client.post(LIST, {"term": "困难群众", "equivalent": "最低生活保障"}),
        client.post(_switch_url(_dibao()), {"active": "0"}),
    ):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("workspace:login"))
    assert not Synonym.objects.filter(term="困难群众").exists()
    assert _dibao().active


@pytest.mark.parametrize("persona", ["editor", "township_admin", "reviewer", "supervisor"])
def test_staff_without_the_platform_role_are_refused(client, world, persona):
    client.force_login(getattr(world, persona))
    assert client.get(LIST).status_code == 403
    response = client.post(LIST, {"term": "困难群众", "equivalent": "最低生活保障"})
    assert response.status_code == 403
    assert client.post(_switch_url(_dibao()), {"active": "0"}).status_code == 403
    assert not Synonym.objects.filter(term="困难群众").exists()
    assert _dibao().active
    assert not Event.objects.filter(action__startswith="search.synonym").exists()


def test_navigation_links_the_page_for_administrators_only(client, world):
    client.force_login(world.editor)
    assert LIST not in client.get(reverse("workspace:home")).content.decode()
    client.force_login(world.admin)
    assert LIST in client.get(reverse("workspace:home")).content.decode()


def test_administrator_sees_the_table(client, world, django_assert_max_num_queries):
    client.force_login(world.admin)
    with django_assert_max_num_queries(8):
        response = client.get(LIST)
    html = response.content.decode()
    assert response.status_code == 200
    assert "检索同义词" in html
    assert "<td>低保</td>" in html
    assert "<td>最低生活保障</td>" in html


def test_list_filters_by_text_and_state(client, world):
    client.force_login(world.admin)
    Synonym.objects.filter(term="社保").update(active=False)
    html = client.get(LIST, {"q": "低保"}).content.decode()
    assert "<td>低保</td>" in html
    assert "<td>社保</td>" not in html
    html = client.get(LIST, {"state": "inactive"}).content.decode()
    assert "<td>社保</td>" in html
    assert "<td>低保</td>" not in html
    fragment = client.get(LIST, {"q": "低保"}, headers={"HX-Request": "true"})
    assert "HX-Request" in fragment["Vary"]
    assert "<html" not in fragment.content.decode()
    assert "<td>低保</td>" in fragment.content.decode()
    assert "没有符合条件的同义词" in client.get(LIST, {"q": "火星基地"}).content.decode()


def test_administrator_adds_a_pair_and_it_is_audited(client, world):
    client.force_login(world.admin)
    response = client.post(LIST, {"term": " 困难群众 ", "equivalent": "最低生活保障"})
    assert response.status_code == 302
    synonym = Synonym.objects.get(term="困难群众")
    assert (synonym.equivalent, synonym.active) == ("最低生活保障", True)
    event = _events("search.synonym_added").get()
    assert event.actor == world.admin
    assert event.target_id == str(synonym.pk)
    assert event.after == {"term": "困难群众", "equivalent": "最低生活保障", "active": True}
    assert "已添加同义词" in client.get(response["Location"]).content.decode()


@pytest.mark.parametrize(
    ("term", "equivalent", "message"),
    [
        ("", "最低生活保障", "请填写词语。"),
        ("困难群众", "   ", "请填写同义词。"),
        ("困" * 51, "最低生活保障", "词语不能超过 50 个字"),
        ("困难群众", "保" * 51, "同义词不能超过 50 个字"),
        ("最低生活保障", "最低生活保障", "同义词不能与词语相同。"),
        ("困难 群众", "最低生活保障", "词语只能是一个词"),
        ("困难群众", "<b>低保</b>", "同义词只能是一个词"),
        ("低保", "最低生活保障", "同义词表中已有“低保 ↔ 最低生活保障”"),
        ("最低生活保障", "低保", "同义词表中已有“低保 ↔ 最低生活保障”"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_nothing_saved(
    client, world, term, equivalent, message
):
    client.force_login(world.admin)
    before = Synonym.objects.count()
    response = client.post(LIST, {"term": term, "equivalent": equivalent})
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert 'role="alert"' in html
    assert Synonym.objects.count() == before
    assert not _events("search.synonym_added").exists()


def test_a_switched_off_pair_is_not_added_again(world):
    services.set_synonym_active(by=world.admin, synonym=_dibao(), active=False)
    with pytest.raises(ValidationError, match="已停用"):
        services.add_synonym(by=world.admin, term="最低生活保障", equivalent="低保")


def test_full_width_letters_are_stored_as_the_search_box_reads_them(world):
    synonym = services.add_synonym(by=world.admin, term="ＰＰＰ", equivalent="政府和社会资本合作")
    assert synonym.term == "PPP"


def test_nothing_is_half_saved_when_the_audit_fails(world, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("audit table unavailable")

    monkeypatch.setattr(services, "record_event", broken)
    with pytest.raises(RuntimeError):
        services.add_synonym(by=world.admin, term="困难群众", equivalent="最低生活保障")
    with pytest.raises(RuntimeError):
        services.set_synonym_active(by=world.admin, synonym=_dibao(), active=False)
    assert not Synonym.objects.filter(term="困难群众").exists()
    assert _dibao().active


def test_service_refuses_an_editor(world):
    with pytest.raises(Exception, match="没有权限"):
        services.add_synonym(by=world.editor, term="困难群众", equivalent="最低生活保障")


def test_administrator_switches_a_pair_off_and_on(client, world):
    client.force_login(world.admin)
    synonym = _dibao()
    response = client.post(_switch_url(synonym), {"active": "0", "back": "q=低保&state="})
    assert response.status_code == 302
    assert response["Location"] == f"{LIST}?q=%E4%BD%8E%E4%BF%9D&state="
    synonym.refresh_from_db()
    assert not synonym.active
    event = _events("search.synonym_deactivated").get()
    assert (event.before, event.after, event.actor) == (
        {"active": True},
        {"active": False},
        world.admin,
    )

    client.post(_switch_url(synonym), {"active": "0"})
    assert _events("search.synonym_deactivated").count() == 1, "no change, no event"

    row = client.post(_switch_url(synonym), {"active": "1"}, headers={"HX-Request": "true"})
    html = row.content.decode()
    assert html.lstrip().startswith("<tr")
    assert "已重新启用" in html
    synonym.refresh_from_db()
    assert synonym.active
    assert _events("search.synonym_reactivated").count() == 1


def test_switch_accepts_only_post(client, world):
    client.force_login(world.admin)
    assert client.get(_switch_url(_dibao())).status_code == 405


def _titles(text: str) -> list[str]:
    return [hit.title for hit in search(text, per_page=50, highlight=False).hits]


def test_a_new_pair_changes_search_results_at_once(
    world, backend_name, django_capture_on_commit_callbacks
):
    assert not any("最低生活保障" in title for title in _titles("困难群众"))
    synonym_map()  # the table is cached now; the change must clear it
    with django_capture_on_commit_callbacks(execute=True):
        synonym = services.add_synonym(by=world.admin, term="困难群众", equivalent="最低生活保障")
    assert any("最低生活保障" in title for title in _titles("困难群众"))
    assert any("最低生活保障" in title for title in _titles("低保"))

    with django_capture_on_commit_callbacks(execute=True):
        services.set_synonym_active(by=world.admin, synonym=synonym, active=False)
    assert not any("最低生活保障" in title for title in _titles("困难群众"))

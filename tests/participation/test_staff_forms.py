"""The staff forms of the area, page by page: each renders for its handler and saves through it."""

from datetime import date

from django.urls import reverse

from gongkai.participation.models import ParticipationItem, Proposal
from tests.participation.conftest import at


def test_the_form_pages_render_for_the_townships_editor(client, world, draft, open_consultation):
    client.force_login(world.editor)
    code = world.township.code
    for name, args in (
        ("consultation_new", [code]),
        ("consultation_edit", [draft.pk]),
        ("event_new", [open_consultation.pk]),
        ("opinion_new", [code]),
        ("proposal_new", [code]),
        ("items", [code]),
        ("opinion", []),
        ("proposals", []),
        ("messages", []),
        ("message_figures", []),
    ):
        assert client.get(reverse(f"participation:{name}", args=args)).status_code == 200, name


def test_the_neighbours_editor_is_refused_every_form_of_this_township(client, world, draft):
    client.force_login(world.neighbour_editor)
    code = world.township.code
    for name, args in (
        ("consultation_new", [code]),
        ("consultation_edit", [draft.pk]),
        ("event_new", [draft.pk]),
        ("opinion_new", [code]),
        ("proposal_new", [code]),
        ("items", [code]),
    ):
        assert client.get(reverse(f"participation:{name}", args=args)).status_code == 403, name


def test_a_proposal_is_registered_replied_and_published_through_the_pages(client, world, clock):
    client.force_login(world.editor)
    response = client.post(
        reverse("participation:proposal_new", args=[world.township.code]),
        {
            "kind": "npc",
            "year": 2025,
            "session": "东川县第十八届人民代表大会第三次会议",
            "number": "第5号",
            "title": "关于改善城关镇路灯照明的建议",
            "summary": "改善路灯照明",
            "assigned_on": "2025-02-01",
        },
    )
    proposal = Proposal.objects.get()
    assert response["Location"] == reverse("participation:proposal", args=[proposal.pk])
    client.post(
        reverse("participation:proposal_reply", args=[proposal.pk]),
        {"reply": "已完成路灯更换。", "replied_on": "2025-03-03", "disclosure": "full"},
    )
    client.post(reverse("participation:proposal_publish", args=[proposal.pk]))
    proposal.refresh_from_db()
    assert proposal.status == "published"
    client.logout()
    page = client.get(reverse("participation_public:proposals")).content.decode()
    assert "对东川县第十八届人民代表大会第三次会议第5号建议的答复（改善路灯照明）" in page


def test_the_participation_list_is_kept_through_the_page(client, world, clock):
    client.force_login(world.editor)
    url = reverse("participation:items", args=[world.township.code])
    client.post(
        url,
        {
            "year": 2025,
            "title": "老街改造方案",
            "scope": "老街居民",
            "methods": ["座谈会", "听证会"],
        },
    )
    item = ParticipationItem.objects.get()
    assert item.methods == ["座谈会", "听证会"]
    client.post(
        reverse("participation:items_publish", args=[world.township.code]), {"year": "2025"}
    )
    item.refresh_from_db()
    assert item.published_at == at(date(2025, 3, 3))


def test_a_participation_event_is_recorded_through_the_page(client, world, open_consultation):
    client.force_login(world.editor)
    response = client.post(
        reverse("participation:event_new", args=[open_consultation.pk]),
        {
            "kind": "symposium",
            "title": "摊主座谈会",
            "held_on": "2025-03-03",
            "participants": "摊主代表12人",
            "minutes": "与会代表建议抽签现场直播。会后联系人手机13812345678。",
            "public": "on",
        },
    )
    assert response.status_code == 302
    page = client.get(reverse("participation_public:consultation", args=[open_consultation.pk]))
    body = page.content.decode()
    assert "与会代表建议抽签现场直播。会后联系人手机138****5678。" in body
    assert "13812345678" not in body

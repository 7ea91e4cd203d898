"""建议提案办理结果 and the 公众参与事项清单: services, public column, access."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from gongkai.participation.models import ProposalStatus
from gongkai.participation.services import proposals as services


def register(world, **kwargs):
    data = {
        "organization": world.township,
        "by": world.editor,
        "kind": "npc",
        "year": 2025,
        "session": "东川县第十八届人民代表大会第三次会议",
        "number": "第12号",
        "title": "关于加快城关镇农贸市场改造的建议",
        "summary": "加快农贸市场改造",
        "proposer": "王代表",
        "assigned_on": date(2025, 2, 10),
    }
    return services.register_proposal(**{**data, **kwargs})


def test_a_reply_is_public_in_full_by_default_with_the_summary_in_the_title(world, client, clock):
    proposal = register(world)
    assert proposal.public_title == (
        "对东川县第十八届人民代表大会第三次会议第12号建议的答复（加快农贸市场改造）"
    )
    services.reply_proposal(
        proposal=proposal,
        by=world.editor,
        reply="王代表：您提出的建议收悉……",
        replied_on=date(2025, 3, 3),
    )
    with pytest.raises(PermissionDenied):
        services.publish_proposal(proposal=proposal, by=world.neighbour_editor)
    published = services.publish_proposal(proposal=proposal, by=world.editor)
    assert (published.status, published.disclosure) == (ProposalStatus.PUBLISHED, "full")
    listing = client.get(reverse("participation_public:proposals")).content.decode()
    assert proposal.public_title in listing
    page = client.get(reverse("participation_public:proposal", args=[proposal.pk])).content.decode()
    assert "王代表：您提出的建议收悉……" in page


def test_a_withheld_reply_needs_a_reason_and_is_never_published(world, client, clock):
    proposal = register(world, kind="cppcc", number="第3号", summary="养老服务")
    with pytest.raises(ValidationError) as exc:
        services.reply_proposal(
            proposal=proposal,
            by=world.editor,
            reply="答复",
            replied_on=date(2025, 3, 3),
            disclosure="withheld",
        )
    assert exc.value.message_dict == {"withheld_reason": ["不公开答复的，请说明理由。"]}
    services.reply_proposal(
        proposal=proposal,
        by=world.editor,
        reply="答复",
        replied_on=date(2025, 3, 3),
        disclosure="withheld",
        withheld_reason="涉及国家秘密",
    )
    with pytest.raises(ValidationError, match="确定不公开"):
        services.publish_proposal(proposal=proposal, by=world.editor)
    assert (
        client.get(reverse("participation_public:proposal", args=[proposal.pk])).status_code == 404
    )


def test_a_summary_disclosure_shows_the_summary_only(world, client, clock):
    proposal = register(world)
    services.reply_proposal(
        proposal=proposal,
        by=world.editor,
        reply="全文（含第三方商业信息）",
        replied_on=date(2025, 3, 3),
        disclosure="summary",
        reply_summary="已列入2025年改造计划。",
    )
    services.publish_proposal(proposal=proposal, by=world.editor)
    page = client.get(reverse("participation_public:proposal", args=[proposal.pk])).content.decode()
    assert "已列入2025年改造计划。" in page
    assert "第三方商业信息" not in page


def test_the_same_number_cannot_be_registered_twice(world, clock):
    register(world)
    with pytest.raises(ValidationError, match="同一编号"):
        register(world)


def test_a_reply_date_in_the_future_is_refused(world, clock):
    proposal = register(world)
    with pytest.raises(ValidationError, match="不能晚于今天"):
        services.reply_proposal(
            proposal=proposal, by=world.editor, reply="x", replied_on=date(2025, 3, 4)
        )


def test_proposal_pages_by_persona(world, client, clock):
    proposal = register(world)
    url = reverse("participation:proposal", args=[proposal.pk])
    for user, status in (
        (world.editor, 200),
        (world.supervisor, 200),
        (world.neighbour_editor, 403),
    ):
        client.force_login(user)
        assert client.get(url).status_code == status


# --- 公众参与事项清单 ------------------------------------------------------------------------


def test_the_participation_list_is_kept_and_published(world, client, clock):
    item = services.add_participation_item(
        organization=world.township,
        by=world.editor,
        year=2025,
        title="城关镇老街改造方案",
        scope="老街沿线居民、商户",
        methods=["公开征求意见", "座谈会", "不存在的方式"],
        planned="2025年第二季度",
    )
    assert item.methods == ["公开征求意见", "座谈会"]
    url = reverse("participation_public:participation_list", args=[world.township.code])
    assert "城关镇老街改造方案" not in client.get(url).content.decode()
    assert (
        services.publish_participation_items(
            organization=world.township, year=2025, by=world.editor
        )
        == 1
    )
    page = client.get(url).content.decode()
    assert "城关镇老街改造方案" in page
    assert "公开征求意见、座谈会" in page
    assert (
        world.township.name
        in client.get(reverse("participation_public:participation_lists")).content.decode()
    )
    with pytest.raises(ValidationError, match="没有待公布的事项"):
        services.publish_participation_items(
            organization=world.township, year=2025, by=world.editor
        )
    services.withdraw_participation_item(item=item, by=world.editor, reason="方案取消")
    assert "城关镇老街改造方案" not in client.get(url).content.decode()


def test_a_list_item_needs_a_method(world, clock):
    with pytest.raises(ValidationError) as exc:
        services.add_participation_item(
            organization=world.township,
            by=world.editor,
            year=2025,
            title="t",
            scope="s",
            methods=[],
        )
    assert exc.value.message_dict == {"methods": ["请至少选择一种参与方式。"]}


def test_the_neighbouring_editor_cannot_touch_the_list(world, client, clock):
    with pytest.raises(PermissionDenied):
        services.add_participation_item(
            organization=world.township,
            by=world.neighbour_editor,
            year=2025,
            title="t",
            scope="s",
            methods=["座谈会"],
        )
    client.force_login(world.neighbour_editor)
    assert client.get(reverse("participation:items", args=[world.township.code])).status_code == 403
    client.force_login(world.supervisor)
    assert client.get(reverse("participation:items", args=[world.township.code])).status_code == 200
    response = client.post(
        reverse("participation:items", args=[world.township.code]),
        {"year": 2025, "title": "t", "scope": "s", "methods": ["座谈会"]},
    )
    assert response.status_code == 403

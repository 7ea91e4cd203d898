"""Every public page of 互动交流 renders from the demo records, shows only what is public."""

import pytest
from django.urls import reverse

from gongkai.demo.participation import build
from gongkai.participation.models import Consultation, Message, OpinionResponse, Proposal


@pytest.fixture
def demo(world, clock):
    build(orgs=world.orgs, by=world.admin)


@pytest.mark.parametrize(
    "path",
    [
        "/hudong/",
        "/hudong/yjzj/",
        "/hudong/yjzj/?zt=ended",
        "/hudong/yjzj/?zt=closed",
        "/hudong/yjzj/?zt=nonsense",
        "/hudong/ly/",
        "/hudong/ly/?org=QH01T01",
        "/hudong/ly/new/",
        "/hudong/hy/",
        "/hudong/jyta/",
        "/hudong/jyta/?lb=cppcc",
        "/hudong/cyqd/",
        "/hudong/cyqd/QH01T01/",
    ],
)
def test_every_listing_renders(client, demo, path):
    response = client.get(path)
    assert response.status_code == 200
    assert 'lang="zh-CN"' in response.content.decode()


def test_every_detail_page_renders(client, demo):
    for consultation in Consultation.objects.public():
        assert client.get(f"/hudong/yjzj/{consultation.pk}/").status_code == 200
    for message in Message.objects.published():
        assert client.get(f"/hudong/ly/{message.number}/").status_code == 200
    for response in OpinionResponse.objects.all():
        assert client.get(f"/hudong/hy/{response.pk}/").status_code == 200
    for proposal in Proposal.objects.public():
        assert client.get(f"/hudong/jyta/{proposal.pk}/").status_code == 200


def test_unpublished_records_have_no_public_page(client, demo):
    pending = Proposal.objects.exclude(status="published").get()
    assert client.get(f"/hudong/jyta/{pending.pk}/").status_code == 404
    unanswered = Message.objects.filter(status="received").exclude(organization=None).first()
    assert client.get(f"/hudong/ly/{unanswered.number}/").status_code == 404
    assert client.get("/hudong/yjzj/99999/").status_code == 404
    assert client.get("/hudong/cyqd/NOPE/").status_code == 404


def test_the_index_shows_no_personal_data_of_the_demo(client, demo):
    page = client.get("/hudong/").content.decode()
    for secret in ("13812345678", "13800001234", "刘女士"):
        assert secret not in page


def test_the_message_form_states_the_configured_limits(client, demo):
    page = client.get(reverse("participation_public:message_new")).content.decode()
    assert "咨询 5 个工作日内答复；建议 15 个工作日内答复" in page


def test_the_consultation_listing_costs_the_same_queries_for_more_rows(
    client, demo, django_assert_max_num_queries
):
    with django_assert_max_num_queries(6):
        client.get("/hudong/yjzj/?zt=open")


def test_care_mode_applies_to_these_pages(client, demo):
    client.cookies["care"] = "1"
    assert '<body class="care' in client.get("/hudong/yjzj/").content.decode()

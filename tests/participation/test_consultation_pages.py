"""意见征集 pages: the public draft with numbered paragraphs, commenting, and the staff pages."""

from datetime import date

import pytest
from django.test import RequestFactory
from django.urls import reverse

from gongkai.participation import antispam
from gongkai.participation.models import Comment, CommentStatus, Consultation
from gongkai.participation.services import comments
from gongkai.participation.services import consultations as services
from tests.participation.conftest import at, comment_on


def public_url(consultation):
    return reverse("participation_public:consultation", args=[consultation.pk])


def staff_url(consultation):
    return reverse("participation:consultation", args=[consultation.pk])


def post_comment(client, consultation, **data):
    return client.post(public_url(consultation), {"body": "建议增加摊位数量。", **data})


# --- public page -----------------------------------------------------------------------------


def test_the_public_page_numbers_the_paragraphs_each_with_its_anchor_and_comment_link(
    client, open_consultation
):
    page = client.get(public_url(open_consultation)).content.decode()
    for number in range(1, 5):
        assert f'id="p{number}"' in page
        assert f'href="?paragraph={number}#comment-form"' in page
    assert "第二条 摊位每年公开抽签分配一次" in page
    assert "为解决摊位分配不透明的问题" in page  # 起草说明
    assert "2025年3月3日 至 2025年3月12日" in page


def test_the_comment_link_preselects_its_paragraph(client, open_consultation):
    page = client.get(public_url(open_consultation) + "?paragraph=2").content.decode()
    assert '<option value="2" selected>第2段</option>' in page


def test_a_draft_in_preparation_is_not_public(client, draft):
    assert client.get(public_url(draft)).status_code == 404


def test_a_citizen_comments_on_paragraph_two_without_an_account(client, open_consultation):
    response = post_comment(
        client, open_consultation, paragraph="2", author_name="赵六", contact="13900001111"
    )
    assert response.status_code == 302
    assert response["Location"] == public_url(open_consultation) + "?sent=1#comment-form"
    comment = Comment.objects.get(consultation=open_consultation)
    assert (comment.paragraph, comment.author_name, comment.contact) == (2, "赵六", "13900001111")
    page = client.get(response["Location"]).content.decode()
    assert "您的意见已提交" in page
    assert "建议增加摊位数量" not in page  # not shown before moderation


def test_approved_comments_show_masked_and_as_text_never_their_authors(
    world, client, open_consultation
):
    comment = comment_on(
        open_consultation,
        body='<script>alert("x")</script>我的电话13812345678',
        author_name="钱七",
        contact="qian@example.com",
    )
    comments.approve_comment(comment=comment, by=world.editor)
    page = client.get(public_url(open_consultation)).content.decode()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;我的电话138****5678" in page
    assert "<script>alert" not in page
    assert "13812345678" not in page
    assert "钱七" not in page
    assert "qian@example.com" not in page
    assert "本段公开意见（1）" in page


def test_a_comment_after_the_end_is_refused_with_the_date_shown(client, open_consultation, clock):
    clock.move_to(at(date(2025, 3, 13)), tick=False)
    page = client.get(public_url(open_consultation)).content.decode()
    assert "本次意见征集已于2025年3月12日截止，不再接受意见。" in page
    assert 'name="body"' not in page
    response = post_comment(client, open_consultation, paragraph="2")
    assert response.status_code == 200
    assert "本次意见征集已于2025年3月12日截止，不再接受意见。" in response.content.decode()
    assert not Comment.objects.exists()


def test_the_honeypot_drops_the_post_but_thanks_the_bot(client, open_consultation):
    response = post_comment(client, open_consultation, website="http://spam.example")
    assert response.status_code == 302
    assert not Comment.objects.exists()


def test_a_sum_is_asked_from_the_third_post_and_floods_are_held_back(client, open_consultation):
    for _ in range(2):
        assert post_comment(client, open_consultation).status_code == 302
    page = client.get(public_url(open_consultation)).content.decode()
    assert "为防止恶意灌水，请计算" in page
    response = post_comment(client, open_consultation, challenge_answer="99")
    assert response.status_code == 200
    assert "为防止恶意灌水，请先计算下面的题目再提交。" in response.content.decode()
    token = response.context["form"].challenge.token
    a, b = (
        int(n) for n in response.context["form"].challenge.question.split(" = ")[0].split(" + ")
    )
    answer = str(a + b)
    ok = post_comment(client, open_consultation, challenge_token=token, challenge_answer=answer)
    assert ok.status_code == 302
    replay = post_comment(client, open_consultation, challenge_token=token, challenge_answer=answer)
    assert "计算结果不正确" in replay.content.decode()
    assert Comment.objects.count() == 3


def test_floods_are_refused_for_an_hour(client, open_consultation, clock):
    for _ in range(antispam.REFUSE_AFTER):
        antispam.record_post(_request_from("10.0.0.9"), "comment")
    response = client.post(public_url(open_consultation), {"body": "x"}, REMOTE_ADDR="10.0.0.9")
    assert response.status_code == 429
    assert "一小时后再试" in response.content.decode()
    assert not Comment.objects.exists()
    other = client.post(public_url(open_consultation), {"body": "正常意见"}, REMOTE_ADDR="10.0.0.8")
    assert other.status_code == 302


def _request_from(address):
    return RequestFactory().post("/", REMOTE_ADDR=address)


def test_the_public_listing_separates_open_ended_and_summarized(client, open_consultation, clock):
    listing = reverse("participation_public:consultations")
    assert open_consultation.title in client.get(listing).content.decode()
    clock.move_to(at(date(2025, 3, 13)), tick=False)
    assert open_consultation.title not in client.get(listing).content.decode()
    assert open_consultation.title in client.get(listing + "?zt=ended").content.decode()
    assert open_consultation.title not in client.get(listing + "?zt=closed").content.decode()


def test_the_published_feedback_summary_is_shown_with_each_decision(
    world, client, open_consultation, clock
):
    comment = comment_on(open_consultation)
    comments.approve_comment(comment=comment, by=world.editor)
    comments.decide_adoption(
        comment=comment, by=world.editor, adoption="partly", reason="抽签时邀请村民代表监督。"
    )
    clock.move_to(at(date(2025, 3, 14)), tick=False)
    services.save_feedback_summary(
        consultation=open_consultation, by=world.editor, overview="感谢群众参与。"
    )
    services.close_consultation(consultation=open_consultation, by=world.editor)
    page = client.get(public_url(open_consultation)).content.decode()
    assert "意见采纳情况" in page
    assert "共收到意见 <strong>1</strong> 条" in page
    assert "部分采纳 <strong>1</strong> 条" in page
    assert "抽签时邀请村民代表监督。" in page
    closed = client.get(reverse("participation_public:consultations") + "?zt=closed")
    assert open_consultation.title in closed.content.decode()


# --- staff pages -----------------------------------------------------------------------------


def test_staff_pages_by_persona(world, client, open_consultation):
    url = staff_url(open_consultation)
    assert client.get(url).status_code == 302  # anonymous → login
    for user, status in (
        (world.editor, 200),
        (world.township_admin, 200),
        (world.supervisor, 200),
        (world.city_supervisor, 200),
        (world.neighbour_editor, 403),
        (world.department_editor, 403),
    ):
        client.force_login(user)
        assert client.get(url).status_code == status, user
    client.force_login(world.neighbour_editor)
    listing = client.get(reverse("participation:consultations")).content.decode()
    assert open_consultation.title not in listing


def test_the_neighbouring_editor_cannot_approve_a_comment(world, client, open_consultation):
    comment = comment_on(open_consultation)
    client.force_login(world.neighbour_editor)
    response = client.post(reverse("participation:comment_approve", args=[comment.pk]))
    assert response.status_code == 403
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING


def test_the_supervisor_reads_but_cannot_moderate(world, client, open_consultation):
    comment = comment_on(open_consultation)
    client.force_login(world.supervisor)
    assert (
        client.post(reverse("participation:comment_approve", args=[comment.pk])).status_code == 403
    )


def test_staff_approve_with_htmx_and_get_the_comments_and_checklist_back(
    world, client, open_consultation
):
    comment = comment_on(open_consultation)
    client.force_login(world.editor)
    response = client.post(
        reverse("participation:comment_approve", args=[comment.pk]), HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert "HX-Request" in response["Vary"]
    body = response.content.decode()
    assert "<html" not in body
    assert f'<tr id="comment-{comment.pk}" class="comment-approved">' in body
    assert "第1号意见已公开。" in body
    assert "记录采纳情况" in body
    assert "第1号意见尚未作出采纳决定。" in body
    assert "条意见未审核" not in body


def test_staff_hide_needs_a_reason(world, client, open_consultation):
    comment = comment_on(open_consultation)
    client.force_login(world.editor)
    response = client.post(reverse("participation:comment_hide", args=[comment.pk]), {"reason": ""})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING
    assert [str(m) for m in response.wsgi_request._messages] == ["请填写不予显示的理由。"]


def test_staff_create_and_publish_a_consultation(world, client, clock):
    client.force_login(world.editor)
    url = reverse("participation:consultation_new", args=[world.township.code])
    response = client.post(
        url,
        {
            "kind": "normative_document",
            "title": "城关镇停车管理办法（征求意见稿）",
            "draft_text": "第一条 ……\n第二条 ……",
            "starts_on": "2025-03-03",
            "ends_on": "2025-03-05",
        },
    )
    assert response.status_code == 200
    assert "截止日期不得早于2025年3月12日" in response.content.decode()
    response = client.post(
        url,
        {
            "kind": "normative_document",
            "title": "城关镇停车管理办法（征求意见稿）",
            "draft_text": "第一条 ……\n第二条 ……",
        },
    )
    consultation = Consultation.objects.get(title="城关镇停车管理办法（征求意见稿）")
    assert response["Location"] == staff_url(consultation)
    client.post(reverse("participation:consultation_publish", args=[consultation.pk]))
    consultation.refresh_from_db()
    assert consultation.ends_on == date(2025, 3, 12)


def test_the_neighbouring_editor_cannot_open_the_new_form_here(world, client):
    client.force_login(world.neighbour_editor)
    url = reverse("participation:consultation_new", args=[world.township.code])
    assert client.get(url).status_code == 403


def test_staff_page_lists_what_blocks_the_closing(world, client, open_consultation, clock):
    comment_on(open_consultation)
    clock.move_to(at(date(2025, 3, 13)), tick=False)
    client.force_login(world.editor)
    page = client.get(staff_url(open_consultation)).content.decode()
    assert "还有1条意见未审核。" in page
    assert "尚未填写意见采纳情况" in page
    response = client.post(reverse("participation:consultation_close", args=[open_consultation.pk]))
    assert response.status_code == 302
    open_consultation.refresh_from_db()
    assert open_consultation.status == "published"


@pytest.mark.parametrize("name", ["index", "consultations"])
def test_area_pages_render_for_every_persona(world, client, name, open_consultation):
    for user in (world.editor, world.supervisor, world.neighbour_editor, world.admin):
        client.force_login(user)
        assert client.get(reverse(f"participation:{name}")).status_code == 200

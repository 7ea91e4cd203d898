"""Public pages at /ysq/: index, the form and its guards, the applicant's page, statistics."""

from datetime import date

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.info_requests import services, throttle
from gongkai.info_requests.models import InfoRequest, Status
from tests.info_requests.conftest import APPLICANT_NAME, APPLICANT_PHONE, DEMO_DAY, freeze

APPLY = "/ysq/QH01T01/apply/"
FORM = {
    "applicant_type": "natural_person",
    "applicant_name": APPLICANT_NAME,
    "phone": APPLICANT_PHONE,
    "email": "",
    "address": "",
    "description": "城关镇2025年临时救助人数",
    "medium": "electronic",
    "delivery": "online",
}


def test_index_lists_administrative_bodies_but_not_village_committees(client, world):
    page = client.get("/ysq/").content.decode()
    assert "东川县城关镇人民政府" in page
    assert "东川县民政局" in page
    assert APPLY in page
    assert "城关镇柳树村村民委员会" not in page
    assert client.get("/ysq/QH01T01V01/apply/").status_code == 404


def test_apply_form_shows_what_is_required(client, world):
    page = client.get(APPLY).content.decode()
    for label in (
        "申请人类型",
        "姓名或名称",
        "联系电话",
        "电子邮箱",
        "所需信息的内容描述",
        "信息载体",
        "获取方式",
    ):
        assert label in page
    for choice in ("自然人", "法人或其他组织", "商业企业", "科研机构", "社会公益组织", "法律服务机构",
                   "纸质", "电子", "邮寄", "自行领取"):  # fmt: skip
        assert choice in page
    assert 'name="website"' in page
    assert 'tabindex="-1"' in page


def test_missing_contact_and_description_are_named(client, world):
    response = client.post(APPLY, {**FORM, "phone": "", "description": " "})
    page = response.content.decode()
    assert response.status_code == 200
    assert "申请尚未提交，请检查以下内容" in page
    assert "请至少填写一种联系方式（联系电话或电子邮箱）。" in page
    assert "请描述您需要的政府信息" in page
    assert 'aria-invalid="true"' in page
    assert not InfoRequest.objects.exists()


def test_citizen_applies_and_lands_on_the_private_page(client, world):
    with freeze(DEMO_DAY):
        response = client.post(APPLY, FORM)
    assert response.status_code == 302
    info_request = InfoRequest.objects.get()
    assert response["Location"].startswith("/ysq/t/")
    assert response["Location"].endswith("?new=1")
    page = client.get(response["Location"])
    html = page.content.decode()
    assert "申请已提交" in html
    assert info_request.number in html
    assert "请保存本页链接" in html
    assert "2026年12月21日前" in html  # Mon 23 Nov + 20 working days
    assert APPLICANT_NAME not in html
    assert APPLICANT_PHONE not in html
    assert page["Cache-Control"] == "no-store, private"
    assert page["X-Robots-Tag"] == "noindex, nofollow"
    assert page["Referrer-Policy"] == "strict-origin"


def test_honeypot_stops_software_without_saving(client, world):
    response = client.post(APPLY, {**FORM, "website": "http://spam.example"})
    assert "提交未成功，请刷新页面后重新填写。" in response.content.decode()
    assert not InfoRequest.objects.exists()


def test_repeated_posts_bring_a_question_then_a_pause(client, world):
    for _ in range(throttle.CHALLENGE_AFTER):
        client.post(APPLY, {**FORM, "phone": ""})
    page = client.get(APPLY).content.decode()
    assert "为防止恶意提交，请计算" in page
    response = client.post(APPLY, {**FORM, "challenge": "made-up", "answer": "2"})
    assert "验证答案不正确，请重新计算。" in response.content.decode()
    assert not InfoRequest.objects.exists()
    token = response.context["challenge"].token
    answer = cache.get(f"ysq:challenge:{token}")
    response = client.post(APPLY, {**FORM, "challenge": token, "answer": str(answer)})
    assert response.status_code == 302
    assert InfoRequest.objects.count() == 1
    for _ in range(throttle.BLOCK_AFTER):
        client.post(APPLY, {**FORM, "phone": ""})
    response = client.post(APPLY, FORM)
    assert response.status_code == 429
    assert "提交过于频繁，请一小时后再试" in response.content.decode()
    assert InfoRequest.objects.count() == 1


def test_other_addresses_are_not_slowed_down(client, world):
    for _ in range(throttle.CHALLENGE_AFTER):
        client.post(APPLY, {**FORM, "phone": ""})
    page = client.get(APPLY, REMOTE_ADDR="10.0.0.9").content.decode()
    assert "为防止恶意提交" not in page


@pytest.fixture
def tracked(world):
    from tests.info_requests.conftest import register

    return register(world, received=date(2025, 5, 12))


def test_applicant_corrects_and_writes_through_the_link(client, world, tracked):
    services.request_correction(
        info_request=tracked.request, by=world.editor, items="请写明年度",
        requested_on=date(2025, 5, 13),
    )  # fmt: skip
    url = reverse("info_requests_public:track", args=[tracked.token])
    page = client.get(url).content.decode()
    assert "请补正申请" in page
    assert "请写明年度" in page
    response = client.post(url + "correction/", {"description": ""})
    assert "这个字段是必填项" in response.content.decode() or "必填" in response.content.decode()
    response = client.post(url + "correction/", {"description": "2025年度全年"})
    assert response.status_code == 302
    tracked.request.refresh_from_db()
    assert tracked.request.description == "2025年度全年"
    assert tracked.request.status == Status.NEW
    client.post(url + "message/", {"body": "请问何时答复？"})
    assert "请问何时答复？" in client.get(url).content.decode()


def test_reply_and_files_are_downloaded_through_the_link_only(client, world, tracked):
    url = reverse("info_requests_public:track", args=[tracked.token])
    services.attach_file(
        info_request=tracked.request, by=world.editor,
        upload=SimpleUploadedFile("汇总表.pdf", b"%PDF-1.4\n%%EOF\n"),
    )  # fmt: skip
    file_id = tracked.request.files.get().pk
    assert client.get(f"{url}letter/").status_code == 404
    assert client.get(f"{url}files/{file_id}/").status_code == 404
    services.decide(
        info_request=tracked.request, by=world.editor, result="partial", reply_text="理由",
        replied_on=date(2025, 6, 3),
    )  # fmt: skip
    page = client.get(url).content.decode()
    assert "部分公开" in page
    assert "下载答复书" in page
    assert "汇总表.pdf" in page
    letter = client.get(f"{url}letter/")
    assert letter.status_code == 200
    assert letter["Content-Disposition"].startswith("attachment;")
    assert letter["Cache-Control"] == "no-store, private"
    assert b"".join(letter.streaming_content)[:2] == b"PK"
    download = client.get(f"{url}files/{file_id}/")
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    assert client.get("/ysq/t/not-a-token/").status_code == 404
    assert client.get(f"/ysq/t/not-a-token/files/{file_id}/").status_code == 404


def test_statistics_page(client, world, demo_requests):
    page = client.get("/ysq/QH01T01/stats/2025/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "一、本年新收政府信息公开申请数量" in html
    assert "四、结转下年度继续办理" in html
    assert "（三）不予公开" in html
    assert "1.属于国家秘密" in html
    assert html.count("<tr") == 2 + 25 + 5
    assert APPLICANT_NAME not in html
    assert client.get("/ysq/QH01T01/stats/2007/").status_code == 404
    assert client.get("/ysq/QH01T01/stats/2027/").status_code == 404
    assert client.get("/ysq/QH01T01/stats/")["Location"] == "/ysq/QH01T01/stats/2026/"

"""Staff pages at /workspace/requests/, walked through by every persona."""

from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.info_requests.models import InfoRequest, Status
from tests.info_requests.conftest import APPLICANT_EMAIL, APPLICANT_NAME, APPLICANT_PHONE


def detail_url(r) -> str:
    return reverse("info_requests:detail", args=[r.pk])


def step(r, name: str, *args) -> str:
    return reverse(f"info_requests:{name}", args=[r.pk, *args])


def test_anonymous_visitors_are_sent_to_login(client, township_request):
    for url in ("/workspace/requests/", detail_url(township_request.request),
                "/workspace/requests/calculator/"):  # fmt: skip
        response = client.get(url)
        assert response.status_code == 302
        assert "/workspace/login/" in response["Location"]


def test_editor_sees_the_applicant_in_full(client, world, township_request):
    client.force_login(world.editor)
    listing = client.get("/workspace/requests/").content.decode()
    assert township_request.request.number in listing
    assert APPLICANT_NAME in listing
    page = client.get(detail_url(township_request.request)).content.decode()
    for text in (APPLICANT_NAME, APPLICANT_PHONE, APPLICANT_EMAIL, "作出答复并生成答复书",
                 "告知补正", "2025年6月10日", "第三十三条第一款"):  # fmt: skip
        assert text in page
    assert "批准延期" not in page  # an editor may not approve an extension


def test_neighbour_editor_is_refused_everything(client, world, township_request):
    client.force_login(world.neighbour_editor)
    r = township_request.request
    assert client.get(detail_url(r)).status_code == 403
    assert client.get(step(r, "letter")).status_code == 403
    for name, data in [
        ("assign", {"handler": world.neighbour_editor.pk}),
        ("correction", {"items": "x", "requested_on": "2025-05-13"}),
        ("decide", {"result": "granted", "reply_text": "x", "replied_on": "2025-05-20"}),
        ("message", {"body": "x"}),
        ("reissue_link", {}),
    ]:
        assert client.post(step(r, name), data).status_code == 403, name
    assert APPLICANT_NAME not in client.get("/workspace/requests/").content.decode()
    assert client.get("/workspace/requests/new/QH01T01/").status_code == 403
    r.refresh_from_db()
    assert r.status == Status.NEW
    assert r.messages.count() == 1


def test_county_supervisor_sees_requests_masked_and_cannot_act(client, world, township_request):
    client.force_login(world.supervisor)
    r = township_request.request
    listing = client.get("/workspace/requests/").content.decode()
    assert r.number in listing
    assert "欧阳**" in listing
    assert APPLICANT_NAME not in listing
    page = client.get(detail_url(r)).content.decode()
    assert "申请人的个人信息已脱敏" in page
    assert "欧阳**" in page
    assert "139****5678" in page
    assert "m***@example.com" in page
    assert APPLICANT_PHONE not in page
    assert APPLICANT_EMAIL not in page
    assert "幸福路" not in page
    assert "作出答复并生成答复书" not in page
    assert client.post(step(r, "decide"), {"result": "granted"}).status_code == 403
    assert client.get(step(r, "letter")).status_code == 403
    client.force_login(world.city_supervisor)
    assert client.get(detail_url(r)).status_code == 200
    other = world.users["shi_gkb"]
    assert other == world.city_supervisor


def test_far_supervisor_does_not_see_the_request(client, world, township_request):
    from gongkai.orgs.models import Membership, Role

    Membership.objects.create(user=world.neighbour_editor, organization=world.other_county,
                              role=Role.SUPERVISOR)  # fmt: skip
    client.force_login(world.neighbour_editor)
    assert client.get(detail_url(township_request.request)).status_code == 403


def test_handling_through_the_pages(client, world, township_request):
    r = township_request.request
    client.force_login(world.editor)
    assert client.post(step(r, "assign"), {"handler": world.editor.pk}).status_code == 302
    response = client.post(
        step(r, "consultation"), {"third_party": "某公司", "sent_on": "2025-05-14"}
    )
    assert response.status_code == 302
    c = r.consultations.get()
    response = client.post(
        step(r, "consultation_answer", c.pk),
        {"answered_on": "2025-05-20", "opinion": "disagree", "note": ""},
    )
    assert response.status_code == 302
    response = client.post(
        step(r, "upload"), {"file": SimpleUploadedFile("汇总表.pdf", b"%PDF-1.4\n%%EOF")}
    )
    assert response.status_code == 302
    bad = client.post(step(r, "upload"), {"file": SimpleUploadedFile("x.exe", b"MZ")})
    assert bad.status_code == 200
    assert "只能上传 PDF、OFD、Word、Excel、JPG、PNG 或 ZIP 文件。" in bad.content.decode()
    response = client.post(
        step(r, "decide"),
        {"result": "partial", "reply_text": "", "basis": "", "referred_to": "",
         "replied_on": "2025-06-03"},
    )  # fmt: skip
    assert response.status_code == 200
    assert "“部分公开”须在答复中说明理由。" in response.content.decode()
    response = client.post(
        step(r, "decide"),
        {"result": "partial", "reply_text": "涉及个人隐私的部分已区分处理。", "basis": "",
         "referred_to": "", "replied_on": "2025-06-03"},
    )  # fmt: skip
    assert response.status_code == 302
    r.refresh_from_db()
    assert (r.status, r.result, r.basis) == (
        Status.REPLIED, "partial", "《中华人民共和国政府信息公开条例》第三十七条",
    )  # fmt: skip
    letter = client.get(step(r, "letter"))
    assert letter.status_code == 200
    assert b"".join(letter.streaming_content)[:2] == b"PK"
    page = client.get(detail_url(r)).content.decode()
    assert "下载答复书（.docx）" in page
    assert "登记送达" in page
    assert (
        client.post(
            step(r, "delivery"), {"delivered_on": "2025-06-05", "note": "网上下载"}
        ).status_code
        == 302
    )
    r.refresh_from_db()
    assert r.delivered_on == date(2025, 6, 5)
    history = client.get(detail_url(r)).content.decode()
    for label in ("登记申请", "分配承办人", "征求第三方意见", "登记第三方意见", "上传提供的信息",
                  "作出答复", "登记送达"):  # fmt: skip
        assert label in history


def test_reviewer_approves_an_extension_on_the_page(client, world, township_request):
    r = township_request.request
    client.force_login(world.editor)
    assert client.post(step(r, "extension"), {"days": 20, "reason": "x"}).status_code == 403
    client.force_login(world.reviewer)
    page = client.get(detail_url(r)).content.decode()
    assert "批准延期" in page
    assert APPLICANT_NAME not in page
    response = client.post(
        step(r, "extension"), {"days": 20, "reason": "需调取档案", "approved_on": "2025-06-02"}
    )
    assert response.status_code == 302
    r.refresh_from_db()
    assert r.due_on == date(2025, 7, 8)


def test_correction_on_the_page_stops_the_clock(client, world, township_request):
    r = township_request.request
    client.force_login(world.editor)
    client.post(step(r, "correction"), {"items": "请写明年度", "requested_on": "2025-05-13"})
    r.refresh_from_db()
    assert r.status == Status.AWAITING_CORRECTION
    assert r.due_on is None
    page = client.get(detail_url(r)).content.decode()
    assert "申请人尚未补正：答复期限自收到补正后的申请之日起重新计算" in page
    response = client.post(step(r, "correction"), {"items": "再来", "requested_on": "2025-05-14"})
    assert "补正只能一次性告知" in response.content.decode()
    client.post(
        step(r, "correction_received"), {"description": "2025年", "received_on": "2025-05-20"}
    )
    r.refresh_from_db()
    assert r.due_on == date(2025, 6, 18)


def test_register_a_letter_received_by_post(client, world):
    client.force_login(world.editor)
    url = "/workspace/requests/new/QH01T01/"
    assert client.get(url).status_code == 200
    data = {
        "applicant_type": "natural_person", "applicant_name": "张三", "phone": "13800000000",
        "description": "某信息", "medium": "paper", "delivery": "post", "address": "某地",
        "channel": "post", "submitted_on": "2025-05-08", "signed_for": "2025-05-06",
    }  # fmt: skip
    response = client.post(url, data)
    assert "收到申请日期不能早于申请人提交（寄出）日期。" in response.content.decode()
    assert not InfoRequest.objects.exists()
    response = client.post(url, {**data, "signed_for": "2025-05-12"})
    page = response.content.decode()
    assert "已登记：YSQ-QH01T01-2025-00001" in page
    assert "/ysq/t/" in page
    assert InfoRequest.objects.get().received_on == date(2025, 5, 12)


def test_lists_and_board(client, world, demo_requests):
    client.force_login(world.editor)
    listing = client.get("/workspace/requests/?status=open")
    assert listing.status_code == 200
    assert "已逾期" in listing.content.decode()
    partial = client.get("/workspace/requests/?status=replied", HTTP_HX_REQUEST="true")
    assert partial.content.decode().startswith('<div id="rows">')
    assert "HX-Request" in partial["Vary"]
    board = client.get("/workspace/requests/due/")
    rows = board.context["board"]
    assert [r.request.number for r in rows.overdue] == ["YSQ-QH01T01-2026-00006"]
    assert [r.days_left for r in rows.due_today + rows.due_2 + rows.due_5] == [0, 5]
    assert "答复期限待核实" in board.content.decode()
    client.force_login(world.supervisor)
    board = client.get("/workspace/requests/due/").context["board"]
    assert {r.request.organization.short_name for r in board.overdue} == {"城关镇", "民政局"}


def test_calculator_page(client, world):
    client.force_login(world.editor)
    page = client.get(
        "/workspace/requests/calculator/",
        {"received": "2025-05-12", "channel": "in_person", "extended": "on"},
    ).content.decode()
    assert "答复期限：2025年7月8日" in page
    assert "第三十三条第二款" in page
    page = client.get(
        "/workspace/requests/calculator/",
        {"received": "2025-05-12", "channel": "post", "correction_requested": "2025-05-13"},
    ).content.decode()
    assert "已告知补正但尚未收到补正后的申请" in page


def test_holiday_years_page_is_for_platform_administrators(client, world):
    client.force_login(world.township_admin)
    assert client.get("/workspace/requests/holidays/").status_code == 403
    client.force_login(world.admin)
    page = client.get("/workspace/requests/holidays/").content.decode()
    assert "系统已知 2004—2026 年的节假日安排" in page
    response = client.post(
        "/workspace/requests/holidays/",
        {"year": 2027, "holidays": "2027-01-01 ~ 2027-01-03\n2027-02-06~2027-02-13",
         "makeup_workdays": "2027-02-14", "source": "国办发明电〔2026〕X号"},
    )  # fmt: skip
    assert response.status_code == 302
    page = client.get("/workspace/requests/holidays/2027/").content.decode()
    assert "2027-02-13" in page
    assert "系统已知 2004—2027 年" in page
    response = client.post("/workspace/requests/holidays/", {"year": 2028, "holidays": "1 月 1 日"})
    assert "无法识别“1 月 1 日”" in response.content.decode()


def test_reminders_page(client, world, demo_requests):
    from gongkai.info_requests.services import send_reminders
    from tests.info_requests.conftest import DEMO_DAY

    send_reminders(today=DEMO_DAY)
    client.force_login(world.editor)
    page = client.get("/workspace/requests/notices/").content.decode()
    assert "已逾期" in page
    assert "今日到期" in page
    assert "条未读的到期提醒" in client.get("/workspace/requests/").content.decode()
    client.post("/workspace/requests/notices/read/")
    assert "条未读的到期提醒" not in client.get("/workspace/requests/").content.decode()


def test_every_detail_page_of_the_demo_renders_for_every_persona(client, world, demo_requests):
    requests = list(InfoRequest.objects.all())
    seen = {}
    for persona in ("editor", "reviewer", "supervisor", "neighbour_editor", "admin"):
        client.force_login(getattr(world, persona))
        codes = [client.get(detail_url(r)).status_code for r in requests]
        assert set(codes) <= {200, 403}
        seen[persona] = codes.count(200)
    assert seen == {
        "editor": 18, "reviewer": 18, "supervisor": 36, "neighbour_editor": 5, "admin": 42,
    }  # fmt: skip


def test_list_and_board_queries_do_not_grow_with_the_rows(
    client, world, demo_requests, django_assert_max_num_queries
):
    client.force_login(world.supervisor)
    for url in ("/workspace/requests/?status=all", "/workspace/requests/due/"):
        client.get(url)
        with django_assert_max_num_queries(12):
            response = client.get(url)
        assert response.status_code == 200

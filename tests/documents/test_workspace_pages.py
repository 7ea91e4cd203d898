"""Staff pages for every persona: the township's editor and reviewer, the neighbour, the supervisor."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.audit.models import Event
from gongkai.documents import services
from gongkai.documents.choices import SecrecyCheck, Status
from gongkai.documents.models import Attachment, Document, Finding
from tests.documents.conftest import ALL_CHECKS, DIBAO_TEXT, ID_A
from tests.documents.samples import docx_bytes


def url(name, *args):
    return reverse(f"documents:{name}", args=args)


def form_data(item, theme, **overrides) -> dict:
    data = {
        "title": "城关镇2024年第三季度拟新增最低生活保障对象公示",
        "doc_no": "",
        "theme": theme.pk,
        "genre": "announcement",
        "written_on": "2024-09-30",
        "disclosure": "proactive",
        "validity": "valid",
        "catalog_items": [item.pk],
        "body": DIBAO_TEXT,
    }
    return data | overrides


def test_anonymous_visitors_are_sent_to_login(client, draft):
    for target in (url("index"), url("detail", draft.pk), url("organization", "QH01T01")):
        response = client.get(target)
        assert response.status_code == 302
        assert "/workspace/login/" in response["Location"]


def test_editor_drafts_through_the_form_and_sees_the_draft(
    client, world, dibao_item, civil_affairs
):
    client.force_login(world.editor)
    page = client.get(url("create", world.township.code))
    assert page.status_code == 200
    html = page.content.decode()
    assert "最低生活保障 · 审核信息" in html
    assert "民政、扶贫、救灾" in html
    response = client.post(url("create", world.township.code), form_data(dibao_item, civil_affairs))
    document = Document.objects.get(title="城关镇2024年第三季度拟新增最低生活保障对象公示")
    assert response.status_code == 302
    assert response["Location"] == url("detail", document.pk)
    assert document.status == Status.DRAFT
    assert list(document.catalog_items.all()) == [dibao_item]
    assert "<table>" in document.body
    assert "<th>户主姓名</th>" in document.body
    detail = client.get(url("detail", document.pk)).content.decode()
    assert "草稿已保存" in detail
    assert "送审" in detail


def test_form_errors_are_shown_in_chinese_with_status_200(client, world, dibao_item, civil_affairs):
    client.force_login(world.editor)
    before = Document.objects.filter(organization=world.township).count()  # the demo's
    response = client.post(
        url("create", world.township.code), form_data(dibao_item, civil_affairs, title="")
    )
    assert response.status_code == 200
    assert "这个字段是必填项。" in response.content.decode()
    assert Document.objects.filter(organization=world.township).count() == before


def test_neighbour_editor_is_refused_everywhere(client, world, draft):
    client.force_login(world.neighbour_editor)
    assert client.get(url("organization", world.township.code)).status_code == 403
    assert client.get(url("create", world.township.code)).status_code == 403
    assert client.get(url("detail", draft.pk)).status_code == 403
    assert client.get(url("edit", draft.pk)).status_code == 403
    assert client.post(url("submit", draft.pk)).status_code == 403
    assert client.post(url("publish", draft.pk)).status_code == 403
    assert client.post(url("mask", draft.pk)).status_code == 403
    assert Document.objects.get(pk=draft.pk).status == Status.DRAFT


def test_county_supervisor_reads_but_cannot_act(client, world, submitted):
    client.force_login(world.supervisor)
    assert client.get(url("detail", submitted.pk)).status_code == 200
    assert client.get(url("organization", world.township.code)).status_code == 200
    assert client.post(url("approve", submitted.pk), {"checklist": ALL_CHECKS}).status_code == 403
    assert client.post(url("return", submitted.pk), {"reason": "x"}).status_code == 403
    assert Document.objects.get(pk=submitted.pk).status == Status.SUBMITTED


def test_the_whole_workflow_through_the_pages(client, world, dibao_draft):
    client.force_login(world.editor)
    response = client.post(url("submit", dibao_draft.pk), follow=True)
    html = response.content.decode()
    assert "已送审，但发布前须处理：还有 4 处个人信息未处理" in html
    assert "发布被阻止" in html
    assert ID_A not in html.split("个人信息检查")[1].split("</table>")[0]

    client.force_login(world.reviewer)
    page = client.get(url("detail", dibao_draft.pk)).content.decode()
    assert "一键去标识化" in page
    assert "保密审查" in page
    assert "530123********1239" in page
    blocked = client.post(url("approve", dibao_draft.pk), {"checklist": ALL_CHECKS}, follow=True)
    assert "不能审核通过：还有 4 处个人信息未处理" in blocked.content.decode()

    masked = client.post(url("mask", dibao_draft.pk), follow=True).content.decode()
    assert "已对 4 处个人信息去标识化" in masked
    approved = client.post(
        url("approve", dibao_draft.pk), {"checklist": ALL_CHECKS, "comment": "同意"}, follow=True
    )
    assert "审核通过，可以发布。" in approved.content.decode()
    published = client.post(url("publish", dibao_draft.pk), {"at": ""}, follow=True)
    assert "已发布，公众门户已可查看。" in published.content.decode()
    document = Document.objects.get(pk=dibao_draft.pk)
    assert document.status == Status.PUBLISHED
    assert ID_A not in client.get(document.get_absolute_url()).content.decode()


def test_missing_checklist_items_are_named(client, world, submitted):
    client.force_login(world.reviewer)
    response = client.post(
        url("approve", submitted.pk), {"checklist": [SecrecyCheck.NO_STATE_SECRET]}, follow=True
    )
    assert "尚未确认：不涉及工作秘密" in response.content.decode()
    assert Document.objects.get(pk=submitted.pk).status == Status.SUBMITTED


def test_withdraw_without_reason_shows_the_message_and_changes_nothing(client, world, published):
    client.force_login(world.reviewer)
    response = client.post(url("withdraw", published.pk), {"reason": ""}, follow=True)
    assert "撤回必须填写原因。" in response.content.decode()
    assert Document.objects.get(pk=published.pk).status == Status.PUBLISHED


def test_scheduled_publication_through_the_page(client, world, approved):
    client.force_login(world.reviewer)
    response = client.post(url("publish", approved.pk), {"at": "2099-01-02T09:30"}, follow=True)
    assert "已设定于 2099-01-02 09:30 定时发布。" in response.content.decode()
    assert Document.objects.get(pk=approved.pk).status == Status.SCHEDULED


def test_keep_a_finding_through_the_page(client, world, dibao_draft):
    client.force_login(world.editor)
    client.post(url("submit", dibao_draft.pk))
    finding = Finding.objects.filter(document=dibao_draft).first()
    client.force_login(world.reviewer)
    response = client.post(
        url("keep", dibao_draft.pk, finding.pk), {"reason": "依法须公示户主姓名"}, follow=True
    )
    assert "已保留该处信息" in response.content.decode()
    assert Finding.objects.get(pk=finding.pk).status == "kept"


def test_upload_and_remove_an_attachment_through_the_page(client, world, draft):
    client.force_login(world.editor)
    upload = SimpleUploadedFile("名单.docx", docx_bytes())
    response = client.post(url("upload", draft.pk), {"file": upload}, follow=True)
    assert "已上传附件《名单.docx》" in response.content.decode()
    attachment = Attachment.objects.get(document=draft)
    download = client.get(url("download", draft.pk, attachment.pk))
    assert download.status_code == 200
    assert "filename*=UTF-8''%E5%90%8D%E5%8D%95.docx" in download["Content-Disposition"]
    client.post(url("remove_attachment", draft.pk, attachment.pk))
    assert not Attachment.objects.filter(document=draft).exists()


def test_a_bad_upload_shows_why(client, world, draft):
    client.force_login(world.editor)
    upload = SimpleUploadedFile("名单.docx", b"%PDF-1.4 not a docx")
    response = client.post(url("upload", draft.pk), {"file": upload}, follow=True)
    assert "内容与扩展名 .docx 不符" in response.content.decode()


def test_correction_page(client, world, published):
    client.force_login(world.reviewer)
    assert client.get(url("correct", published.pk)).status_code == 200
    data = {
        "title": published.title,
        "doc_no": "",
        "written_on": "2024-09-30",
        "summary": "更正后的概述",
        "body": published.body,
        "reason": "概述有误",
    }
    response = client.post(url("correct", published.pk), data, follow=True)
    assert "已更正" in response.content.decode()
    assert Event.objects.filter(action="documents.corrected", target_id=str(published.pk)).exists()


def to_review(client) -> tuple[int, str]:
    """The 待审核 section of the index page: its count and its HTML."""
    html = client.get(url("index")).content.decode()
    section = re.search(r'<section aria-labelledby="to-review">.*?</section>', html, re.S).group(0)
    return int(re.search(r"待审核（(\d+)）", section).group(1)), section


def test_workspace_index_lists_work_to_do(client, world, make_draft):
    draft = make_draft(title="城关镇待审核的测试公示")
    client.force_login(world.reviewer)
    waiting, section = to_review(client)  # the demo world has a 公示 waiting already
    assert draft.title not in section
    services.submit_document(document=draft, by=world.editor)
    count, section = to_review(client)
    assert count == waiting + 1
    assert draft.title in section


def test_organization_list_filters_by_status_and_renders_the_part_for_htmx(
    client, world, submitted, make_draft
):
    make_draft(title="另一条草稿")
    client.force_login(world.editor)
    page = client.get(url("organization", world.township.code) + "?status=submitted")
    html = page.content.decode()
    assert submitted.title in html
    assert "另一条草稿" not in html
    part = client.get(
        url("organization", world.township.code) + "?status=draft", HTTP_HX_REQUEST="true"
    )
    assert "<h1>" not in part.content.decode()
    assert "另一条草稿" in part.content.decode()
    assert "HX-Request" in part["Vary"]


@pytest.mark.parametrize(
    ("pattern", "ok"), [("{org_code}-{year}-{seq:04d}", True), ("{year}-{seq}", False)]
)
def test_index_pattern_page_for_the_township_admin(client, world, pattern, ok):
    client.force_login(world.township_admin)
    response = client.post(
        url("index_pattern", world.township.code), {"pattern": pattern}, follow=True
    )
    html = response.content.decode()
    if ok:
        assert "索引号格式已保存" in html
        assert "QH01T01-" in html
    else:
        assert "索引号格式必须包含 {org_code}" in html
    client.force_login(world.editor)
    assert client.get(url("index_pattern", world.township.code)).status_code == 403

"""The personal-information gate on the body: scan on submit, blocked, one-click masking, keep."""

import logging

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.audit.models import Event
from gongkai.documents import services
from gongkai.documents.choices import FindingStatus, Status
from gongkai.documents.models import Document, Finding
from tests.documents.conftest import ALL_CHECKS, ID_A, ID_B


@pytest.fixture
def submitted_dibao(world, dibao_draft):
    return services.submit_document(document=dibao_draft, by=world.editor)


def test_submit_stores_findings_with_masked_previews_only(submitted_dibao):
    rows = list(
        Finding.objects.filter(document=submitted_dibao).values_list(
            "kind", "start", "end", "preview", "status", "attachment"
        )
    )
    assert rows == [
        ("name", 57, 60, "张**", "open", None),
        ("id_card", 61, 79, "530123********1239", "open", None),
        ("name", 88, 90, "李*", "open", None),
        ("id_card", 91, 109, "530123********4569", "open", None),
    ]
    stored = " ".join(
        str(v)
        for row in Finding.objects.filter(document=submitted_dibao).values()
        for v in row.values()
    )
    assert ID_A not in stored
    assert "张三丰" not in stored


def test_submit_audit_counts_findings_without_values(submitted_dibao):
    event = Event.objects.filter(
        action="documents.submitted", target_id=str(submitted_dibao.pk)
    ).get()
    assert event.after["findings"] == 4
    assert ID_A not in str(event.after)
    assert ID_A not in str(event.before)


def test_approval_and_publication_are_blocked_while_findings_are_open(world, submitted_dibao):
    with pytest.raises(ValidationError) as info:
        services.approve_document(document=submitted_dibao, by=world.reviewer, checklist=ALL_CHECKS)
    assert info.value.messages == [
        "不能审核通过：还有 4 处个人信息未处理，请一键去标识化或逐条说明保留理由。"
    ]
    assert Document.objects.get(pk=submitted_dibao.pk).status == Status.SUBMITTED


def test_one_action_masks_the_body_and_resolves_every_finding(world, submitted_dibao):
    result = services.mask_personal_info(document=submitted_dibao, by=world.reviewer)
    assert (result.body, result.attachments, result.needs_replacement) == (4, {}, [])
    document = Document.objects.get(pk=submitted_dibao.pk)
    assert ID_A not in document.body
    assert ID_B not in document.body
    assert "张三丰" not in document.body
    assert "<td>张**</td><td>530123********1239</td>" in document.body
    assert "<td>李*</td><td>530123********4569</td>" in document.body
    statuses = list(Finding.objects.filter(document=document).values_list("status", flat=True))
    assert statuses == [FindingStatus.MASKED] * 4
    event = Event.objects.filter(action="documents.masked", target_id=str(submitted_dibao.pk)).get()
    assert event.after == {"body": 4, "attachments": {}, "needs_replacement": []}
    assert event.actor == world.reviewer

    services.approve_document(document=document, by=world.reviewer, checklist=ALL_CHECKS)
    published = services.publish_document(document=document, by=world.reviewer)
    assert published.status == Status.PUBLISHED


def test_masking_twice_changes_nothing_more(world, submitted_dibao):
    services.mask_personal_info(document=submitted_dibao, by=world.reviewer)
    body = Document.objects.get(pk=submitted_dibao.pk).body
    again = services.mask_personal_info(document=submitted_dibao, by=world.reviewer)
    assert again.total == 0
    assert Document.objects.get(pk=submitted_dibao.pk).body == body


def test_a_kept_finding_needs_a_reason_and_survives_masking_and_publication(world, submitted_dibao):
    first = Finding.objects.filter(document=submitted_dibao).order_by("start").first()
    with pytest.raises(ValidationError, match="保留个人信息必须填写原因。"):
        services.keep_finding(finding=first, by=world.reviewer, reason=" ")
    kept = services.keep_finding(
        finding=first, by=world.reviewer, reason="户主姓名依《最低生活保障审核确认办法》须公示"
    )
    assert kept.status == FindingStatus.KEPT
    event = Event.objects.filter(
        action="documents.finding_kept", target_id=str(submitted_dibao.pk)
    ).get()
    assert event.reason == "户主姓名依《最低生活保障审核确认办法》须公示"
    assert event.after == {"finding": first.pk, "kind": "name", "where": "正文"}

    result = services.mask_personal_info(document=submitted_dibao, by=world.reviewer)
    assert result.body == 3
    document = Document.objects.get(pk=submitted_dibao.pk)
    assert "<td>张三丰</td>" in document.body
    assert "530123********1239" in document.body
    services.approve_document(document=document, by=world.reviewer, checklist=ALL_CHECKS)
    assert (
        services.publish_document(document=document, by=world.reviewer).status == Status.PUBLISHED
    )


def test_keeping_twice_is_refused(world, submitted_dibao):
    finding = Finding.objects.filter(document=submitted_dibao).first()
    services.keep_finding(finding=finding, by=world.reviewer, reason="依法公示")
    with pytest.raises(ValidationError, match="已处理过了"):
        services.keep_finding(finding=finding, by=world.reviewer, reason="依法公示")


def test_the_editor_cannot_keep_a_finding_nor_mask_a_submitted_document(world, submitted_dibao):
    finding = Finding.objects.filter(document=submitted_dibao).first()
    with pytest.raises(PermissionDenied):
        services.keep_finding(finding=finding, by=world.editor, reason="x")
    with pytest.raises(PermissionDenied):
        services.mask_personal_info(document=submitted_dibao, by=world.editor)
    with pytest.raises(PermissionDenied):
        services.mask_personal_info(document=submitted_dibao, by=world.neighbour_editor)
    assert Finding.objects.filter(document=submitted_dibao, status="open").count() == 4


def test_the_editor_may_mask_a_draft_before_submitting(world, dibao_draft):
    result = services.mask_personal_info(document=dibao_draft, by=world.editor)
    assert result.body == 4
    submitted = services.submit_document(document=dibao_draft, by=world.editor)
    assert Finding.objects.filter(document=submitted, status="open").count() == 0


def test_nothing_personal_is_logged(world, dibao_draft, caplog):
    with caplog.at_level(logging.DEBUG):
        submitted = services.submit_document(document=dibao_draft, by=world.editor)
        services.mask_personal_info(document=submitted, by=world.reviewer)
    assert ID_A not in caplog.text
    assert "张三丰" not in caplog.text


def test_rescan_finds_the_same_open_findings(world, submitted_dibao):
    rows = services.scan_document(document=submitted_dibao, by=world.reviewer)
    assert [(f.kind, f.preview) for f in rows] == [
        ("name", "张**"),
        ("id_card", "530123********1239"),
        ("name", "李*"),
        ("id_card", "530123********4569"),
    ]
    assert Finding.objects.filter(document=submitted_dibao).count() == 4

"""Every legal transition of the publication workflow, with the audit row it writes."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.utils import timezone

from gongkai.audit.models import Event
from gongkai.documents import services
from gongkai.documents.choices import Decision, Status
from gongkai.documents.models import Correction, Review
from tests.documents.conftest import ALL_CHECKS


def events(document) -> list[str]:
    return list(
        Event.objects.filter(target_type="documents.document", target_id=str(document.pk))
        .order_by("id")
        .values_list("action", flat=True)
    )


def last_event(document) -> Event:
    return (
        Event.objects.filter(target_id=str(document.pk), target_type="documents.document")
        .order_by("-id")
        .first()
    )


def test_editor_creates_a_draft_and_the_creation_is_audited(world, draft):
    assert draft.status == Status.DRAFT
    assert draft.index_number is None
    assert draft.created_by == world.editor
    event = last_event(draft)
    assert event.action == "documents.created"
    assert event.actor == world.editor
    assert event.organization == world.township
    assert event.after["title"] == "城关镇2024年第三季度拟新增最低生活保障对象公示"


def test_updating_a_draft_records_what_changed(world, draft):
    services.update_document(
        document=draft, by=world.editor, changes={"doc_no": "城政发〔2024〕8号"}
    )
    event = last_event(draft)
    assert event.action == "documents.updated"
    assert event.before == {"doc_no": ""}
    assert event.after == {"doc_no": "城政发〔2024〕8号"}


def test_submit_moves_to_submitted_and_audits(world, submitted):
    assert submitted.status == Status.SUBMITTED
    event = last_event(submitted)
    assert event.action == "documents.submitted"
    assert event.before["status"] == "draft"
    assert event.after["status"] == "submitted"
    assert event.after["findings"] == 0


def test_reviewer_approves_with_the_full_checklist_and_a_review_row_is_kept(world, approved):
    assert approved.status == Status.APPROVED
    review = Review.objects.get(document=approved)
    assert review.decision == Decision.APPROVED
    assert review.reviewer == world.reviewer
    assert review.checklist == ALL_CHECKS
    event = last_event(approved)
    assert event.action == "documents.approved"
    assert event.after["checklist"] == sorted(ALL_CHECKS)


def test_reviewer_returns_with_reason_then_editor_edits_and_resubmits(world, submitted):
    returned = services.return_document(
        document=submitted, by=world.reviewer, reason="请补充公示期起止日期。"
    )
    assert returned.status == Status.RETURNED
    assert returned.return_reason == "请补充公示期起止日期。"
    review = Review.objects.get(document=returned)
    assert (review.decision, review.comment) == (Decision.RETURNED, "请补充公示期起止日期。")
    event = last_event(returned)
    assert (event.action, event.reason) == ("documents.returned", "请补充公示期起止日期。")

    services.update_document(
        document=returned, by=world.editor, changes={"summary": "补充了公示期"}
    )
    again = services.submit_document(document=returned, by=world.editor)
    assert again.status == Status.SUBMITTED


def test_an_approved_document_can_still_be_returned(world, approved):
    returned = services.return_document(document=approved, by=world.reviewer, reason="发现错字")
    assert returned.status == Status.RETURNED


@time_machine.travel(datetime(2024, 10, 8, 2, 0, tzinfo=UTC), tick=False)
def test_publish_now_gives_an_index_number_and_a_publication_date(world, approved):
    published = services.publish_document(document=approved, by=world.reviewer)
    assert published.status == Status.PUBLISHED
    assert published.index_number == "QH01T01/2024-00001"
    assert published.published_at == datetime(2024, 10, 8, 2, 0, tzinfo=UTC)
    event = last_event(published)
    assert event.action == "documents.published"
    assert event.before["index_number"] is None
    assert event.after["index_number"] == "QH01T01/2024-00001"
    assert event.actor == world.reviewer


def test_publish_at_a_later_time_schedules_then_publish_due_publishes(world, approved):
    at = timezone.now() + timedelta(hours=2)
    scheduled = services.publish_document(document=approved, by=world.reviewer, at=at)
    assert scheduled.status == Status.SCHEDULED
    assert scheduled.scheduled_for == at
    assert scheduled.index_number is None
    assert last_event(scheduled).action == "documents.scheduled"

    assert services.publish_due_documents(now=timezone.now()) == []
    with time_machine.travel(at + timedelta(minutes=1), tick=False):
        done = services.publish_due_documents()
    assert [d.pk for d in done] == [scheduled.pk]
    scheduled.refresh_from_db()
    assert scheduled.status == Status.PUBLISHED
    assert scheduled.index_number
    event = last_event(scheduled)
    assert (event.action, event.actor, event.actor_label) == ("documents.published", None, "系统")


def test_publish_with_a_past_time_publishes_at_once(world, approved):
    published = services.publish_document(
        document=approved, by=world.reviewer, at=timezone.now() - timedelta(days=1)
    )
    assert published.status == Status.PUBLISHED


def test_withdraw_keeps_the_document_with_its_reason(world, published):
    withdrawn = services.withdraw_document(
        document=published, by=world.reviewer, reason="公示对象信息有误，重新核实。"
    )
    assert withdrawn.status == Status.WITHDRAWN
    assert withdrawn.withdrawal_reason == "公示对象信息有误，重新核实。"
    assert withdrawn.index_number == published.index_number
    event = last_event(withdrawn)
    assert (event.action, event.reason) == ("documents.withdrawn", "公示对象信息有误，重新核实。")


def test_a_scheduled_document_can_be_withdrawn_before_it_goes_live(world, approved):
    scheduled = services.publish_document(
        document=approved, by=world.reviewer, at=timezone.now() + timedelta(days=1)
    )
    withdrawn = services.withdraw_document(document=scheduled, by=world.reviewer, reason="暂缓发布")
    assert withdrawn.status == Status.WITHDRAWN


def test_correct_changes_the_content_in_place_and_keeps_the_previous_version(world, published):
    old_body = published.body
    correction = services.correct_document(
        document=published,
        by=world.reviewer,
        reason="保障金额笔误",
        changes={
            "title": "城关镇2024年第三季度新增最低生活保障对象公示（更正）",
            "body": "<p>更正后的正文。</p>",
        },
    )
    published.refresh_from_db()
    assert published.status == Status.PUBLISHED
    assert published.title.endswith("（更正）")
    assert published.body == "<p>更正后的正文。</p>"
    assert correction.changed_fields == ["body", "title"]
    assert correction.previous["body"] == old_body
    assert correction.previous["title"] == "城关镇2024年第三季度拟新增最低生活保障对象公示"
    assert Correction.objects.filter(document=published).count() == 1
    event = last_event(published)
    assert (event.action, event.reason) == ("documents.corrected", "保障金额笔误")
    assert event.before["fields"] == ["body", "title"]
    assert "body" not in event.after


def test_the_whole_way_writes_one_audit_row_per_step(world, published):
    services.correct_document(
        document=published, by=world.reviewer, reason="错字", changes={"summary": "更正概述"}
    )
    services.withdraw_document(document=published, by=world.reviewer, reason="已过时")
    assert events(published) == [
        "documents.created",
        "documents.submitted",
        "documents.approved",
        "documents.published",
        "documents.corrected",
        "documents.withdrawn",
    ]


def test_set_validity_marks_a_policy_repealed(world, published):
    from datetime import date

    changed = services.set_validity(
        document=published,
        by=world.reviewer,
        validity="repealed",
        on=date(2025, 1, 1),
        reason="新办法施行",
    )
    assert (changed.validity, changed.invalid_on) == ("repealed", date(2025, 1, 1))
    event = last_event(changed)
    assert event.action == "documents.validity_changed"
    assert event.after == {"validity": "repealed", "invalid_on": "2025-01-01"}


@pytest.mark.parametrize("actor", ["reviewer", "township_admin"])
def test_reviewer_and_administrator_may_publish(world, approved, actor):
    published = services.publish_document(document=approved, by=getattr(world, actor))
    assert published.status == Status.PUBLISHED

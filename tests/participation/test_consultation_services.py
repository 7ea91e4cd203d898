"""意见征集 services: periods, comments, moderation, adoption decisions and the feedback gate."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.audit.models import Event
from gongkai.documents.models import Document
from gongkai.participation.models import (
    Adoption,
    CommentStatus,
    ConsultationPeriodSetting,
    ConsultationStatus,
)
from gongkai.participation.services import comments
from gongkai.participation.services import consultations as services
from tests.participation.conftest import DRAFT_TEXT, at, comment_on

# --- opening for comment ---------------------------------------------------------------------


def test_publishing_without_dates_opens_today_for_seven_working_days(world, draft):
    consultation = services.publish_consultation(consultation=draft, by=world.editor)
    assert consultation.status == ConsultationStatus.PUBLISHED
    assert (consultation.starts_on, consultation.ends_on) == (date(2025, 3, 3), date(2025, 3, 12))


def test_a_period_shorter_than_seven_working_days_is_refused_with_the_earliest_end(world, clock):
    with pytest.raises(ValidationError) as exc:
        services.create_consultation(
            organization=world.township,
            by=world.editor,
            kind="normative_document",
            title="草案",
            draft_text=DRAFT_TEXT,
            starts_on=date(2025, 3, 3),
            ends_on=date(2025, 3, 11),
        )
    assert exc.value.message_dict["ends_on"] == [
        "行政规范性文件征求意见期限不少于7个工作日，自2025年3月3日开始的，截止日期不得早于2025年3月12日"
    ]


def test_a_major_decision_runs_thirty_days_and_a_holiday_end_moves_to_the_next_working_day(
    world, clock
):
    clock.move_to(at(date(2025, 9, 1)), tick=False)
    consultation = services.create_consultation(
        organization=world.township,
        by=world.editor,
        kind="major_decision",
        title="城关镇老街改造方案",
        draft_text="一、改造范围。\n二、补偿标准。",
    )
    consultation = services.publish_consultation(consultation=consultation, by=world.editor)
    assert consultation.ends_on == date(2025, 10, 9)  # 30 days → 10.1, 国庆 → 10.9


def test_an_urgent_major_decision_may_run_shorter_with_its_reason(world, clock):
    consultation = services.create_consultation(
        organization=world.township,
        by=world.editor,
        kind="major_decision",
        title="防汛设施建设方案",
        draft_text="一、建设内容。",
        starts_on=date(2025, 3, 3),
        ends_on=date(2025, 3, 10),
        shortened_reason="汛期临近，须尽快决策",
    )
    assert consultation.ends_on == date(2025, 3, 10)


def test_an_administrator_lengthened_minimum_applies(world, draft):
    ConsultationPeriodSetting.objects.create(kind="normative_document", amount=10, unit="workdays")
    consultation = services.publish_consultation(consultation=draft, by=world.editor)
    assert consultation.ends_on == date(2025, 3, 17)


def test_a_published_draft_cannot_be_edited(world, open_consultation):
    with pytest.raises(ValidationError, match="不能再修改"):
        services.update_consultation(
            consultation=open_consultation, by=world.editor, title="改标题"
        )


def test_the_neighbouring_townships_editor_cannot_open_a_consultation_here(world, clock):
    with pytest.raises(PermissionDenied):
        services.create_consultation(
            organization=world.township,
            by=world.neighbour_editor,
            kind="other",
            title="越权",
            draft_text="x",
        )


def test_extension_moves_the_end_later_only(world, open_consultation):
    with pytest.raises(ValidationError):
        services.extend_consultation(
            consultation=open_consultation, by=world.editor, ends_on=date(2025, 3, 11), reason="x"
        )
    consultation = services.extend_consultation(
        consultation=open_consultation,
        by=world.editor,
        ends_on=date(2025, 3, 20),
        reason="群众反映时间不够",
    )
    assert consultation.ends_on == date(2025, 3, 20)


# --- comments --------------------------------------------------------------------------------


def test_a_comment_is_numbered_waits_for_moderation_and_is_masked_for_the_public(open_consultation):
    comment = comment_on(
        open_consultation,
        body="我是摊主，电话13812345678，身份证110105199001011234，建议抽签现场直播。",
        author_name="李四",
        contact="13812345678",
    )
    assert comment.number == 1
    assert comment.paragraph == 2
    assert comment.status == CommentStatus.PENDING
    assert (
        comment.body_public
        == "我是摊主，电话138****5678，身份证110105********1234，建议抽签现场直播。"
    )
    assert comment.masked_findings == 2
    assert "13812345678" in comment.body  # the original is kept, for staff only
    assert comment_on(open_consultation, paragraph=None).number == 2


def test_the_audit_row_of_a_comment_holds_no_text_and_no_name(open_consultation):
    comment = comment_on(open_consultation, author_name="王五", contact="wang@example.com")
    event = Event.objects.get(action="participation.comment_submitted", target_id=str(comment.pk))
    assert event.actor is None
    assert event.actor_label == "匿名访客"
    assert event.after == {"consultation": open_consultation.pk, "paragraph": 2}
    assert "王五" not in str(event.after)


def test_a_comment_on_a_paragraph_that_does_not_exist_is_refused(open_consultation):
    with pytest.raises(ValidationError) as exc:
        comment_on(open_consultation, paragraph=5)
    assert exc.value.message_dict == {"paragraph": ["所选段落不存在，请重新选择。"]}


def test_a_comment_after_the_end_date_is_refused_with_the_date(open_consultation, clock):
    clock.move_to(at(date(2025, 3, 12), 23), tick=False)
    comment_on(open_consultation)  # the last day still counts
    clock.move_to(at(date(2025, 3, 13), 0), tick=False)
    with pytest.raises(ValidationError) as exc:
        comment_on(open_consultation)
    assert exc.value.messages == ["本次意见征集已于2025年3月12日截止，不再接受意见。"]


def test_a_comment_before_the_start_is_refused(world, draft):
    services.update_consultation(
        consultation=draft,
        by=world.editor,
        starts_on=date(2025, 3, 5),
        ends_on=date(2025, 3, 14),
    )
    consultation = services.publish_consultation(consultation=draft, by=world.editor)
    with pytest.raises(ValidationError, match="尚未开始"):
        comment_on(consultation)


def test_an_empty_or_overlong_comment_is_refused(open_consultation):
    with pytest.raises(ValidationError, match="请填写您的意见"):
        comment_on(open_consultation, body="   ")
    with pytest.raises(ValidationError, match="不能超过2000字"):
        comment_on(open_consultation, body="字" * 2001)


def test_comments_cannot_be_taken_on_a_draft_in_preparation(draft):
    with pytest.raises(ValidationError, match="尚未开始"):
        comment_on(draft)


# --- moderation ------------------------------------------------------------------------------


def test_staff_approve_and_hide_with_a_reason_and_the_original_is_kept(world, open_consultation):
    first = comment_on(open_consultation)
    second = comment_on(open_consultation, body="广告：低价出售摊位，加微信xxx")
    comments.approve_comment(comment=first, by=world.editor)
    with pytest.raises(ValidationError, match="不予显示的理由"):
        comments.hide_comment(comment=second, by=world.editor, reason=" ")
    hidden = comments.hide_comment(comment=second, by=world.editor, reason="广告信息")
    first.refresh_from_db()
    assert first.status == CommentStatus.APPROVED
    assert first.moderated_by == world.editor
    assert (hidden.status, hidden.hidden_reason) == (CommentStatus.HIDDEN, "广告信息")
    assert hidden.body == "广告：低价出售摊位，加微信xxx"
    event = Event.objects.get(action="participation.comment_hidden", target_id=str(hidden.pk))
    assert (event.reason, event.before, event.after) == (
        "广告信息",
        {"status": "pending"},
        {"status": "hidden"},
    )


def test_the_neighbouring_townships_editor_cannot_moderate(world, open_consultation):
    comment = comment_on(open_consultation)
    with pytest.raises(PermissionDenied):
        comments.approve_comment(comment=comment, by=world.neighbour_editor)
    with pytest.raises(PermissionDenied):
        comments.approve_comment(comment=comment, by=world.supervisor)


def test_adoption_needs_an_approved_comment_and_a_reason_unless_adopted(world, open_consultation):
    comment = comment_on(open_consultation)
    with pytest.raises(ValidationError, match="只能对已公开的意见"):
        comments.decide_adoption(comment=comment, by=world.editor, adoption=Adoption.ADOPTED)
    comments.approve_comment(comment=comment, by=world.editor)
    with pytest.raises(ValidationError) as exc:
        comments.decide_adoption(comment=comment, by=world.editor, adoption=Adoption.NOT_ADOPTED)
    assert exc.value.message_dict == {"adoption_reason": ["部分采纳或未采纳的，请说明理由。"]}
    decided = comments.decide_adoption(comment=comment, by=world.editor, adoption=Adoption.ADOPTED)
    assert decided.adoption == Adoption.ADOPTED


# --- the feedback-summary gate ---------------------------------------------------------------


@pytest.fixture
def ended(world, open_consultation, clock):
    """Three comments (one approved and adopted, one approved and not adopted, one spam), ended."""
    adopted = comment_on(open_consultation)
    refused = comment_on(open_consultation, body="建议取消摊位费。", paragraph=3)
    spam = comment_on(open_consultation, body="广告", paragraph=None)
    for comment in (adopted, refused):
        comments.approve_comment(comment=comment, by=world.editor)
    comments.hide_comment(comment=spam, by=world.editor, reason="广告信息")
    comments.decide_adoption(comment=adopted, by=world.editor, adoption=Adoption.ADOPTED)
    comments.decide_adoption(
        comment=refused,
        by=world.editor,
        adoption=Adoption.NOT_ADOPTED,
        reason="摊位费用于市场保洁，标准已低于县定标准。",
    )
    clock.move_to(at(date(2025, 3, 13)), tick=False)
    return open_consultation


def test_closing_is_refused_without_a_feedback_summary(world, ended):
    with pytest.raises(ValidationError) as exc:
        services.close_consultation(consultation=ended, by=world.editor)
    assert exc.value.messages == ["尚未填写意见采纳情况（采纳情况须向社会公布后才能办结）。"]
    ended.refresh_from_db()
    assert ended.status == ConsultationStatus.PUBLISHED


def test_closing_is_refused_before_the_end_date(world, open_consultation):
    services.save_feedback_summary(consultation=open_consultation, by=world.editor, overview="说明")
    with pytest.raises(ValidationError) as exc:
        services.close_consultation(consultation=open_consultation, by=world.editor)
    assert exc.value.messages == ["征集期至2025年3月12日，截止后才能发布采纳情况并办结。"]


def test_closing_is_refused_while_comments_wait_for_moderation_or_a_decision(
    world, open_consultation, clock
):
    pending = comment_on(open_consultation)
    undecided = comment_on(open_consultation, paragraph=1)
    comments.approve_comment(comment=undecided, by=world.editor)
    services.save_feedback_summary(consultation=open_consultation, by=world.editor, overview="说明")
    clock.move_to(at(date(2025, 3, 13)), tick=False)
    with pytest.raises(ValidationError) as exc:
        services.close_consultation(consultation=open_consultation, by=world.editor)
    assert exc.value.messages == [
        "还有1条意见未审核。",
        f"第{undecided.number}号意见尚未作出采纳决定。",
    ]
    assert pending.number == 1


def test_closing_publishes_the_counts_of_the_feedback_summary(world, ended):
    services.save_feedback_summary(
        consultation=ended, by=world.editor, overview="共收到3条意见，采纳1条，未采纳1条。"
    )
    closed = services.close_consultation(consultation=ended, by=world.editor)
    summary = closed.feedback
    assert closed.status == ConsultationStatus.CLOSED
    assert (
        summary.received_count,
        summary.shown_count,
        summary.adopted_count,
        summary.partly_count,
        summary.not_adopted_count,
    ) == (3, 2, 1, 0, 1)
    assert summary.published_at is not None
    assert Event.objects.filter(
        action="participation.consultation_closed", target_id=str(closed.pk)
    ).exists()


def test_a_closed_consultation_takes_no_more_moderation(world, ended):
    services.save_feedback_summary(consultation=ended, by=world.editor, overview="说明")
    services.close_consultation(consultation=ended, by=world.editor)
    comment = ended.comments.get(number=1)
    with pytest.raises(ValidationError, match="已办结"):
        comments.hide_comment(comment=comment, by=world.editor, reason="x")
    with pytest.raises(ValidationError, match="已发布、未办结"):
        services.save_feedback_summary(consultation=ended, by=world.editor, overview="改")


def test_a_participation_event_is_recorded_with_its_minutes(world, open_consultation):
    event = services.record_participation_event(
        organization=world.township,
        consultation=open_consultation,
        by=world.editor,
        kind="symposium",
        title="摊主座谈会",
        held_on=date(2025, 3, 3),
        minutes="摊主代表12人参加，主要意见：……",
        participants="摊主代表12人",
    )
    assert list(open_consultation.events.all()) == [event]
    with pytest.raises(ValidationError, match="不能晚于今天"):
        services.record_participation_event(
            organization=world.township,
            by=world.editor,
            kind="hearing",
            title="听证会",
            held_on=date(2025, 3, 4),
            minutes="x",
        )


def test_the_draft_may_be_linked_to_a_document_of_the_same_organization(world, clock):
    own = Document.objects.create(organization=world.township, title="摊位管理办法（草稿）")
    other = Document.objects.create(organization=world.neighbour, title="河口镇草稿")
    consultation = services.create_consultation(
        organization=world.township,
        by=world.editor,
        kind="normative_document",
        title="摊位管理办法（征求意见稿）",
        draft_text=DRAFT_TEXT,
        document=own,
    )
    assert list(own.consultations.all()) == [consultation]
    with pytest.raises(ValidationError) as exc:
        services.update_consultation(consultation=consultation, by=world.editor, document=other)
    assert exc.value.message_dict == {"document": ["只能关联本单位的文件草稿。"]}

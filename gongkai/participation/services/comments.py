"""公众意见 on a consultation: submitted by citizens, moderated and decided by staff."""

import logging
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from gongkai.audit.services import record_event, user_or_none
from gongkai.orgs.access import Action, require
from gongkai.participation import clock
from gongkai.participation.masking import mask_for_public
from gongkai.participation.models import (
    Adoption,
    Comment,
    CommentStatus,
    Consultation,
    ConsultationStatus,
    Phase,
)

logger = logging.getLogger(__name__)

COMMENT_MAX_CHARS = 2000


def _cn(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


@transaction.atomic
def submit_comment(
    *,
    consultation: Consultation,
    body: str,
    paragraph: int | None = None,
    author_name: str = "",
    contact: str = "",
) -> Comment:
    """A citizen's comment, waiting for moderation. Refused outside the comment period."""
    consultation = Consultation.objects.select_for_update(of=("self",)).get(pk=consultation.pk)
    today = clock.today()
    phase = consultation.phase_on(today)
    if phase in (Phase.ENDED, Phase.CLOSED):
        raise ValidationError(
            f"本次意见征集已于{_cn(consultation.ends_on)}截止，不再接受意见。", code="ended"
        )
    if phase != Phase.OPEN:
        raise ValidationError("本次意见征集尚未开始，暂不接受意见。", code="not_open")
    body = body.strip()
    if not body:
        raise ValidationError({"body": "请填写您的意见。"})
    if len(body) > COMMENT_MAX_CHARS:
        raise ValidationError({"body": f"意见不能超过{COMMENT_MAX_CHARS}字，请精简后再提交。"})
    if paragraph is not None and not 1 <= paragraph <= len(consultation.paragraphs):
        raise ValidationError({"paragraph": "所选段落不存在，请重新选择。"})
    masked = mask_for_public(body)
    number = (consultation.comments.aggregate(m=Max("number"))["m"] or 0) + 1
    comment = Comment.objects.create(
        consultation=consultation,
        number=number,
        paragraph=paragraph,
        body=body,
        body_public=masked.text,
        masked_findings=masked.findings,
        author_name=author_name.strip()[:50],
        contact=contact.strip()[:100],
        submitted_at=clock.now(),
    )
    # The audit row names the comment, never its text or its author.
    record_event(
        actor=None,
        action="participation.comment_submitted",
        target=comment,
        organization=consultation.organization,
        after={"consultation": consultation.pk, "paragraph": paragraph},
    )
    logger.info("comment %s on consultation %s received", comment.pk, consultation.pk)
    return comment


def _moderatable(comment: Comment, by) -> Comment:
    require(by, Action.HANDLE_PARTICIPATION, comment.consultation.organization)
    comment = (
        Comment.objects.select_for_update(of=("self",))
        .select_related("consultation")
        .get(pk=comment.pk)
    )
    if comment.consultation.status == ConsultationStatus.CLOSED:
        raise ValidationError("意见征集已办结，不能再审核意见。")
    return comment


@transaction.atomic
def approve_comment(*, comment: Comment, by) -> Comment:
    comment = _moderatable(comment, by)
    before = comment.status
    comment.status = CommentStatus.APPROVED
    comment.hidden_reason = ""
    comment.moderated_by = user_or_none(by)
    comment.moderated_at = clock.now()
    comment.save()
    record_event(
        actor=by,
        action="participation.comment_approved",
        target=comment,
        organization=comment.consultation.organization,
        before={"status": before},
        after={"status": comment.status},
    )
    return comment


@transaction.atomic
def hide_comment(*, comment: Comment, by, reason: str) -> Comment:
    """Keep a comment off the public page, with a reason; the original stays on record."""
    if not reason.strip():
        raise ValidationError({"reason": "请填写不予显示的理由。"})
    comment = _moderatable(comment, by)
    before = comment.status
    comment.status = CommentStatus.HIDDEN
    comment.hidden_reason = reason.strip()[:200]
    comment.adoption, comment.adoption_reason = "", ""
    comment.moderated_by = user_or_none(by)
    comment.moderated_at = clock.now()
    comment.save()
    record_event(
        actor=by,
        action="participation.comment_hidden",
        target=comment,
        organization=comment.consultation.organization,
        before={"status": before},
        after={"status": comment.status},
        reason=comment.hidden_reason,
    )
    return comment


@transaction.atomic
def decide_adoption(*, comment: Comment, by, adoption: str, reason: str = "") -> Comment:
    """采纳 / 部分采纳 / 未采纳 for one published comment; anything but 采纳 needs a reason."""
    comment = _moderatable(comment, by)
    if comment.status != CommentStatus.APPROVED:
        raise ValidationError("只能对已公开的意见作出采纳决定。")
    if adoption not in Adoption.values:
        raise ValidationError({"adoption": "请选择采纳情况。"})
    if adoption != Adoption.ADOPTED and not reason.strip():
        raise ValidationError({"adoption_reason": "部分采纳或未采纳的，请说明理由。"})
    before = {"adoption": comment.adoption, "reason": comment.adoption_reason}
    comment.adoption = adoption
    comment.adoption_reason = reason.strip()
    comment.save(update_fields=["adoption", "adoption_reason"])
    record_event(
        actor=by,
        action="participation.comment_decided",
        target=comment,
        organization=comment.consultation.organization,
        before=before,
        after={"adoption": adoption, "reason": comment.adoption_reason},
    )
    return comment

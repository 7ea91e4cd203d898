"""意见征集: open a draft for comment, take and moderate comments, publish the 采纳情况, close."""

import logging
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from gongkai.audit.services import record_event, user_or_none
from gongkai.documents.models import Document
from gongkai.orgs.access import Action, require
from gongkai.orgs.models import Organization
from gongkai.participation import clock
from gongkai.participation.models import (
    Adoption,
    CommentStatus,
    Consultation,
    ConsultationStatus,
    FeedbackSummary,
    ParticipationEvent,
)
from gongkai.participation.services.limits import consultation_minimum
from gongkai.rules.participation_limits import DecisionKind, check_consultation_period, period_end

logger = logging.getLogger(__name__)

EDITABLE_FIELDS = (
    "kind",
    "title",
    "document",
    "draft_text",
    "drafting_notes",
    "contact",
    "shortened_reason",
)


def _cn(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def earliest_end(*, kind: str, starts_on: date) -> date:
    """The first end date the law (or the administrator's longer setting) allows."""
    minimum = consultation_minimum(kind)
    return period_end(starts_on, minimum, calendar=clock.holiday_calendar()).day


def _check_period(consultation: Consultation) -> bool:
    check = check_consultation_period(
        kind=DecisionKind(consultation.kind),
        start=consultation.starts_on,
        end=consultation.ends_on,
        minimum=consultation_minimum(consultation.kind),
        calendar=clock.holiday_calendar(),
        shortened_reason=consultation.shortened_reason,
    )
    if not check.ok:
        raise ValidationError({"ends_on": check.message})
    return check.uncertain


def _clean_text(consultation: Consultation) -> None:
    errors = {}
    if consultation.kind not in {kind.value for kind in DecisionKind}:
        errors["kind"] = "请选择决策类型。"
    if not consultation.title.strip():
        errors["title"] = "请填写标题。"
    if not consultation.draft_text.strip():
        errors["draft_text"] = "请填写征求意见稿正文。"
    document = consultation.document
    if document is not None and document.organization_id != consultation.organization_id:
        errors["document"] = "只能关联本单位的文件草稿。"
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def create_consultation(
    *,
    organization: Organization,
    by,
    kind: str,
    title: str,
    draft_text: str,
    drafting_notes: str = "",
    contact: str = "",
    starts_on: date | None = None,
    ends_on: date | None = None,
    shortened_reason: str = "",
    document: Document | None = None,
) -> Consultation:
    """A consultation in preparation; dates may be left for publication.

    ``document`` optionally links the draft kept in 政府信息; the text published for comment
    is ``draft_text``, frozen with its paragraph numbers once the consultation is published.
    """
    require(by, Action.HANDLE_PARTICIPATION, organization)
    consultation = Consultation(
        organization=organization,
        kind=kind,
        title=title.strip(),
        draft_text=draft_text.strip(),
        drafting_notes=drafting_notes.strip(),
        contact=contact.strip(),
        starts_on=starts_on,
        ends_on=ends_on,
        shortened_reason=shortened_reason.strip(),
        document=document,
        created_by=user_or_none(by),
    )
    _clean_text(consultation)
    if starts_on and ends_on:
        consultation.period_uncertain = _check_period(consultation)
    consultation.save()
    record_event(
        actor=by,
        action="participation.consultation_created",
        target=consultation,
        organization=organization,
        after={"title": consultation.title, "kind": kind},
    )
    return consultation


@transaction.atomic
def update_consultation(*, consultation: Consultation, by, **changes) -> Consultation:
    """Edit a consultation still in preparation (a published draft keeps its paragraph numbers)."""
    require(by, Action.HANDLE_PARTICIPATION, consultation.organization)
    consultation = Consultation.objects.select_for_update(of=("self",)).get(pk=consultation.pk)
    if consultation.status != ConsultationStatus.DRAFT:
        raise ValidationError(
            "意见征集已发布，征求意见稿不能再修改；如需延长期限，请使用“延长征集期限”。"
        )
    unknown = set(changes) - {*EDITABLE_FIELDS, "starts_on", "ends_on"}
    if unknown:
        raise ValueError(f"unknown fields: {sorted(unknown)}")
    before = {k: str(getattr(consultation, k) or "") for k in changes}
    for field, value in changes.items():
        setattr(consultation, field, value.strip() if isinstance(value, str) else value)
    _clean_text(consultation)
    if consultation.starts_on and consultation.ends_on:
        consultation.period_uncertain = _check_period(consultation)
    consultation.save()
    record_event(
        actor=by,
        action="participation.consultation_updated",
        target=consultation,
        organization=consultation.organization,
        before=before,
        after={k: str(getattr(consultation, k) or "") for k in changes},
    )
    return consultation


@transaction.atomic
def publish_consultation(*, consultation: Consultation, by, at: datetime | None = None):
    """Open the draft for comment. Missing dates: from today, for the shortest lawful period."""
    require(by, Action.HANDLE_PARTICIPATION, consultation.organization)
    consultation = Consultation.objects.select_for_update(of=("self",)).get(pk=consultation.pk)
    if consultation.status != ConsultationStatus.DRAFT:
        raise ValidationError("该意见征集已经发布。")
    at = at or clock.now()
    today = clock.today()
    consultation.starts_on = consultation.starts_on or today
    if consultation.starts_on < today:
        raise ValidationError({"starts_on": "开始日期不能早于发布当天。"})
    consultation.ends_on = consultation.ends_on or earliest_end(
        kind=consultation.kind, starts_on=consultation.starts_on
    )
    consultation.period_uncertain = _check_period(consultation)
    consultation.status = ConsultationStatus.PUBLISHED
    consultation.published_at = at
    consultation.save()
    record_event(
        actor=by,
        action="participation.consultation_published",
        target=consultation,
        organization=consultation.organization,
        after={
            "starts_on": consultation.starts_on.isoformat(),
            "ends_on": consultation.ends_on.isoformat(),
        },
    )
    return consultation


@transaction.atomic
def extend_consultation(*, consultation: Consultation, by, ends_on: date, reason: str):
    """Move the end date later while comments are still being taken (never earlier)."""
    require(by, Action.HANDLE_PARTICIPATION, consultation.organization)
    consultation = Consultation.objects.select_for_update(of=("self",)).get(pk=consultation.pk)
    if consultation.status != ConsultationStatus.PUBLISHED:
        raise ValidationError("只有正在征集的意见征集可以延长期限。")
    if ends_on <= consultation.ends_on:
        raise ValidationError({"ends_on": f"新的截止日期须晚于{_cn(consultation.ends_on)}。"})
    if not reason.strip():
        raise ValidationError({"reason": "请说明延长期限的原因。"})
    before = consultation.ends_on.isoformat()
    consultation.ends_on = ends_on
    consultation.save(update_fields=["ends_on", "updated_at"])
    record_event(
        actor=by,
        action="participation.consultation_extended",
        target=consultation,
        organization=consultation.organization,
        before={"ends_on": before},
        after={"ends_on": ends_on.isoformat()},
        reason=reason.strip(),
    )
    return consultation


@transaction.atomic
def save_feedback_summary(*, consultation: Consultation, by, overview: str) -> FeedbackSummary:
    """Draft (or redraft) the 采纳情况 before it is published with the closing."""
    require(by, Action.HANDLE_PARTICIPATION, consultation.organization)
    consultation = Consultation.objects.select_for_update(of=("self",)).get(pk=consultation.pk)
    if consultation.status != ConsultationStatus.PUBLISHED:
        raise ValidationError("只能为已发布、未办结的意见征集填写采纳情况。")
    if not overview.strip():
        raise ValidationError({"overview": "请填写意见采纳情况的总体说明。"})
    summary, _ = FeedbackSummary.objects.update_or_create(
        consultation=consultation,
        defaults={"overview": overview.strip(), "updated_by": user_or_none(by)},
    )
    record_event(
        actor=by,
        action="participation.feedback_saved",
        target=summary,
        organization=consultation.organization,
    )
    return summary


def closing_problems(consultation: Consultation, *, today: date) -> list[str]:
    """Why the consultation cannot be closed yet (empty when it can)."""
    if consultation.status != ConsultationStatus.PUBLISHED:
        return ["只有已发布、未办结的意见征集可以办结。"]
    problems = []
    if today <= consultation.ends_on:
        problems.append(f"征集期至{_cn(consultation.ends_on)}，截止后才能发布采纳情况并办结。")
    comments = consultation.comments.all()
    pending = sum(1 for c in comments if c.status == CommentStatus.PENDING)
    if pending:
        problems.append(f"还有{pending}条意见未审核。")
    undecided = [
        c.number for c in comments if c.status == CommentStatus.APPROVED and not c.adoption
    ]
    if undecided:
        numbers = "、".join(str(n) for n in undecided)
        problems.append(f"第{numbers}号意见尚未作出采纳决定。")
    summary = FeedbackSummary.objects.filter(consultation=consultation).first()
    if summary is None or not summary.overview.strip():
        problems.append("尚未填写意见采纳情况（采纳情况须向社会公布后才能办结）。")
    return problems


@transaction.atomic
def close_consultation(*, consultation: Consultation, by, at: datetime | None = None):
    """Publish the 采纳情况 and close. Refused without a complete feedback summary."""
    require(by, Action.HANDLE_PARTICIPATION, consultation.organization)
    consultation = Consultation.objects.select_for_update(of=("self",)).get(pk=consultation.pk)
    problems = closing_problems(consultation, today=clock.today())
    if problems:
        raise ValidationError(problems)
    at = at or clock.now()
    comments = list(consultation.comments.all())
    approved = [c for c in comments if c.status == CommentStatus.APPROVED]
    summary = consultation.feedback
    summary.received_count = len(comments)
    summary.shown_count = len(approved)
    summary.adopted_count = sum(1 for c in approved if c.adoption == Adoption.ADOPTED)
    summary.partly_count = sum(1 for c in approved if c.adoption == Adoption.PARTLY)
    summary.not_adopted_count = sum(1 for c in approved if c.adoption == Adoption.NOT_ADOPTED)
    summary.published_at = at
    summary.updated_by = user_or_none(by)
    summary.save()
    consultation.status = ConsultationStatus.CLOSED
    consultation.closed_at = at
    consultation.save(update_fields=["status", "closed_at", "updated_at"])
    record_event(
        actor=by,
        action="participation.consultation_closed",
        target=consultation,
        organization=consultation.organization,
        after={
            "received": summary.received_count,
            "adopted": summary.adopted_count,
            "partly": summary.partly_count,
            "not_adopted": summary.not_adopted_count,
        },
    )
    return consultation


@transaction.atomic
def record_participation_event(
    *,
    organization: Organization,
    by,
    kind: str,
    title: str,
    held_on: date,
    minutes: str,
    place: str = "",
    participants: str = "",
    consultation: Consultation | None = None,
    public: bool = True,
) -> ParticipationEvent:
    """Record a 座谈会, 听证会, 问卷调查 … with its minutes."""
    require(by, Action.HANDLE_PARTICIPATION, organization)
    if consultation is not None and consultation.organization_id != organization.id:
        raise ValidationError("只能关联本单位的意见征集。")
    if not title.strip() or not minutes.strip():
        raise ValidationError("请填写活动名称和纪要。")
    if held_on > clock.today():
        raise ValidationError({"held_on": "活动日期不能晚于今天；尚未举行的活动请在举行后记录。"})
    event = ParticipationEvent.objects.create(
        organization=organization,
        consultation=consultation,
        kind=kind,
        title=title.strip(),
        held_on=held_on,
        place=place.strip(),
        participants=participants.strip(),
        minutes=minutes.strip(),
        public=public,
        recorded_by=user_or_none(by),
    )
    record_event(
        actor=by,
        action="participation.event_recorded",
        target=event,
        organization=organization,
        after={"kind": kind, "held_on": held_on.isoformat()},
    )
    return event

"""留言咨询: receive, route, accept, transfer, answer, publish (masked), rate."""

import logging
import secrets
from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from gongkai.audit.services import record_event, user_or_none
from gongkai.orgs.access import Action, can, require
from gongkai.orgs.models import Organization
from gongkai.participation import clock, notify
from gongkai.participation.masking import mask_for_public
from gongkai.participation.models import Message, MessageStatus, MessageTransfer, Rating
from gongkai.participation.services.limits import message_limit
from gongkai.rules.participation_limits import MessageKind, message_deadlines

logger = logging.getLogger(__name__)

BODY_MAX_CHARS = 3000
# 举报 usually names third parties: not published unless staff decide otherwise.
UNPUBLISHED_BY_DEFAULT = frozenset({MessageKind.REPORT})


def can_route_platform_messages(user) -> bool:
    """The platform's inbox belongs to the 公开办 of a top-level organization (and 系统管理员)."""
    return any(can(user, Action.SUPERVISE, org) for org in Organization.objects.filter(parent=None))


def _next_number(at: datetime) -> str:
    prefix = f"LY{timezone.localdate(at):%Y%m%d}"
    count = Message.objects.filter(number__startswith=prefix).count()
    return f"{prefix}{count + 1:04d}"


@transaction.atomic
def submit_message(
    *,
    organization: Organization | None,
    kind: str,
    subject: str,
    body: str,
    author_name: str = "",
    phone: str = "",
    email: str = "",
    wants_private: bool = False,
) -> Message:
    """A citizen's message to an organization, or to the platform (organization None) for routing."""
    errors = {}
    if kind not in {k.value for k in MessageKind}:
        errors["kind"] = "请选择留言类型。"
    if not subject.strip():
        errors["subject"] = "请填写标题。"
    if not body.strip():
        errors["body"] = "请填写留言内容。"
    elif len(body.strip()) > BODY_MAX_CHARS:
        errors["body"] = f"留言内容不能超过{BODY_MAX_CHARS}字。"
    if errors:
        raise ValidationError(errors)
    at = clock.now()
    due = message_deadlines(
        timezone.localdate(at), message_limit(kind), calendar=clock.holiday_calendar()
    )
    message = Message.objects.create(
        number=_next_number(at),
        organization=organization,
        kind=kind,
        subject=subject.strip()[:100],
        body=body.strip(),
        author_name=author_name.strip()[:50],
        phone=phone.strip()[:30],
        email=email.strip(),
        wants_private=wants_private,
        access_key=secrets.token_urlsafe(24),
        received_at=at,
        accept_due=due.accept_by,
        answer_due=due.answer_by,
        due_uncertain=due.uncertain,
    )
    record_event(
        actor=None,
        action="participation.message_received",
        target=message,
        organization=organization,
        after={"kind": kind, "answer_due": due.answer_by.isoformat()},
    )
    if organization is not None:
        _notify_new(message, organization)
    return message


def _notify_new(message: Message, organization: Organization) -> None:
    notify.send_later(
        subject=f"新留言 {message.number}",
        body=(
            f"{organization.name}收到{message.get_kind_label()}留言 {message.number}，"
            f"请于{message.accept_due:%Y-%m-%d}前受理，{message.answer_due:%Y-%m-%d}前答复。\n"
            + notify.site_url(reverse("participation:message", args=[message.pk]))
        ),
        recipients=notify.staff_addresses(organization, with_supervisors=False),
        reason="message_received",
    )


def _locked(message: Message) -> Message:
    return (
        Message.objects.select_for_update(of=("self",))
        .select_related("organization")
        .get(pk=message.pk)
    )


@transaction.atomic
def route_message(*, message: Message, organization: Organization, by) -> Message:
    """分办: the platform hands a message addressed to it to the organization that must answer."""
    message = _locked(message)
    if message.organization_id is not None:
        raise ValidationError("该留言已有办理单位，如需变更请由办理单位转办。")
    if not can_route_platform_messages(by):
        raise PermissionDenied("您没有权限分办平台留言。")
    require(by, Action.SUPERVISE, organization)
    message.organization = organization
    message.save(update_fields=["organization"])
    MessageTransfer.objects.create(
        message=message,
        from_organization=None,
        to_organization=organization,
        reason="平台分办",
        by=user_or_none(by),
        at=clock.now(),
    )
    record_event(
        actor=by,
        action="participation.message_routed",
        target=message,
        organization=organization,
        after={"organization": organization.code},
    )
    _notify_new(message, organization)
    return message


@transaction.atomic
def transfer_message(*, message: Message, to: Organization, by, reason: str) -> Message:
    """转办: the organization hands the message on; the citizen's time limits keep running."""
    message = _locked(message)
    if message.organization is None:
        raise ValidationError("平台留言请先分办。")
    require(by, Action.HANDLE_PARTICIPATION, message.organization)
    if message.status == MessageStatus.ANSWERED:
        raise ValidationError("留言已答复，不能再转办。")
    if to.pk == message.organization_id:
        raise ValidationError({"to": "不能转办给本单位。"})
    if not reason.strip():
        raise ValidationError({"reason": "请填写转办理由。"})
    source = message.organization
    MessageTransfer.objects.create(
        message=message,
        from_organization=source,
        to_organization=to,
        reason=reason.strip()[:200],
        by=user_or_none(by),
        at=clock.now(),
    )
    message.organization = to
    message.status = MessageStatus.RECEIVED
    message.accepted_at = None
    message.save(update_fields=["organization", "status", "accepted_at"])
    record_event(
        actor=by,
        action="participation.message_transferred",
        target=message,
        organization=source,
        before={"organization": source.code},
        after={"organization": to.code},
        reason=reason.strip(),
    )
    _notify_new(message, to)
    return message


@transaction.atomic
def accept_message(*, message: Message, by) -> Message:
    message = _locked(message)
    if message.organization is None:
        raise ValidationError("平台留言请先分办。")
    require(by, Action.HANDLE_PARTICIPATION, message.organization)
    if message.status != MessageStatus.RECEIVED:
        raise ValidationError("该留言已受理。")
    message.status = MessageStatus.ACCEPTED
    message.accepted_at = clock.now()
    message.save(update_fields=["status", "accepted_at"])
    record_event(
        actor=by,
        action="participation.message_accepted",
        target=message,
        organization=message.organization,
    )
    return message


@transaction.atomic
def answer_message(*, message: Message, by, answer: str, publish: bool | None = None) -> Message:
    """答复; published (masked) unless the author asked for privacy or staff decide against it."""
    message = _locked(message)
    if message.organization is None:
        raise ValidationError("平台留言请先分办。")
    require(by, Action.HANDLE_PARTICIPATION, message.organization)
    if message.status == MessageStatus.ANSWERED:
        raise ValidationError("该留言已答复。")
    if not answer.strip():
        raise ValidationError({"answer": "请填写答复内容。"})
    if publish is None:
        publish = MessageKind(message.kind) not in UNPUBLISHED_BY_DEFAULT
    at = clock.now()
    message.accepted_at = message.accepted_at or at
    message.status = MessageStatus.ANSWERED
    message.answer = answer.strip()
    message.answered_at = at
    message.answered_by = user_or_none(by)
    message.save()
    record_event(
        actor=by,
        action="participation.message_answered",
        target=message,
        organization=message.organization,
        after={"on_time": message.answered_on_time},
    )
    if publish and not message.wants_private:
        _publish(message, by=by)
    if message.email:
        link = reverse("participation_public:message_private", args=[message.access_key])
        notify.send_later(
            subject=f"您的留言 {message.number} 已答复",
            body=f"{message.organization.name}已答复您的留言，请查看并评价：\n"
            + notify.site_url(link),
            recipients=[message.email],
            reason="message_answered",
        )
    return message


def _publish(message: Message, *, by) -> None:
    subject = mask_for_public(message.subject)
    body = mask_for_public(message.body)
    answer = mask_for_public(message.answer)
    message.subject_public = subject.text
    message.body_public = body.text
    message.answer_public = answer.text
    message.published = True
    message.published_at = clock.now()
    message.save()
    record_event(
        actor=by,
        action="participation.message_published",
        target=message,
        organization=message.organization,
        after={"masked": subject.findings + body.findings + answer.findings},
    )


@transaction.atomic
def set_message_publication(*, message: Message, by, publish: bool, reason: str = "") -> Message:
    """Publish an answered message later, or take it off the portal (with a reason)."""
    message = _locked(message)
    require(by, Action.HANDLE_PARTICIPATION, message.organization)
    if message.status != MessageStatus.ANSWERED:
        raise ValidationError("只有已答复的留言可以公开。")
    if publish:
        if message.wants_private:
            raise ValidationError("留言人要求不公开，不能公开。")
        if not message.published:
            _publish(message, by=by)
        return message
    if not reason.strip():
        raise ValidationError({"reason": "请填写取消公开的理由。"})
    if message.published:
        message.published = False
        message.save(update_fields=["published"])
        record_event(
            actor=by,
            action="participation.message_unpublished",
            target=message,
            organization=message.organization,
            reason=reason.strip(),
        )
    return message


@transaction.atomic
def rate_answer(*, message: Message, key: str, rating: str, comment: str = "") -> Message:
    """The citizen's rating of the answer, through the private link (once)."""
    message = _locked(message)
    if not secrets.compare_digest(message.access_key, key):
        raise ValidationError("链接无效。")
    if message.status != MessageStatus.ANSWERED:
        raise ValidationError("留言答复后才能评价。")
    if message.rating:
        raise ValidationError("您已评价过这条答复，感谢您的反馈。")
    if rating not in Rating.values:
        raise ValidationError({"rating": "请选择满意、基本满意或不满意。"})
    message.rating = rating
    message.rating_comment = comment.strip()[:300]
    message.rated_at = clock.now()
    message.save(update_fields=["rating", "rating_comment", "rated_at"])
    record_event(
        actor=None,
        action="participation.message_rated",
        target=message,
        organization=message.organization,
        after={"rating": rating},
    )
    return message

"""Helpers shared by the services of this app: refusal, locking, audit snapshots, the thread."""

import logging
from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone

from gongkai.audit.services import record_event, user_or_none
from gongkai.info_requests.models import InfoRequest, Message

logger = logging.getLogger("gongkai.info_requests")


def refuse(message: str):
    """Stop an illegal step with a message the page shows as it is."""
    raise ValidationError(message)


def today() -> date:
    return timezone.localdate()


def locked(info_request: InfoRequest) -> InfoRequest:
    """The request re-read under a row lock, so two handlers cannot race one step."""
    return (
        InfoRequest.objects.select_for_update(of=("self",))
        .select_related("organization")
        .get(pk=info_request.pk)
    )


def state(info_request: InfoRequest) -> dict:
    """What the audit trail keeps of a request: never a name or a contact."""
    return {
        "status": info_request.status,
        "due_on": info_request.due_on.isoformat() if info_request.due_on else None,
        "handler_id": info_request.handler_id,
        "result": info_request.result,
    }


def audit(info_request: InfoRequest, *, by, action: str, before: dict | None = None, reason=""):
    record_event(
        actor=by,
        action=f"info_requests.{action}",
        target=info_request,
        organization=info_request.organization,
        before=before,
        after=state(info_request),
        reason=reason,
    )
    logger.info("request %s: %s", info_request.pk, action)


def post(info_request: InfoRequest, *, sender: str, kind: str, body: str, by=None) -> Message:
    return Message.objects.create(
        request=info_request,
        sender=sender,
        kind=kind,
        author=user_or_none(by),
        body=body,
        created_at=timezone.now(),
    )


def check_day(day: date, *, label: str, not_before: date | None = None, before_label: str = ""):
    if day > today():
        refuse(f"{label}不能晚于今天。")
    if not_before is not None and day < not_before:
        refuse(f"{label}不能早于{before_label}。")


def cn(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"

"""The publication workflow, one function per transition.

起草 draft → 送审 submitted → 审核通过 approved (or 退回 returned) → 发布 published, now or at a
set time (scheduled) → 撤回 withdrawn, or 更正 corrected in place with a public notice.
Each function checks access and the current state, and writes one audit row; an illegal
transition raises ValidationError with a Chinese message and changes nothing.
"""

import logging
from collections.abc import Iterable
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from gongkai.audit.services import record_event, user_or_none
from gongkai.documents.choices import EDITABLE, Decision, SecrecyCheck, Status
from gongkai.documents.html import body_text
from gongkai.documents.models import Correction, Document, Review
from gongkai.documents.services import privacy
from gongkai.documents.services._common import (
    audit_value,
    lock,
    public_copy_changed,
    require_reason,
    require_status,
    snapshot,
)
from gongkai.documents.services.drafting import clean_fields, missing_metadata
from gongkai.documents.services.numbering import take_index_numbers
from gongkai.orgs.access import SYSTEM, Action, require
from gongkai.rules import pii

logger = logging.getLogger(__name__)

CORRECTABLE_FIELDS = frozenset(
    {"title", "doc_no", "theme", "written_on", "summary", "body", "effective_on"}
)


def _audit(document: Document, *, by, action: str, before: dict, reason: str = "", **extra):
    record_event(
        actor=by,
        action=f"documents.{action}",
        target=document,
        organization=document.organization,
        before=before,
        after=snapshot(document) | extra,
        reason=reason,
    )


@transaction.atomic
def submit_document(*, document: Document, by) -> Document:
    """送审: the metadata must be complete; the content is scanned for personal information."""
    require(by, Action.EDIT_DOCUMENT, document.organization)
    document = lock(document)
    require_status(document, EDITABLE, "送审")
    missing = missing_metadata(document)
    if missing:
        raise ValidationError(["送审前请补全：" + "；".join(missing) + "。"])
    before = snapshot(document)
    document.status = Status.SUBMITTED
    document.save(update_fields=["status", "updated_at"])
    findings = privacy.store_scan(document)
    _audit(document, by=by, action="submitted", before=before, findings=len(findings))
    return document


def _check_reviewer(document: Document, by) -> None:
    if document.created_by_id and document.created_by_id == getattr(by, "pk", None):
        raise ValidationError("起草人不能审核自己起草的信息，请由另一位审核人审核。")


@transaction.atomic
def approve_document(
    *, document: Document, by, checklist: Iterable[str], comment: str = ""
) -> Document:
    """审核通过, with every item of the 保密审查 checklist ticked and no personal information left."""
    require(by, Action.REVIEW_DOCUMENT, document.organization)
    document = lock(document)
    require_status(document, {Status.SUBMITTED}, "审核通过")
    _check_reviewer(document, by)
    ticked = set(checklist)
    unticked = [check.label for check in SecrecyCheck if check.value not in ticked]
    if unticked:
        raise ValidationError(f"请逐项确认保密审查清单，尚未确认：{'、'.join(unticked)}。")
    privacy.check_gate(document, "审核通过")
    before = snapshot(document)
    Review.objects.create(
        document=document,
        reviewer=user_or_none(by),
        reviewer_label=by.get_username(),
        decision=Decision.APPROVED,
        checklist=[check.value for check in SecrecyCheck],
        comment=comment.strip(),
        at=timezone.now(),
    )
    document.status = Status.APPROVED
    document.save(update_fields=["status", "updated_at"])
    _audit(document, by=by, action="approved", before=before, checklist=sorted(ticked))
    return document


@transaction.atomic
def return_document(*, document: Document, by, reason: str) -> Document:
    """退回修改 with the reason the editor will read."""
    require(by, Action.REVIEW_DOCUMENT, document.organization)
    document = lock(document)
    require_status(document, {Status.SUBMITTED, Status.APPROVED}, "退回")
    reason = require_reason(reason, "退回")
    before = snapshot(document)
    Review.objects.create(
        document=document,
        reviewer=user_or_none(by),
        reviewer_label=by.get_username(),
        decision=Decision.RETURNED,
        comment=reason,
        at=timezone.now(),
    )
    document.status, document.return_reason = Status.RETURNED, reason
    document.save(update_fields=["status", "return_reason", "updated_at"])
    _audit(document, by=by, action="returned", before=before, reason=reason)
    return document


def _go_live(document: Document, now: datetime) -> None:
    if not document.index_number:
        year = timezone.localdate(now).year
        document.index_number = take_index_numbers(organization=document.organization, year=year)[0]
    document.status, document.published_at = Status.PUBLISHED, now
    document.save(update_fields=["status", "published_at", "index_number", "updated_at"])
    public_copy_changed(document)


def _enqueue_due(at: datetime) -> None:
    from gongkai.documents.tasks import publish_due_documents_task

    backend = publish_due_documents_task.get_backend()
    if backend.supports_defer:
        publish_due_documents_task.using(run_after=at).enqueue()


@transaction.atomic
def publish_document(*, document: Document, by, at: datetime | None = None) -> Document:
    """发布 now (`at` None or past) or at `at` (定时发布); the content is scanned once more first."""
    require(by, Action.PUBLISH_DOCUMENT, document.organization)
    document = lock(document)
    require_status(document, {Status.APPROVED, Status.SCHEDULED}, "发布")
    privacy.check_gate(document, "发布")
    before = snapshot(document)
    now = timezone.now()
    if at is not None and timezone.is_naive(at):
        raise ValueError("publish_document needs an aware datetime")
    if at is not None and at > now:
        document.status, document.scheduled_for = Status.SCHEDULED, at
        document.save(update_fields=["status", "scheduled_for", "updated_at"])
        _audit(document, by=by, action="scheduled", before=before)
        transaction.on_commit(lambda: _enqueue_due(at))
        return document
    _go_live(document, now)
    _audit(document, by=by, action="published", before=before)
    return document


def publish_due_documents(*, now: datetime | None = None) -> list[Document]:
    """Publish every scheduled document whose time has come; one failure does not stop the rest."""
    now = now or timezone.now()
    published = []
    due = Document.objects.filter(status=Status.SCHEDULED, scheduled_for__lte=now).order_by(
        "scheduled_for", "pk"
    )
    for document in due:
        try:
            published.append(publish_document(document=document, by=SYSTEM))
        except ValidationError:
            logger.warning("scheduled document %s could not be published", document.pk)
    return published


@transaction.atomic
def withdraw_document(*, document: Document, by, reason: str) -> Document:
    """撤回: the document leaves the public pages; it is kept, with the reason, never deleted."""
    require(by, Action.PUBLISH_DOCUMENT, document.organization)
    document = lock(document)
    require_status(document, {Status.PUBLISHED, Status.SCHEDULED}, "撤回")
    reason = require_reason(reason, "撤回")
    before = snapshot(document)
    document.status, document.withdrawn_at = Status.WITHDRAWN, timezone.now()
    document.withdrawal_reason = reason
    document.save(update_fields=["status", "withdrawn_at", "withdrawal_reason", "updated_at"])
    _audit(document, by=by, action="withdrawn", before=before, reason=reason)
    public_copy_changed(document)
    return document


def _value(document: Document, name: str):
    return getattr(document, name)


@transaction.atomic
def correct_document(*, document: Document, by, reason: str, changes: dict) -> Correction:
    """更正 a published document in place; the page then shows the correction notice."""
    require(by, Action.PUBLISH_DOCUMENT, document.organization)
    document = lock(document)
    require_status(document, {Status.PUBLISHED}, "更正")
    reason = require_reason(reason, "更正")
    not_allowed = set(changes) - CORRECTABLE_FIELDS
    if not_allowed:
        raise ValidationError(
            "更正只能修改标题、文号、主题分类、成文日期、施行日期、内容概述和正文。"
        )
    values = clean_fields(document.organization, changes, document=document)
    if "title" in values and not values["title"]:
        raise ValidationError("标题不能为空。")
    changed = {k: v for k, v in values.items() if _value(document, k) != v}
    if not changed:
        raise ValidationError("没有需要更正的内容。")
    if "body" in changed:
        found = pii.find_personal_info(body_text(changed["body"]))
        if found:
            kinds = "、".join(sorted({pii.KIND_LABELS.get(f.kind, f.kind) for f in found}))
            raise ValidationError(
                f"更正后的正文含有 {len(found)} 处个人信息（{kinds}），请去标识化后再更正。"
            )
    previous = {k: audit_value(_value(document, k)) for k in changed}
    if "body" in changed:
        previous["body"] = document.body
    for name, value in changed.items():
        setattr(document, name, value)
    document.save()
    public_copy_changed(document)
    correction = Correction.objects.create(
        document=document,
        by=user_or_none(by),
        at=timezone.now(),
        reason=reason,
        changed_fields=sorted(changed),
        previous=previous,
    )
    record_event(
        actor=by,
        action="documents.corrected",
        target=document,
        organization=document.organization,
        before={k: v for k, v in previous.items() if k != "body"} | {"fields": sorted(changed)},
        after={k: audit_value(v) for k, v in changed.items() if k != "body"},
        reason=reason,
    )
    return correction

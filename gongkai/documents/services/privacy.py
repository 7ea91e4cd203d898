"""The personal-information gate: scan the body and attachments, mask in one action, or keep.

A finding stores where it is and its masked preview, never the value. Nothing here logs a value.
"""

import hashlib
import logging
from collections import Counter
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from gongkai.audit.services import record_event, user_or_none
from gongkai.documents import files
from gongkai.documents.choices import EDITABLE, FindingStatus, Status, TextStatus
from gongkai.documents.html import body_text, mask_body
from gongkai.documents.models import Attachment, Document, Finding
from gongkai.documents.services._common import lock, require_reason, require_status
from gongkai.orgs.access import Action, can, require
from gongkai.rules import pii
from gongkai.rules.pii_masking import mask_value

logger = logging.getLogger(__name__)

# Small files are read at once when a document is submitted; larger ones wait for the task.
INLINE_EXTRACT_BYTES = 2 * 1024 * 1024
PREVIEW_LENGTH = 120


@dataclass(frozen=True)
class Located:
    attachment: Attachment | None
    finding: pii.Finding

    @property
    def preview(self) -> str:
        return mask_value(self.finding.kind, self.finding.text)[:PREVIEW_LENGTH]

    @property
    def key(self) -> tuple:
        return (self.attachment.pk if self.attachment else None, self.finding.kind, self.preview)


@dataclass(frozen=True)
class Gate:
    """What stands between a document and its publication."""

    open_findings: int
    pending_attachments: list[str]
    manual_check: list[str]

    @property
    def blocked(self) -> bool:
        return bool(self.open_findings or self.pending_attachments)

    def message(self) -> str:
        parts = []
        if self.open_findings:
            parts.append(
                f"还有 {self.open_findings} 处个人信息未处理，请一键去标识化或逐条说明保留理由"
            )
        if self.pending_attachments:
            names = "、".join(f"《{n}》" for n in self.pending_attachments)
            parts.append(f"附件{names}正在提取文字、尚未完成个人信息检查，请稍后刷新")
        return "；".join(parts) + "。"


@dataclass
class MaskResult:
    body: int = 0
    attachments: dict[str, int] = field(default_factory=dict)
    needs_replacement: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.body + sum(self.attachments.values())


def _extract(attachment: Attachment) -> None:
    """Fill the attachment's text from its current (possibly masked) file."""
    try:
        with attachment.file.open("rb") as handle:
            data = handle.read()
        attachment.text = files.extract_text(extension=attachment.extension, data=data)
        attachment.text_status, attachment.text_error = TextStatus.DONE, ""
    except (files.UnreadableFile, OSError) as exc:
        logger.warning(
            "text extraction failed for attachment %s: %s", attachment.pk, type(exc).__name__
        )
        attachment.text, attachment.text_status = "", TextStatus.FAILED
        attachment.text_error = "无法读取文件中的文字，请人工核对个人信息。"
    attachment.save(update_fields=["text", "text_status", "text_error"])


def current_findings(document: Document) -> list[Located]:
    """Personal information in the body and in every attachment whose text is known."""
    found = [Located(None, f) for f in pii.find_personal_info(body_text(document.body))]
    for attachment in document.attachments.all():
        if attachment.text_status == TextStatus.DONE and attachment.text:
            found += [Located(attachment, f) for f in pii.find_personal_info(attachment.text)]
    return found


def _kept_pool(document: Document) -> Counter:
    kept = document.findings.filter(status=FindingStatus.KEPT)
    return Counter((f.attachment_id, f.kind, f.preview) for f in kept)


def _unkept(document: Document, found: list[Located]) -> list[Located]:
    pool = _kept_pool(document)
    result = []
    for located in found:
        if pool[located.key] > 0:
            pool[located.key] -= 1
        else:
            result.append(located)
    return result


def store_scan(document: Document) -> list[Finding]:
    """Replace the open findings with what a fresh scan finds (kept and masked rows stay)."""
    for attachment in document.attachments.filter(text_status=TextStatus.PENDING):
        if attachment.size <= INLINE_EXTRACT_BYTES:
            _extract(attachment)
    document.findings.filter(status=FindingStatus.OPEN).delete()
    now = timezone.now()
    rows = [
        Finding(
            document=document,
            attachment=located.attachment,
            kind=located.finding.kind,
            start=located.finding.start,
            end=located.finding.end,
            preview=located.preview,
            confidence=located.finding.confidence,
            found_at=now,
        )
        for located in _unkept(document, current_findings(document))
    ]
    return Finding.objects.bulk_create(rows)


def gate(document: Document) -> Gate:
    pending = [a.name for a in document.attachments.all() if a.text_status == TextStatus.PENDING]
    manual = [
        a.name
        for a in document.attachments.all()
        if a.text_status in (TextStatus.FAILED, TextStatus.NOT_TEXT)
    ]
    return Gate(
        open_findings=document.findings.filter(status=FindingStatus.OPEN).count(),
        pending_attachments=pending,
        manual_check=manual,
    )


def check_gate(document: Document, doing: str) -> None:
    """Refuse `doing` while personal information is unresolved, from a fresh scan of the content."""
    result = gate(document)
    fresh = len(_unkept(document, current_findings(document)))
    if fresh > result.open_findings:
        result = Gate(fresh, result.pending_attachments, result.manual_check)
    if result.blocked:
        raise ValidationError(f"不能{doing}：{result.message()}")


@transaction.atomic
def scan_document(*, document: Document, by) -> list[Finding]:
    """Scan again (after an attachment's text arrives, or on request); returns the open findings."""
    org = document.organization
    if not (can(by, Action.EDIT_DOCUMENT, org) or can(by, Action.REVIEW_DOCUMENT, org)):
        raise PermissionDenied("您没有权限执行此操作。")
    document = lock(document)
    return store_scan(document)


def _mask_attachment(attachment: Attachment, open_count: int, result: MaskResult) -> bool:
    """Replace a docx/xlsx by its masked copy, keeping the upload privately; False if impossible."""
    if not attachment.maskable:
        result.needs_replacement.append(attachment.name)
        return False
    with attachment.file.open("rb") as handle:
        data = handle.read()
    try:
        masked, _ = files.masked_copy(extension=attachment.extension, data=data)
    except files.UnreadableFile:
        logger.warning("masking failed for attachment %s", attachment.pk)
        result.needs_replacement.append(attachment.name)
        return False
    if not attachment.original:
        attachment.original.save(attachment.name, ContentFile(data), save=False)
    old_name = attachment.file.name
    attachment.file.save(attachment.name, ContentFile(masked), save=False)
    storage = attachment.file.storage
    transaction.on_commit(lambda: storage.delete(old_name))
    attachment.masked, attachment.size = True, len(masked)
    attachment.sha256 = hashlib.sha256(masked).hexdigest()
    attachment.save(update_fields=["file", "original", "masked", "size", "sha256"])
    _extract(attachment)
    result.attachments[attachment.name] = open_count
    return True


@transaction.atomic
def mask_personal_info(*, document: Document, by) -> MaskResult:
    """去标识化 in one action: the body rewritten, docx/xlsx replaced by masked copies.

    The original files are kept privately for audit. A PDF cannot be rewritten: its findings stay
    open until the editor replaces the file or the reviewer keeps them with a reason.
    """
    document = lock(document)
    if document.status == Status.SUBMITTED:
        require(by, Action.REVIEW_DOCUMENT, document.organization)
    else:
        require(by, Action.EDIT_DOCUMENT, document.organization)
        require_status(document, EDITABLE | {Status.SUBMITTED}, "去标识化")
    result = MaskResult()
    to_mask = _unkept(document, current_findings(document))
    body_findings = [loc.finding for loc in to_mask if loc.attachment is None]
    if body_findings:
        document.body = mask_body(document.body, body_findings)
        document.save(update_fields=["body", "updated_at"])
        result.body = len(body_findings)
    per_attachment = Counter(loc.attachment for loc in to_mask if loc.attachment is not None)
    masked_ids = {None} if body_findings else set()
    for attachment, count in per_attachment.items():
        if _mask_attachment(attachment, count, result):
            masked_ids.add(attachment.pk)
    now = timezone.now()
    open_rows = document.findings.filter(status=FindingStatus.OPEN)
    for row in open_rows:
        if row.attachment_id in masked_ids:
            row.status, row.resolved_by, row.resolved_at = (
                FindingStatus.MASKED,
                user_or_none(by),
                now,
            )
            row.save(update_fields=["status", "resolved_by", "resolved_at"])
    store_scan(document)
    record_event(
        actor=by,
        action="documents.masked",
        target=document,
        organization=document.organization,
        after={
            "body": result.body,
            "attachments": result.attachments,
            "needs_replacement": result.needs_replacement,
        },
    )
    return result


@transaction.atomic
def keep_finding(*, finding: Finding, by, reason: str) -> Finding:
    """The reviewer decides a finding may stay as it is (e.g. a 公示 required by law), with a reason."""
    document = lock(finding.document)
    require(by, Action.REVIEW_DOCUMENT, document.organization)
    require_status(document, {Status.SUBMITTED}, "保留个人信息")
    reason = require_reason(reason, "保留个人信息")
    finding = Finding.objects.select_for_update(of=("self",)).get(pk=finding.pk, document=document)
    if finding.status != FindingStatus.OPEN:
        raise ValidationError("这条检查结果已处理过了。")
    finding.status, finding.reason = FindingStatus.KEPT, reason
    finding.resolved_by, finding.resolved_at = user_or_none(by), timezone.now()
    finding.save(update_fields=["status", "reason", "resolved_by", "resolved_at"])
    record_event(
        actor=by,
        action="documents.finding_kept",
        target=document,
        organization=document.organization,
        after={"finding": finding.pk, "kind": finding.kind, "where": finding.location_label},
        reason=reason,
    )
    return finding


def extract_attachment_text(*, attachment_id: int) -> str:
    """Background work after an upload: read the text, then refresh the document's findings."""
    with transaction.atomic():
        attachment = (
            Attachment.objects.select_for_update(of=("self",))
            .select_related("document")
            .filter(pk=attachment_id)
            .first()
        )
        if attachment is None or attachment.text_status != TextStatus.PENDING:
            return "skipped"
        _extract(attachment)
        document = lock(attachment.document)
        if document.status in EDITABLE | {Status.SUBMITTED}:
            store_scan(document)
        return attachment.text_status

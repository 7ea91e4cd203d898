"""Drafting: create and edit a document, its attachments and its metadata, before it is submitted."""

import logging
from datetime import date

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from gongkai.audit.services import record_event, user_or_none
from gongkai.catalog.models import CatalogItem
from gongkai.documents import files
from gongkai.documents.choices import (
    EDITABLE,
    Disclosure,
    Genre,
    TextStatus,
    Validity,
    WithholdingGround,
)
from gongkai.documents.html import clean_body
from gongkai.documents.models import Attachment, Document, Theme
from gongkai.documents.services._common import (
    audit_value,
    lock,
    public_copy_changed,
    require_status,
)
from gongkai.orgs.access import Action, require
from gongkai.orgs.models import Organization

logger = logging.getLogger(__name__)

TEXT_FIELDS = ("title", "doc_no", "summary")
CHOICE_FIELDS = {
    "genre": Genre,
    "validity": Validity,
    "disclosure": Disclosure,
    "withholding_ground": WithholdingGround,
}
DATE_FIELDS = ("written_on", "changed_on", "effective_on", "invalid_on")
SCALAR_FIELDS = (*TEXT_FIELDS, *CHOICE_FIELDS, *DATE_FIELDS, "theme", "body")
FIELDS = frozenset({*SCALAR_FIELDS, "catalog_items", "interprets"})
MAX_LENGTHS = {"title": 200, "doc_no": 64, "summary": 300}


def clean_fields(organization: Organization, fields: dict, *, document=None) -> dict:
    """Validated values for the given fields; ValidationError keyed by field otherwise."""
    unknown = set(fields) - FIELDS
    if unknown:
        raise ValueError(f"unknown document fields: {sorted(unknown)}")
    errors: dict[str, str] = {}
    values: dict = {}
    for name in TEXT_FIELDS:
        if name in fields:
            values[name] = (fields[name] or "").strip()
            if len(values[name]) > MAX_LENGTHS[name]:
                errors[name] = f"不能超过 {MAX_LENGTHS[name]} 个字符。"
    if "title" in values and not values["title"]:
        errors["title"] = "请填写标题。"
    for name, choices in CHOICE_FIELDS.items():
        if name in fields:
            values[name] = fields[name] or ""
            if values[name] and values[name] not in choices.values:
                errors[name] = "请从列表中选择。"
    for name in DATE_FIELDS:
        if name in fields:
            if fields[name] is not None and not isinstance(fields[name], date):
                errors[name] = "日期格式不正确。"
            values[name] = fields[name]
    if "theme" in fields:
        values["theme"] = _theme(fields["theme"], errors)
    if "body" in fields:
        values["body"] = clean_body(fields["body"] or "")
    if "catalog_items" in fields:
        values["catalog_items"] = _catalog_items(organization, fields["catalog_items"], errors)
    if "interprets" in fields:
        values["interprets"] = _policies(fields["interprets"], document, errors)
    if errors:
        raise ValidationError(errors)
    return values


def _theme(value, errors: dict) -> Theme | None:
    if value in (None, ""):
        return None
    theme = value if isinstance(value, Theme) else Theme.objects.filter(pk=value).first()
    if theme is None or not theme.active:
        errors["theme"] = "请选择启用中的主题分类。"
    return theme


def _catalog_items(organization: Organization, items, errors: dict) -> list[CatalogItem]:
    items = list(items or [])
    if any(
        item.catalog.organization_id != organization.id or item.withdrawn or not item.applicable
        for item in items
    ):
        errors["catalog_items"] = "只能选择本单位目录中适用的事项。"
    return items


def _policies(documents, document, errors: dict) -> list[Document]:
    documents = list(documents or [])
    if any(not d.is_policy for d in documents) or (document and document in documents):
        errors["interprets"] = "只能关联规章或行政规范性文件作为被解读的政策。"
    return documents


def _apply(document: Document, values: dict) -> dict:
    """Set the values on the document; returns {field: (before, after)} of what changed."""
    changed = {}
    for name in SCALAR_FIELDS:
        if name in values and getattr(document, name) != values[name]:
            changed[name] = (getattr(document, name), values[name])
            setattr(document, name, values[name])
    if document.disclosure != Disclosure.WITHHELD and document.withholding_ground:
        changed["withholding_ground"] = (document.withholding_ground, "")
        document.withholding_ground = ""
    return changed


def _set_relations(document: Document, values: dict, changed: dict) -> None:
    for name in ("catalog_items", "interprets"):
        if name in values:
            before = set(getattr(document, name).values_list("pk", flat=True))
            after = {obj.pk for obj in values[name]}
            if before != after:
                getattr(document, name).set(values[name])
                changed[name] = (sorted(before), sorted(after))


def _diff(changed: dict) -> tuple[dict, dict]:
    before = {k: audit_value(v[0]) for k, v in changed.items()}
    after = {k: audit_value(v[1]) for k, v in changed.items()}
    return before, after


@transaction.atomic
def create_document(*, organization: Organization, by, fields: dict) -> Document:
    """A new draft (起草); metadata may be incomplete until it is submitted."""
    require(by, Action.EDIT_DOCUMENT, organization)
    values = clean_fields(organization, {"title": "", **fields})
    document = Document(organization=organization, created_by=user_or_none(by))
    changed = _apply(document, values)
    document.save()
    _set_relations(document, values, changed)
    record_event(
        actor=by,
        action="documents.created",
        target=document,
        organization=organization,
        after=_diff(changed)[1],
    )
    return document


@transaction.atomic
def update_document(*, document: Document, by, changes: dict) -> Document:
    """Edit a draft or a returned document; anything submitted or published is locked."""
    require(by, Action.EDIT_DOCUMENT, document.organization)
    document = lock(document)
    require_status(document, EDITABLE, "修改")
    values = clean_fields(document.organization, changes, document=document)
    changed = _apply(document, values)
    document.save()
    _set_relations(document, values, changed)
    if changed:
        before, after = _diff(changed)
        record_event(
            actor=by,
            action="documents.updated",
            target=document,
            organization=document.organization,
            before=before,
            after=after,
        )
    return document


@transaction.atomic
def add_attachment(*, document: Document, by, name: str, data: bytes) -> Attachment:
    """Attach a checked file; its text is extracted and checked for personal information later."""
    require(by, Action.EDIT_DOCUMENT, document.organization)
    document = lock(document)
    require_status(document, EDITABLE, "添加附件")
    checked = files.check_upload(name=name, data=data)
    position = (document.attachments.aggregate(m=Max("position"))["m"] or 0) + 1
    attachment = Attachment(
        document=document,
        name=checked.name,
        kind=checked.kind,
        extension=checked.extension,
        size=checked.size,
        sha256=checked.sha256,
        position=position,
    )
    attachment.text_status = TextStatus.PENDING if attachment.scannable else TextStatus.NOT_TEXT
    attachment.file.save(checked.name, ContentFile(data), save=False)
    attachment.save()
    record_event(
        actor=by,
        action="documents.attachment_added",
        target=document,
        organization=document.organization,
        after={"attachment": attachment.pk, "name": attachment.name, "size": attachment.size},
    )
    if attachment.scannable:
        transaction.on_commit(lambda: _enqueue_extraction(attachment.pk))
    return attachment


def _enqueue_extraction(attachment_id: int) -> None:
    from gongkai.documents.tasks import extract_attachment_text

    extract_attachment_text.enqueue(attachment_id)


@transaction.atomic
def remove_attachment(*, attachment: Attachment, by) -> None:
    """Remove an attachment from a document that has never been submitted for publication."""
    document = attachment.document
    require(by, Action.EDIT_DOCUMENT, document.organization)
    document = lock(document)
    require_status(document, EDITABLE, "删除附件")
    stored = [f for f in (attachment.file, attachment.original) if f]
    record_event(
        actor=by,
        action="documents.attachment_removed",
        target=document,
        organization=document.organization,
        before={"attachment": attachment.pk, "name": attachment.name},
    )
    attachment.findings.all().delete()
    attachment.delete()
    for field in stored:
        name, storage = field.name, field.storage
        transaction.on_commit(lambda n=name, s=storage: s.delete(n))


@transaction.atomic
def set_validity(
    *, document: Document, by, validity: str, on: date | None, reason: str = ""
) -> Document:
    """有效性 of a published policy changes: it expires (失效) or is repealed (废止), or is valid again."""
    require(by, Action.PUBLISH_DOCUMENT, document.organization)
    document = lock(document)
    if validity not in Validity.values:
        raise ValidationError("请选择有效性。")
    if validity != Validity.VALID and on is None:
        raise ValidationError("失效或废止时必须填写日期。")
    before = {"validity": document.validity, "invalid_on": audit_value(document.invalid_on)}
    document.validity = validity
    document.invalid_on = on if validity != Validity.VALID else None
    document.save(update_fields=["validity", "invalid_on", "updated_at"])
    record_event(
        actor=by,
        action="documents.validity_changed",
        target=document,
        organization=document.organization,
        before=before,
        after={"validity": validity, "invalid_on": audit_value(document.invalid_on)},
        reason=reason.strip(),
    )
    public_copy_changed(document)
    return document


def missing_metadata(document: Document) -> list[str]:
    """What a document still lacks before it can be submitted (一目了然的中文说明)."""
    missing = []
    if not document.title.strip():
        missing.append("标题")
    if document.theme_id is None:
        missing.append("主题分类")
    if not document.genre:
        missing.append("体裁")
    if document.written_on is None:
        missing.append("成文日期")
    if document.disclosure == Disclosure.WITHHELD and not document.withholding_ground:
        missing.append("不予公开的法定依据")
    if not document.catalog_items.exists():
        missing.append("目录事项（至少一个）")
    if not document.body.strip() and not document.attachments.exists():
        missing.append("正文或附件")
    if document.genre == Genre.INTERPRETATION and not document.interprets.exists():
        missing.append("被解读的政策文件")
    if document.validity != Validity.VALID and document.invalid_on is None:
        missing.append("失效/废止日期")
    problems = [f"缺少{item}" for item in missing]
    if document.written_on and document.written_on > timezone.localdate():
        problems.append("成文日期不能晚于今天")
    return problems

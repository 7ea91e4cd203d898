"""The reply: the information provided, the decision with its legal basis and letter, delivery."""

import uuid
from pathlib import PurePath

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from gongkai.info_requests.letters import build_reply_letter
from gongkai.info_requests.models import Correction, InfoRequest, Message, ReplyFile, Status
from gongkai.info_requests.services._common import (
    audit,
    check_day,
    cn,
    locked,
    post,
    refuse,
    state,
    today,
)
from gongkai.orgs.access import Action, require
from gongkai.rules.request_results import default_basis, result_type

_ZIP = (b"PK\x03\x04",)
_OLE = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)
# What may be provided to an applicant, by extension: the leading bytes it must start with.
FILE_TYPES: dict[str, tuple[str, tuple[bytes, ...]]] = {
    ".pdf": ("application/pdf", (b"%PDF-",)),
    ".ofd": ("application/ofd", _ZIP),
    ".docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", _ZIP),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", _ZIP),
    ".doc": ("application/msword", _OLE),
    ".xls": ("application/vnd.ms-excel", _OLE),
    ".jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    ".zip": ("application/zip", _ZIP),
}


def _checked_upload(upload) -> tuple[str, str]:
    name = PurePath(upload.name or "").name.strip()
    suffix = PurePath(name).suffix.lower()
    if suffix not in FILE_TYPES:
        refuse("只能上传 PDF、OFD、Word、Excel、JPG、PNG 或 ZIP 文件。")
    if upload.size > settings.UPLOAD_MAX_BYTES:
        refuse(f"文件不能超过 {settings.UPLOAD_MAX_BYTES // (1024 * 1024)} MB。")
    if upload.size == 0:
        refuse("文件是空的。")
    content_type, magic = FILE_TYPES[suffix]
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if not any(head.startswith(m) for m in magic):
        refuse(f"文件内容与扩展名 {suffix} 不符，请检查后重新上传。")
    return name[:200], content_type


@transaction.atomic
def attach_file(*, info_request: InfoRequest, by, upload) -> ReplyFile:
    """Information to be provided with the reply; only before the reply is issued."""
    require(by, Action.HANDLE_REQUEST, info_request.organization)
    info_request = locked(info_request)
    if info_request.status == Status.REPLIED:
        refuse("已答复的申请不能再添加附件。")
    name, content_type = _checked_upload(upload)
    stored = ReplyFile(
        request=info_request,
        name=name,
        size=upload.size,
        content_type=content_type,
        uploaded_by=by if getattr(by, "pk", None) else None,
        uploaded_at=timezone.now(),
    )
    stored.file.save(f"{uuid.uuid4().hex}{PurePath(name).suffix.lower()}", upload, save=False)
    stored.save()
    audit(info_request, by=by, action="file_attached", reason=f"附件 {stored.pk}")
    return stored


@transaction.atomic
def remove_file(*, reply_file: ReplyFile, by) -> None:
    info_request = locked(reply_file.request)
    require(by, Action.HANDLE_REQUEST, info_request.organization)
    if info_request.status == Status.REPLIED:
        refuse("已答复的申请不能再删除附件。")
    reply_file.delete()
    audit(info_request, by=by, action="file_removed", reason=f"附件 {reply_file.pk}")


def _check_result(info_request: InfoRequest, key: str, correction: Correction | None, on) -> None:
    if info_request.status == Status.REPLIED:
        refuse("该申请已答复办结。")
    if key == "other_no_correction":
        if info_request.status != Status.AWAITING_CORRECTION:
            refuse("只有告知补正后申请人逾期未补正的，才能作出“逾期不补正、不再处理”的决定。")
        if on <= correction.correct_by:
            refuse(f"补正期限至{cn(correction.correct_by)}，期限届满前不能作出不再处理的决定。")
    elif info_request.status == Status.AWAITING_CORRECTION:
        refuse("申请人尚未补正，请等待补正或在补正期限届满后作出“逾期不补正”的决定。")
    if key == "unable_unclear" and (correction is None or correction.received_on is None):
        refuse("只有经过补正的申请，才能以“补正后申请内容仍不明确”答复。")


@transaction.atomic
def decide(
    *,
    info_request: InfoRequest,
    by,
    result: str,
    reply_text: str,
    basis: str = "",
    referred_to: str = "",
    replied_on=None,
) -> InfoRequest:
    """Decide with one of the result types of the annual report, and issue the reply letter."""
    require(by, Action.HANDLE_REQUEST, info_request.organization)
    info_request = locked(info_request)
    try:
        kind = result_type(result)
    except ValueError as exc:
        refuse(f"{exc}。")
    replied_on = replied_on or today()
    correction = Correction.objects.filter(request=info_request).first()
    _check_result(info_request, kind.key, correction, replied_on)
    check_day(
        replied_on,
        label="答复日期",
        not_before=info_request.received_on,
        before_label="收到申请日期",
    )
    reply_text, referred_to = reply_text.strip(), referred_to.strip()
    basis = basis.strip() or default_basis(kind.key, referred=bool(referred_to))
    if not basis:
        refuse("请填写作出该决定的法律依据。")
    if kind.needs_reasons and not reply_text:
        refuse(f"“{kind.short}”须在答复中说明理由。")
    if kind.provides_information and not reply_text and not info_request.files.exists():
        refuse("请上传提供的政府信息，或在答复意见中告知获取的方式、途径。")
    before = state(info_request)
    info_request.result = kind.key
    info_request.basis = basis
    info_request.reply_text = reply_text
    info_request.referred_to = referred_to
    info_request.replied_on = replied_on
    info_request.status = Status.REPLIED
    info_request.save()
    names = list(info_request.files.values_list("name", flat=True))
    content = build_reply_letter(info_request, file_names=names)
    info_request.letter.save(f"{uuid.uuid4().hex}.docx", ContentFile(content), save=False)
    info_request.save(update_fields=["letter", "updated_at"])
    post(
        info_request,
        sender=Message.Sender.STAFF,
        kind=Message.Kind.REPLY,
        by=by,
        body=f"本机关已于{cn(replied_on)}作出答复：{kind.short}。请查看并下载答复书。",
    )
    late = info_request.due_on is not None and replied_on > info_request.due_on
    audit(
        info_request,
        by=by,
        action="decided",
        before=before,
        reason=f"逾期答复（期限{cn(info_request.due_on)}）" if late else "",
    )
    return info_request


@transaction.atomic
def record_delivery(*, info_request: InfoRequest, by, delivered_on, note: str = "") -> InfoRequest:
    """The day the reply reached the applicant (送达), with how it was delivered."""
    require(by, Action.HANDLE_REQUEST, info_request.organization)
    info_request = locked(info_request)
    if info_request.status != Status.REPLIED:
        refuse("答复作出后才能登记送达。")
    check_day(
        delivered_on, label="送达日期", not_before=info_request.replied_on, before_label="答复日期"
    )
    before = state(info_request)
    info_request.delivered_on = delivered_on
    info_request.delivery_note = note.strip()[:200]
    info_request.save()
    audit(info_request, by=by, action="delivered", before=before)
    return info_request

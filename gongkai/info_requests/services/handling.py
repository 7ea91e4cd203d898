"""Handling steps between receipt and reply: assignment, 补正, third parties, extension, messages.

Each step re-reads the request under a lock, checks its state, recomputes the legal clock
where the step moves it, writes one audit row, all in one transaction.
"""

from datetime import date

from django.contrib.auth import get_user_model
from django.db import transaction

from gongkai.info_requests.deadlines import apply_deadline, current_calendar
from gongkai.info_requests.models import (
    Correction,
    Extension,
    InfoRequest,
    Message,
    Status,
    ThirdPartyConsultation,
)
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
from gongkai.info_requests.services.intake import token_hash
from gongkai.orgs.access import Action, can, require
from gongkai.rules.request_deadline import (
    CORRECTION_NOTICE_WORKDAYS,
    MAX_EXTENSION_WORKDAYS,
)
from gongkai.rules.workdays import add_workdays


def _require_open(info_request: InfoRequest) -> None:
    if info_request.status == Status.REPLIED:
        refuse("该申请已答复办结，不能再办理此步骤。")


@transaction.atomic
def assign_handler(*, info_request: InfoRequest, by, handler) -> InfoRequest:
    require(by, Action.HANDLE_REQUEST, info_request.organization)
    info_request = locked(info_request)
    _require_open(info_request)
    if not can(handler, Action.HANDLE_REQUEST, info_request.organization):
        refuse("承办人必须是本机关有权办理依申请公开的工作人员。")
    before = state(info_request)
    info_request.handler = handler
    if info_request.status == Status.NEW:
        info_request.status = Status.HANDLING
    info_request.save()
    audit(info_request, by=by, action="assigned", before=before)
    return info_request


def default_correct_by(requested_on: date) -> date:
    """A reasonable period for the applicant to correct: 15 working days (第三十条 合理的补正期限)."""
    return add_workdays(requested_on, 15, calendar=current_calendar()).day


@transaction.atomic
def request_correction(
    *,
    info_request: InfoRequest,
    by,
    items: str,
    requested_on: date | None = None,
    correct_by: date | None = None,
) -> Correction:
    """告知补正: once, stating what to correct and by when (第三十条); the clock stops."""
    require(by, Action.HANDLE_REQUEST, info_request.organization)
    info_request = locked(info_request)
    _require_open(info_request)
    if Correction.objects.filter(request=info_request).exists():
        refuse("补正只能一次性告知（《政府信息公开条例》第三十条），本申请已告知过补正。")
    items = items.strip()
    if not items:
        refuse("请写明需要补正的事项。")
    requested_on = requested_on or today()
    check_day(
        requested_on,
        label="告知补正日期",
        not_before=info_request.received_on,
        before_label="收到申请日期",
    )
    correct_by = correct_by or default_correct_by(requested_on)
    if correct_by <= requested_on:
        refuse("补正期限应晚于告知补正日期。")
    before = state(info_request)
    correction = Correction.objects.create(
        request=info_request,
        requested_on=requested_on,
        items=items,
        correct_by=correct_by,
        requested_by=by if getattr(by, "pk", None) else None,
        original_description=info_request.description,
    )
    info_request.status = Status.AWAITING_CORRECTION
    apply_deadline(info_request)
    info_request.save()
    post(
        info_request,
        sender=Message.Sender.STAFF,
        kind=Message.Kind.CORRECTION_REQUEST,
        by=by,
        body=(
            f"您的申请内容不够明确，请于{cn(correct_by)}前补正。需补正的事项：{items}\n"
            "答复期限自本机关收到补正后的申请之日起重新计算；"
            "无正当理由逾期不补正的，视为放弃申请（《政府信息公开条例》第三十条）。"
        ),
    )
    limit = add_workdays(
        info_request.received_on, CORRECTION_NOTICE_WORKDAYS, calendar=current_calendar()
    ).day
    reason = "" if requested_on <= limit else f"补正告知晚于7个工作日期限（{cn(limit)}）"
    audit(info_request, by=by, action="correction_requested", before=before, reason=reason)
    return correction


def _apply_correction(info_request: InfoRequest, *, description: str, received_on: date, by):
    if info_request.status != Status.AWAITING_CORRECTION:
        refuse("该申请当前不在待补正状态。")
    description = description.strip()
    if not description:
        refuse("请填写补正后的所需信息内容描述。")
    correction = info_request.correction
    check_day(
        received_on,
        label="收到补正申请日期",
        not_before=correction.requested_on,
        before_label="告知补正日期",
    )
    before = state(info_request)
    correction.received_on = received_on
    correction.corrected_description = description
    correction.save()
    info_request.description = description
    info_request.status = Status.HANDLING if info_request.handler_id else Status.NEW
    apply_deadline(info_request)
    info_request.save()
    post(
        info_request,
        sender=Message.Sender.APPLICANT,
        kind=Message.Kind.CORRECTION,
        body=description,
        by=by,
    )
    due = f"答复期限重新计算至{cn(info_request.due_on)}。" if info_request.due_on else ""
    post(
        info_request,
        sender=Message.Sender.STAFF,
        kind=Message.Kind.MESSAGE,
        body=f"本机关已于{cn(received_on)}收到您补正后的申请，{due}",
    )
    audit(info_request, by=by, action="corrected", before=before)
    return info_request


@transaction.atomic
def submit_correction(*, token: str, description: str, by=None) -> InfoRequest:
    """The applicant corrects through the private link; received the day it is sent."""
    info_request = (
        InfoRequest.objects.select_for_update(of=("self",))
        .select_related("organization")
        .filter(token_hash=token_hash(token))
        .first()
    )
    if info_request is None:
        refuse("查询链接无效。")
    return _apply_correction(info_request, description=description, received_on=today(), by=by)


@transaction.atomic
def record_correction(
    *, info_request: InfoRequest, by, description: str, received_on: date
) -> InfoRequest:
    """Staff record a corrected application received on paper, by post, fax or e-mail."""
    require(by, Action.HANDLE_REQUEST, info_request.organization)
    info_request = locked(info_request)
    return _apply_correction(info_request, description=description, received_on=received_on, by=by)


@transaction.atomic
def start_consultation(
    *, info_request: InfoRequest, by, third_party: str, sent_on: date
) -> ThirdPartyConsultation:
    """书面征求第三方意见 (第三十二条): the time it takes is not counted (第三十三条第三款)."""
    require(by, Action.HANDLE_REQUEST, info_request.organization)
    info_request = locked(info_request)
    _require_open(info_request)
    if info_request.status == Status.AWAITING_CORRECTION:
        refuse("申请人尚未补正，暂不能征求第三方意见。")
    third_party = third_party.strip()
    if not third_party:
        refuse("请填写被征求意见的第三方。")
    check_day(
        sent_on,
        label="征求意见日期",
        not_before=info_request.received_on,
        before_label="收到申请日期",
    )
    before = state(info_request)
    consultation = ThirdPartyConsultation.objects.create(
        request=info_request,
        third_party=third_party,
        sent_on=sent_on,
        recorded_by=by if getattr(by, "pk", None) else None,
    )
    apply_deadline(info_request)
    info_request.save()
    audit(info_request, by=by, action="consultation_started", before=before)
    return consultation


@transaction.atomic
def record_consultation_answer(
    *,
    consultation: ThirdPartyConsultation,
    by,
    answered_on: date,
    opinion: str,
    note: str = "",
) -> ThirdPartyConsultation:
    info_request = locked(consultation.request)
    require(by, Action.HANDLE_REQUEST, info_request.organization)
    _require_open(info_request)
    consultation = ThirdPartyConsultation.objects.select_for_update(of=("self",)).get(
        pk=consultation.pk
    )
    if consultation.answered_on is not None:
        refuse("该第三方意见已登记。")
    if opinion not in ThirdPartyConsultation.Opinion.values:
        refuse("请选择第三方意见。")
    check_day(
        answered_on,
        label="收到第三方意见日期",
        not_before=consultation.sent_on,
        before_label="征求意见日期",
    )
    before = state(info_request)
    consultation.answered_on = answered_on
    consultation.opinion = opinion
    consultation.note = note.strip()
    consultation.save()
    apply_deadline(info_request)
    info_request.save()
    audit(info_request, by=by, action="consultation_answered", before=before)
    return consultation


@transaction.atomic
def approve_extension(
    *,
    info_request: InfoRequest,
    by,
    reason: str,
    days: int = MAX_EXTENSION_WORKDAYS,
    approved_on: date | None = None,
) -> Extension:
    """延期: approved by the head of the disclosure office and told to the applicant (第三十三条第二款)."""
    require(by, Action.APPROVE_EXTENSION, info_request.organization)
    info_request = locked(info_request)
    _require_open(info_request)
    if Extension.objects.filter(request=info_request).exists():
        refuse("答复期限已延长过一次，不能再次延长。")
    if info_request.due_on is None:
        refuse("申请人尚未补正，答复期限尚未起算，不能延期。")
    reason = reason.strip()
    if not reason:
        refuse("请填写延期理由。")
    if not 1 <= days <= MAX_EXTENSION_WORKDAYS:
        refuse("延长答复期限最长不超过20个工作日（《政府信息公开条例》第三十三条第二款）。")
    approved_on = approved_on or today()
    check_day(
        approved_on,
        label="批准延期日期",
        not_before=info_request.received_on,
        before_label="收到申请日期",
    )
    if approved_on > info_request.due_on:
        refuse(f"答复期限已于{cn(info_request.due_on)}届满，不能再延期。")
    before = state(info_request)
    extension = Extension.objects.create(
        request=info_request,
        days=days,
        reason=reason,
        approved_by=by if getattr(by, "pk", None) else None,
        approver_label=by.get_username(),
        approved_on=approved_on,
    )
    apply_deadline(info_request)
    info_request.save()
    post(
        info_request,
        sender=Message.Sender.STAFF,
        kind=Message.Kind.EXTENSION,
        by=by,
        body=(
            f"经本机关政府信息公开工作机构负责人同意，答复期限延长{days}个工作日，"
            f"至{cn(info_request.due_on)}。延期理由：{reason}"
        ),
    )
    audit(info_request, by=by, action="extended", before=before, reason=reason)
    return extension


@transaction.atomic
def post_staff_message(*, info_request: InfoRequest, by, body: str) -> Message:
    require(by, Action.HANDLE_REQUEST, info_request.organization)
    body = body.strip()
    if not body:
        refuse("请填写留言内容。")
    message = post(
        info_request, sender=Message.Sender.STAFF, kind=Message.Kind.MESSAGE, body=body, by=by
    )
    audit(info_request, by=by, action="message_posted")
    return message


@transaction.atomic
def post_applicant_message(*, token: str, body: str, by=None) -> Message:
    info_request = InfoRequest.objects.filter(token_hash=token_hash(token)).first()
    if info_request is None:
        refuse("查询链接无效。")
    body = body.strip()
    if not body:
        refuse("请填写留言内容。")
    if len(body) > 2000:
        refuse("留言不能超过2000字。")
    message = post(
        info_request, sender=Message.Sender.APPLICANT, kind=Message.Kind.MESSAGE, body=body
    )
    audit(info_request, by=by, action="applicant_message_posted")
    return message


def handlers_for(organization):
    """Accounts that may be assigned requests of the organization."""
    users = (
        get_user_model()
        .objects.filter(memberships__organization=organization, is_active=True)
        .distinct()
    )
    return [u for u in users.order_by("username") if can(u, Action.HANDLE_REQUEST, organization)]

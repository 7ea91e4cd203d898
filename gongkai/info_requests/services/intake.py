"""Intake: online applications from citizens and applications staff register (第二十九条, 第三十一条)."""

import hashlib
import re
import secrets
from dataclasses import dataclass, fields
from datetime import date

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils.crypto import salted_hmac

from gongkai.info_requests.deadlines import apply_deadline, legal_receipt_date
from gongkai.info_requests.models import (
    Delivery,
    InfoRequest,
    Medium,
    Message,
    RequestCounter,
    Status,
)
from gongkai.info_requests.services._common import audit, cn, logger, post, refuse, today
from gongkai.orgs.access import Action, require
from gongkai.orgs.models import Organization
from gongkai.rules.request_deadline import Channel
from gongkai.rules.request_results import ApplicantType

_PHONE = re.compile(r"^\+?[\d\s()（）-]{7,24}$")


@dataclass
class ApplicantData:
    """The contents of an application under 第二十九条."""

    applicant_type: str
    applicant_name: str
    description: str
    medium: str
    delivery: str
    phone: str = ""
    email: str = ""
    address: str = ""
    contact_person: str = ""
    id_document: str = ""

    def cleaned(self) -> "ApplicantData":
        return ApplicantData(**{f.name: getattr(self, f.name).strip() for f in fields(self)})


def applicant_problems(data: ApplicantData) -> dict[str, str]:
    """What is missing or wrong in an application, by field, in words the form shows."""
    data = data.cleaned()
    problems: dict[str, str] = {}
    if data.applicant_type not in set(ApplicantType):
        problems["applicant_type"] = "请选择申请人类型。"
    if not data.applicant_name:
        problems["applicant_name"] = (
            "请填写法人或其他组织的名称。"
            if data.applicant_type in set(ApplicantType) - {ApplicantType.NATURAL_PERSON}
            else "请填写申请人姓名。"
        )
    if not data.description:
        problems["description"] = "请描述您需要的政府信息（名称、文号或便于查询的其他特征）。"
    if not data.phone and not data.email:
        problems["phone"] = "请至少填写一种联系方式（联系电话或电子邮箱）。"
    elif data.phone and not _PHONE.match(data.phone):
        problems["phone"] = "联系电话格式不正确。"
    if data.medium not in Medium.values:
        problems["medium"] = "请选择所需信息的载体形式。"
    if data.delivery not in Delivery.values:
        problems["delivery"] = "请选择获取信息的方式。"
    elif data.delivery == Delivery.POST and not data.address:
        problems["address"] = "选择邮寄方式时，请填写通信地址。"
    elif data.delivery == Delivery.EMAIL and not data.email:
        problems["email"] = "选择电子邮件方式时，请填写电子邮箱。"
    return problems


def _check(data: ApplicantData) -> ApplicantData:
    data = data.cleaned()
    problems = applicant_problems(data)
    if problems:
        refuse("申请内容不完整：" + "".join(problems.values()))
    return data


def _applicant_key(data: ApplicantData) -> str:
    """A keyed hash that groups one applicant's requests (第三十五条) without storing more data."""
    contact = re.sub(r"\D", "", data.phone) or data.email.lower() or data.applicant_name
    return salted_hmac("gongkai.info_requests.applicant", contact).hexdigest()


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _next_number(organization: Organization, year: int) -> tuple[int, str]:
    counter, _ = RequestCounter.objects.select_for_update(of=("self",)).get_or_create(
        organization=organization, year=year
    )
    counter.last += 1
    counter.save(update_fields=["last"])
    return counter.last, f"YSQ-{organization.code}-{year}-{counter.last:05d}"


def _create(
    *, organization, data: ApplicantData, channel: Channel, submitted_on, received_on, by
) -> tuple[InfoRequest, str]:
    token = secrets.token_urlsafe(24)
    sequence, number = _next_number(organization, received_on.year)
    info_request = InfoRequest(
        organization=organization,
        number=number,
        year=received_on.year,
        sequence=sequence,
        token_hash=token_hash(token),
        channel=channel,
        submitted_on=submitted_on,
        received_on=received_on,
        applicant_key=_applicant_key(data),
        status=Status.NEW,
        created_by=by if getattr(by, "pk", None) else None,
        **{f.name: getattr(data, f.name) for f in fields(data)},
    )
    apply_deadline(info_request)
    info_request.save()
    due = f"，本机关将于{cn(info_request.due_on)}前作出答复" if info_request.due_on else ""
    post(
        info_request,
        sender=Message.Sender.STAFF,
        kind=Message.Kind.RECEIPT,
        body=f"{organization.name}已于{cn(received_on)}收到您的申请，申请编号{number}{due}。",
    )
    return info_request, token


def applicant_link(token: str) -> str:
    return settings.SITE_URL + reverse("info_requests_public:track", args=[token])


def _mail_receipt(info_request: InfoRequest, token: str) -> None:
    if not info_request.email:
        return
    subject = f"政府信息公开申请已收到（{info_request.number}）"
    body = (
        f"{info_request.organization.name}已收到您的政府信息公开申请，申请编号{info_request.number}。\n"
        f"请妥善保存以下查询链接，凭此链接查看办理进度、补正申请和下载答复：\n{applicant_link(token)}\n"
    )
    recipient = info_request.email
    pk = info_request.pk
    transaction.on_commit(lambda: _send(subject, body, recipient, pk))


def _send(subject: str, body: str, recipient: str, pk: int) -> None:
    try:
        send_mail(subject, body, None, [recipient])
    except OSError:
        logger.warning("request %s: applicant mail not sent", pk)


@transaction.atomic
def submit_online(
    *, organization: Organization, data: ApplicantData, by=None
) -> tuple[InfoRequest, str]:
    """A citizen's online application; the platform confirms receipt at once (第三十一条)."""
    data = _check(data)
    day = today()
    info_request, token = _create(
        organization=organization,
        data=data,
        channel=Channel.ONLINE,
        submitted_on=day,
        received_on=day,
        by=by,
    )
    audit(info_request, by=by, action="submitted")
    _mail_receipt(info_request, token)
    return info_request, token


@transaction.atomic
def register_application(
    *,
    organization: Organization,
    by,
    data: ApplicantData,
    channel: str,
    submitted_on: date,
    signed_for: date | None = None,
    confirmed: date | None = None,
    notify_applicant: bool = True,
) -> tuple[InfoRequest, str]:
    """An application received in person, by post, fax or e-mail, registered by staff;
    the applicant's e-mail, if any, gets the private link unless ``notify_applicant`` is off."""
    require(by, Action.HANDLE_REQUEST, organization)
    data = _check(data)
    if channel not in set(Channel):
        refuse("请选择申请的提交方式。")
    if submitted_on > today():
        refuse("申请日期（落款或寄出日期）不能晚于今天。")
    try:
        received_on = legal_receipt_date(
            channel=channel, submitted=submitted_on, signed_for=signed_for, confirmed=confirmed
        )
    except ValueError as exc:
        refuse(f"{exc}。")
    if received_on > today():
        refuse("收到申请日期不能晚于今天。")
    info_request, token = _create(
        organization=organization,
        data=data,
        channel=Channel(channel),
        submitted_on=submitted_on,
        received_on=received_on,
        by=by,
    )
    audit(info_request, by=by, action="registered")
    if notify_applicant:
        _mail_receipt(info_request, token)
    return info_request, token


@transaction.atomic
def reissue_link(*, info_request: InfoRequest, by) -> str:
    """A new private link for an applicant who lost theirs; the old one stops working."""
    require(by, Action.HANDLE_REQUEST, info_request.organization)
    token = secrets.token_urlsafe(24)
    info_request.token_hash = token_hash(token)
    info_request.save(update_fields=["token_hash", "updated_at"])
    audit(info_request, by=by, action="link_reissued")
    return token

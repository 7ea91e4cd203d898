"""建议提案办理结果 and the 公众参与事项清单."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max

from gongkai.audit.services import record_event, user_or_none
from gongkai.orgs.access import Action, require
from gongkai.orgs.models import Organization
from gongkai.participation import clock
from gongkai.participation.models import (
    EventKind,
    ParticipationItem,
    Proposal,
    ProposalDisclosure,
    ProposalKind,
    ProposalStatus,
)

# 公开征求意见 is a method of its own on the list, beside the kinds of participation events.
PARTICIPATION_METHODS = ("公开征求意见", *EventKind.labels)


@transaction.atomic
def register_proposal(
    *,
    organization: Organization,
    by,
    kind: str,
    year: int,
    session: str,
    number: str,
    title: str,
    summary: str,
    assigned_on: date,
    proposer: str = "",
) -> Proposal:
    """A 建议 or 提案 assigned to the organization as 主办单位."""
    require(by, Action.HANDLE_PARTICIPATION, organization)
    errors = {}
    if kind not in ProposalKind.values:
        errors["kind"] = "请选择人大代表建议或政协提案。"
    for field, value, label in (
        ("session", session, "会议届次"),
        ("number", number, "编号"),
        ("title", title, "标题"),
        ("summary", summary, "内容概要"),
    ):
        if not value.strip():
            errors[field] = f"请填写{label}。"
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            proposal = Proposal.objects.create(
                organization=organization,
                kind=kind,
                year=year,
                session=session.strip(),
                number=number.strip(),
                title=title.strip(),
                summary=summary.strip(),
                proposer=proposer.strip(),
                assigned_on=assigned_on,
                created_by=user_or_none(by),
            )
    except IntegrityError:
        raise ValidationError({"number": "本单位已登记过该会议的同一编号。"}) from None
    record_event(
        actor=by,
        action="participation.proposal_registered",
        target=proposal,
        organization=organization,
    )
    return proposal


@transaction.atomic
def reply_proposal(
    *,
    proposal: Proposal,
    by,
    reply: str,
    replied_on: date,
    disclosure: str = ProposalDisclosure.FULL,
    reply_summary: str = "",
    withheld_reason: str = "",
) -> Proposal:
    """Record the reply and how it will be disclosed: in full by default."""
    require(by, Action.HANDLE_PARTICIPATION, proposal.organization)
    proposal = Proposal.objects.select_for_update(of=("self",)).get(pk=proposal.pk)
    if proposal.status == ProposalStatus.PUBLISHED:
        raise ValidationError("答复已公开，不能再修改。")
    errors = {}
    if not reply.strip():
        errors["reply"] = "请填写答复全文。"
    if disclosure not in ProposalDisclosure.values:
        errors["disclosure"] = "请选择公开方式。"
    elif disclosure == ProposalDisclosure.SUMMARY and not reply_summary.strip():
        errors["reply_summary"] = "摘要公开的，请填写答复摘要。"
    elif disclosure == ProposalDisclosure.WITHHELD and not withheld_reason.strip():
        errors["withheld_reason"] = "不公开答复的，请说明理由。"
    if replied_on > clock.today():
        errors["replied_on"] = "答复日期不能晚于今天。"
    elif replied_on < proposal.assigned_on:
        errors["replied_on"] = "答复日期不能早于交办日期。"
    if errors:
        raise ValidationError(errors)
    proposal.reply = reply.strip()
    proposal.replied_on = replied_on
    proposal.disclosure = disclosure
    proposal.reply_summary = reply_summary.strip()
    proposal.withheld_reason = withheld_reason.strip()
    proposal.status = ProposalStatus.REPLIED
    proposal.save()
    record_event(
        actor=by,
        action="participation.proposal_replied",
        target=proposal,
        organization=proposal.organization,
        after={"disclosure": disclosure},
        reason=proposal.withheld_reason,
    )
    return proposal


@transaction.atomic
def publish_proposal(*, proposal: Proposal, by) -> Proposal:
    """Put the reply in the portal's 建议提案办理结果 column, titled with its 内容概要."""
    require(by, Action.HANDLE_PARTICIPATION, proposal.organization)
    proposal = Proposal.objects.select_for_update(of=("self",)).get(pk=proposal.pk)
    if proposal.status != ProposalStatus.REPLIED:
        raise ValidationError("请先录入答复，再公开。")
    if proposal.disclosure == ProposalDisclosure.WITHHELD:
        raise ValidationError(f"该答复确定不公开（{proposal.withheld_reason}）。")
    proposal.status = ProposalStatus.PUBLISHED
    proposal.published_at = clock.now()
    proposal.save(update_fields=["status", "published_at"])
    record_event(
        actor=by,
        action="participation.proposal_published",
        target=proposal,
        organization=proposal.organization,
        after={"disclosure": proposal.disclosure},
    )
    return proposal


@transaction.atomic
def add_participation_item(
    *,
    organization: Organization,
    by,
    year: int,
    title: str,
    scope: str,
    methods: list[str],
    planned: str = "",
    note: str = "",
) -> ParticipationItem:
    """One decision for the organization's 公众参与事项清单 (unpublished until the list is)."""
    require(by, Action.HANDLE_PARTICIPATION, organization)
    errors = {}
    if not title.strip():
        errors["title"] = "请填写决策事项名称。"
    if not scope.strip():
        errors["scope"] = "请填写参与范围。"
    chosen = [m for m in PARTICIPATION_METHODS if m in methods]
    if not chosen:
        errors["methods"] = "请至少选择一种参与方式。"
    if errors:
        raise ValidationError(errors)
    position = (
        ParticipationItem.objects.filter(organization=organization, year=year).aggregate(
            m=Max("position")
        )["m"]
        or 0
    ) + 1
    item = ParticipationItem.objects.create(
        organization=organization,
        year=year,
        title=title.strip(),
        scope=scope.strip(),
        methods=chosen,
        planned=planned.strip(),
        note=note.strip(),
        position=position,
        created_by=user_or_none(by),
    )
    record_event(
        actor=by,
        action="participation.list_item_added",
        target=item,
        organization=organization,
        after={"year": year, "methods": chosen},
    )
    return item


@transaction.atomic
def publish_participation_items(*, organization: Organization, year: int, by) -> int:
    """Publish the year's list: every item not yet public becomes public today."""
    require(by, Action.HANDLE_PARTICIPATION, organization)
    pending = ParticipationItem.objects.filter(
        organization=organization, year=year, published_at__isnull=True, withdrawn=False
    )
    count = pending.update(published_at=clock.now())
    if not count:
        raise ValidationError("没有待公布的事项。")
    record_event(
        actor=by,
        action="participation.list_published",
        target=organization,
        organization=organization,
        after={"year": year, "items": count},
    )
    return count


@transaction.atomic
def withdraw_participation_item(*, item: ParticipationItem, by, reason: str) -> ParticipationItem:
    require(by, Action.HANDLE_PARTICIPATION, item.organization)
    if not reason.strip():
        raise ValidationError({"reason": "请填写撤销理由。"})
    item.withdrawn = True
    item.withdrawal_reason = reason.strip()[:200]
    item.save(update_fields=["withdrawn", "withdrawal_reason"])
    record_event(
        actor=by,
        action="participation.list_item_withdrawn",
        target=item,
        organization=item.organization,
        reason=item.withdrawal_reason,
    )
    return item

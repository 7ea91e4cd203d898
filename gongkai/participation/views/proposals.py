"""Staff pages of 建议提案办理结果 and the 公众参与事项清单."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from gongkai.orgs.access import Action, can, require
from gongkai.orgs.models import Organization
from gongkai.participation import clock
from gongkai.participation.access import require_view, visible_organizations
from gongkai.participation.forms import (
    ParticipationItemForm,
    ProposalForm,
    ReplyForm,
    WithdrawForm,
    apply_errors,
)
from gongkai.participation.models import ParticipationItem, Proposal
from gongkai.participation.services import proposals as services
from gongkai.participation.views.common import handled_choices, organization_for_new, refuse


@login_required
def proposal_list(request):
    proposals = Proposal.objects.filter(
        organization__in=visible_organizations(request.user)
    ).select_related("organization")[:300]
    return render(
        request,
        "participation/proposal_list.html",
        {"proposals": proposals, "handled": handled_choices(request)},
    )


@login_required
def proposal_new(request, code: str):
    organization = organization_for_new(request, code)
    form = ProposalForm(request.POST or None, initial={"year": clock.today().year})
    if request.method == "POST" and form.is_valid():
        try:
            proposal = services.register_proposal(
                organization=organization, by=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, "已登记。")
            return redirect("participation:proposal", proposal.pk)
    return render(
        request, "participation/proposal_form.html", {"form": form, "organization": organization}
    )


def _proposal(request, pk: int) -> Proposal:
    proposal = get_object_or_404(Proposal.objects.select_related("organization"), pk=pk)
    require_view(request.user, proposal.organization)
    return proposal


def _proposal_context(request, proposal: Proposal, form=None) -> dict:
    initial = {
        "reply": proposal.reply,
        "replied_on": proposal.replied_on or clock.today(),
        "disclosure": proposal.disclosure,
        "reply_summary": proposal.reply_summary,
        "withheld_reason": proposal.withheld_reason,
    }
    return {
        "proposal": proposal,
        "can_handle": can(request.user, Action.HANDLE_PARTICIPATION, proposal.organization),
        "reply_form": form or ReplyForm(initial=initial),
    }


@login_required
def proposal_detail(request, pk: int):
    proposal = _proposal(request, pk)
    return render(
        request, "participation/proposal_detail.html", _proposal_context(request, proposal)
    )


@login_required
@require_POST
def proposal_reply(request, pk: int):
    proposal = _proposal(request, pk)
    form = ReplyForm(request.POST)
    if form.is_valid():
        try:
            services.reply_proposal(proposal=proposal, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, "答复已保存。")
            return redirect("participation:proposal", pk)
    context = _proposal_context(request, proposal, form)
    return render(request, "participation/proposal_detail.html", context)


@login_required
@require_POST
def proposal_publish(request, pk: int):
    proposal = _proposal(request, pk)
    try:
        services.publish_proposal(proposal=proposal, by=request.user)
    except ValidationError as exc:
        return refuse(request, exc, "participation:proposal", pk)
    messages.success(request, "答复已在“建议提案办理结果”栏目公开。")
    return redirect("participation:proposal", pk)


@login_required
def item_list(request, code: str):
    organization = get_object_or_404(Organization, code=code)
    require_view(request.user, organization)
    can_handle = can(request.user, Action.HANDLE_PARTICIPATION, organization)
    form = ParticipationItemForm(request.POST or None, initial={"year": clock.today().year})
    if request.method == "POST":
        require(request.user, Action.HANDLE_PARTICIPATION, organization)
        if form.is_valid():
            try:
                services.add_participation_item(
                    organization=organization, by=request.user, **form.cleaned_data
                )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, "事项已加入清单（尚未公布）。")
                return redirect("participation:items", code)
    items = ParticipationItem.objects.filter(organization=organization)
    return render(
        request,
        "participation/item_list.html",
        {
            "organization": organization,
            "items": items,
            "form": form,
            "can_handle": can_handle,
            "withdraw_form": WithdrawForm(),
            "years": sorted({i.year for i in items if not i.published_at and not i.withdrawn}),
        },
    )


@login_required
@require_POST
def item_publish(request, code: str):
    organization = get_object_or_404(Organization, code=code)
    try:
        year = int(request.POST.get("year", ""))
        count = services.publish_participation_items(
            organization=organization, year=year, by=request.user
        )
    except ValueError:
        messages.error(request, "请选择年度。")
    except ValidationError as exc:
        return refuse(request, exc, "participation:items", code)
    else:
        messages.success(request, f"{year}年公众参与事项清单已公布（{count}项）。")
    return redirect("participation:items", code)


@login_required
@require_POST
def item_withdraw(request, pk: int):
    item = get_object_or_404(ParticipationItem.objects.select_related("organization"), pk=pk)
    try:
        services.withdraw_participation_item(
            item=item, by=request.user, reason=request.POST.get("reason", "")
        )
    except ValidationError as exc:
        return refuse(request, exc, "participation:items", item.organization.code)
    messages.success(request, f"已撤销“{item.title}”。")
    return redirect("participation:items", item.organization.code)

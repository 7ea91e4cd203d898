"""Staff pages of 建议提案办理结果 and the 公众参与事项清单."""

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
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
)
from gongkai.participation.models import ParticipationItem, Proposal
from gongkai.participation.services import proposals as services
from gongkai.participation.views.common import handled_choices, organization_for_new
from gongkai.workspace.form_steps import act, submit_form


def _url(pk: int) -> str:
    return reverse("participation:proposal", args=[pk])


def _items_url(code: str) -> str:
    return reverse("participation:items", args=[code])


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
    return submit_form(
        request,
        form,
        partial(services.register_proposal, organization=organization, by=request.user),
        success="已登记。",
        to=lambda proposal: _url(proposal.pk),
        again=lambda: render(
            request,
            "participation/proposal_form.html",
            {"form": form, "organization": organization},
        ),
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
    return submit_form(
        request,
        form,
        partial(services.reply_proposal, proposal=proposal, by=request.user),
        success="答复已保存。",
        to=_url(pk),
        again=lambda: render(
            request,
            "participation/proposal_detail.html",
            _proposal_context(request, proposal, form),
        ),
    )


@login_required
@require_POST
def proposal_publish(request, pk: int):
    proposal = _proposal(request, pk)
    return act(
        request,
        partial(services.publish_proposal, proposal=proposal, by=request.user),
        success="答复已在“建议提案办理结果”栏目公开。",
        to=_url(pk),
    )


@login_required
def item_list(request, code: str):
    organization = get_object_or_404(Organization, code=code)
    require_view(request.user, organization)
    can_handle = can(request.user, Action.HANDLE_PARTICIPATION, organization)
    form = ParticipationItemForm(request.POST or None, initial={"year": clock.today().year})
    if request.method == "POST":
        require(request.user, Action.HANDLE_PARTICIPATION, organization)
    items = ParticipationItem.objects.filter(organization=organization)
    return submit_form(
        request,
        form,
        partial(services.add_participation_item, organization=organization, by=request.user),
        success="事项已加入清单（尚未公布）。",
        to=_items_url(code),
        again=lambda: render(
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
        ),
    )


@login_required
@require_POST
def item_publish(request, code: str):
    organization = get_object_or_404(Organization, code=code)
    try:
        year = int(request.POST.get("year", ""))
    except ValueError:
        messages.error(request, "请选择年度。")
        return redirect(_items_url(code))
    return act(
        request,
        partial(
            services.publish_participation_items,
            organization=organization,
            year=year,
            by=request.user,
        ),
        success=lambda count: f"{year}年公众参与事项清单已公布（{count}项）。",
        to=_items_url(code),
    )


@login_required
@require_POST
def item_withdraw(request, pk: int):
    item = get_object_or_404(ParticipationItem.objects.select_related("organization"), pk=pk)
    return act(
        request,
        partial(
            services.withdraw_participation_item,
            item=item,
            by=request.user,
            reason=request.POST.get("reason", ""),
        ),
        success=f"已撤销“{item.title}”。",
        to=_items_url(item.organization.code),
    )

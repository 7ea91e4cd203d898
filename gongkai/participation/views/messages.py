"""Staff pages of 留言咨询: the inbox, one message (accept, answer, transfer, route), figures."""

from functools import partial

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from gongkai.orgs.access import Action, can, organizations_for
from gongkai.orgs.models import Organization
from gongkai.participation import clock, selectors
from gongkai.participation.access import require_view, visible_organizations
from gongkai.participation.forms import (
    AnswerForm,
    RouteForm,
    TransferForm,
    UnpublishForm,
)
from gongkai.participation.models import Message, MessageStatus
from gongkai.participation.services import messages as services
from gongkai.workspace.form_steps import act, submit_form

FILTERS = {
    "open": ("未答复", lambda qs, today: qs.unanswered()),
    "overdue": ("已超期", lambda qs, today: qs.overdue(on=today)),
    "answered": ("已答复", lambda qs, today: qs.filter(status=MessageStatus.ANSWERED)),
    "all": ("全部", lambda qs, today: qs),
}


@login_required
def message_list(request):
    show = request.GET.get("show", "open")
    if show not in FILTERS:
        show = "open"
    today = clock.today()
    organizations = visible_organizations(request.user)
    queryset = Message.objects.filter(organization__in=organizations).select_related("organization")
    rows = list(FILTERS[show][1](queryset, today).order_by("answer_due", "id")[:300])
    inbox = (
        list(Message.objects.filter(organization=None).order_by("received_at"))
        if services.can_route_platform_messages(request.user)
        else []
    )
    return render(
        request,
        "participation/message_list.html",
        {
            "rows": rows,
            "show": show,
            "filters": [(key, label) for key, (label, _) in FILTERS.items()],
            "inbox": inbox,
            "today": today,
        },
    )


def _get(request, pk: int) -> Message:
    message = get_object_or_404(Message.objects.select_related("organization"), pk=pk)
    if message.organization is None:
        if not services.can_route_platform_messages(request.user):
            raise PermissionDenied("您没有权限查看平台待分办留言。")
    else:
        require_view(request.user, message.organization)
    return message


def _context(request, message: Message, **forms) -> dict:
    handles = message.organization is not None and can(
        request.user, Action.HANDLE_PARTICIPATION, message.organization
    )
    others = Organization.objects.exclude(pk=message.organization_id).order_by("path")
    return {
        "message": message,
        "transfers": message.transfers.select_related("from_organization", "to_organization"),
        "can_handle": handles,
        "today": clock.today(),
        "answer_form": forms.get("answer_form") or AnswerForm(),
        "transfer_form": forms.get("transfer_form") or TransferForm(organizations=others),
        "route_form": forms.get("route_form")
        or RouteForm(
            organizations=organizations_for(request.user, Action.SUPERVISE).order_by("path")
        ),
        "unpublish_form": UnpublishForm(),
    }


def _detail_again(request, message: Message, **forms):
    return lambda: render(
        request, "participation/message_detail.html", _context(request, message, **forms)
    )


def _url(pk: int) -> str:
    return reverse("participation:message", args=[pk])


@login_required
def message_detail(request, pk: int):
    message = _get(request, pk)
    return render(request, "participation/message_detail.html", _context(request, message))


@login_required
@require_POST
def message_accept(request, pk: int):
    message = _get(request, pk)
    return act(
        request,
        partial(services.accept_message, message=message, by=request.user),
        success="已受理。",
        to=_url(pk),
    )


@login_required
@require_POST
def message_answer(request, pk: int):
    message = _get(request, pk)
    form = AnswerForm(request.POST)
    return submit_form(
        request,
        form,
        partial(services.answer_message, message=message, by=request.user),
        success="已答复。",
        to=_url(pk),
        again=_detail_again(request, message, answer_form=form),
    )


@login_required
@require_POST
def message_transfer(request, pk: int):
    message = _get(request, pk)
    others = Organization.objects.exclude(pk=message.organization_id)
    form = TransferForm(request.POST, organizations=others)
    return submit_form(
        request,
        form,
        partial(services.transfer_message, message=message, by=request.user),
        success=lambda _: f"已转办给{form.cleaned_data['to'].name}。",
        to=reverse("participation:messages"),
        again=_detail_again(request, message, transfer_form=form),
    )


@login_required
@require_POST
def message_route(request, pk: int):
    message = _get(request, pk)
    form = RouteForm(request.POST, organizations=organizations_for(request.user, Action.SUPERVISE))
    return submit_form(
        request,
        form,
        partial(services.route_message, message=message, by=request.user),
        success=lambda _: f"已分办给{form.cleaned_data['organization'].name}。",
        to=reverse("participation:messages"),
        again=_detail_again(request, message, route_form=form),
    )


@login_required
@require_POST
def message_publication(request, pk: int):
    message = _get(request, pk)
    publish = request.POST.get("publish") == "1"
    return act(
        request,
        partial(
            services.set_message_publication,
            message=message,
            by=request.user,
            publish=publish,
            reason=request.POST.get("reason", ""),
        ),
        success="已公开（个人信息已遮盖）。" if publish else "已取消公开。",
        to=_url(pk),
    )


@login_required
def message_figures(request):
    today = clock.today()
    months = selectors.months_back(today, 12)
    try:
        year, month = (int(part) for part in request.GET.get("month", "").split("-"))
        if (year, month) not in months:
            raise ValueError
    except ValueError:
        year, month = months[0]
    rows = selectors.message_figures(visible_organizations(request.user), year=year, month=month)
    return render(
        request,
        "participation/message_figures.html",
        {"rows": rows, "months": months, "year": year, "month": month},
    )

"""Staff pages of 政务舆情回应: events, transfer orders (转办单), responses."""

from functools import partial

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from gongkai.orgs.access import Action, can, organizations_for
from gongkai.orgs.models import Organization
from gongkai.participation import clock, selectors
from gongkai.participation.access import visible_organizations
from gongkai.participation.forms import (
    AssessForm,
    IssueOrderForm,
    OpinionEventForm,
    RespondForm,
    ResponseForm,
)
from gongkai.participation.models import OpinionEvent, OpinionResponse, TransferOrder
from gongkai.participation.services import opinion as services
from gongkai.workspace.form_steps import act, submit_form


def _managed_organizations(user):
    handled = organizations_for(user, Action.HANDLE_PARTICIPATION).values("pk")
    supervised = organizations_for(user, Action.SUPERVISE).values("pk")
    return Organization.objects.filter(Q(pk__in=handled) | Q(pk__in=supervised)).order_by("path")


def _event_url(pk: int) -> str:
    return reverse("participation:opinion_event", args=[pk])


@login_required
def opinion_list(request):
    organizations = visible_organizations(request.user)
    events = OpinionEvent.objects.filter(organization__in=organizations).select_related(
        "organization"
    )[:200]
    orders = list(selectors.orders_for(organizations).order_by("-issued_at")[:200])
    return render(
        request,
        "participation/opinion_list.html",
        {
            "events": events,
            "orders": orders,
            "now": clock.now(),
            "registrable": list(_managed_organizations(request.user)),
        },
    )


@login_required
def opinion_new(request, code: str):
    organization = get_object_or_404(Organization, code=code)
    if not services.can_manage_opinion(request.user, organization):
        raise PermissionDenied("您没有权限为该单位登记舆情。")
    form = OpinionEventForm(request.POST or None)
    return submit_form(
        request,
        form,
        partial(services.register_opinion_event, organization=organization, by=request.user),
        success="舆情已登记，请研判。",
        to=lambda event: _event_url(event.pk),
        again=lambda: render(
            request, "participation/opinion_form.html", {"form": form, "organization": organization}
        ),
    )


def _event(request, pk: int) -> OpinionEvent:
    event = get_object_or_404(OpinionEvent.objects.select_related("organization"), pk=pk)
    if not services.can_manage_opinion(request.user, event.organization):
        raise PermissionDenied("您没有权限查看该舆情。")
    return event


def _event_context(request, event: OpinionEvent, **forms) -> dict:
    targets = _managed_organizations(request.user).filter(
        Q(pk=event.organization_id) | Q(path__startswith=event.organization.path)
    )
    return {
        "event": event,
        "orders": event.orders.select_related("organization"),
        "now": clock.now(),
        "assess_form": forms.get("assess_form")
        or AssessForm(initial={"level": event.level, "assessment": event.assessment}),
        "order_form": forms.get("order_form") or IssueOrderForm(organizations=targets),
    }


def _event_again(request, event: OpinionEvent, **forms):
    return lambda: render(
        request, "participation/opinion_detail.html", _event_context(request, event, **forms)
    )


@login_required
def opinion_event(request, pk: int):
    event = _event(request, pk)
    return render(request, "participation/opinion_detail.html", _event_context(request, event))


@login_required
@require_POST
def opinion_assess(request, pk: int):
    event = _event(request, pk)
    form = AssessForm(request.POST)
    return submit_form(
        request,
        form,
        partial(services.assess_opinion_event, event=event, by=request.user),
        success="研判意见已保存。",
        to=_event_url(pk),
        again=_event_again(request, event, assess_form=form),
    )


@login_required
@require_POST
def opinion_transfer(request, pk: int):
    event = _event(request, pk)
    form = IssueOrderForm(request.POST, organizations=Organization.objects.all())
    return submit_form(
        request,
        form,
        partial(services.issue_transfer_order, event=event, by=request.user),
        success=_order_issued,
        to=_event_url(pk),
        again=_event_again(request, event, order_form=form),
    )


def _order_issued(order: TransferOrder) -> str:
    deadline = timezone.localtime(order.deadline)
    return f"转办单 {order.number} 已发出，反馈时限 {deadline:%Y-%m-%d %H:%M}。"


@login_required
@require_POST
def opinion_close(request, pk: int):
    event = _event(request, pk)
    return act(
        request,
        partial(services.close_opinion_event, event=event, by=request.user),
        success="舆情已办结。",
        to=_event_url(pk),
    )


def _order(request, pk: int) -> TransferOrder:
    order = get_object_or_404(
        TransferOrder.objects.select_related("organization", "issued_by", "event"), pk=pk
    )
    if not (
        services.can_manage_opinion(request.user, order.organization)
        or services.can_manage_opinion(request.user, order.issued_by)
    ):
        raise PermissionDenied("您没有权限查看该转办单。")
    return order


def _order_context(request, order: TransferOrder, **forms) -> dict:
    return {
        "order": order,
        "response": OpinionResponse.objects.filter(order=order).first(),
        "now": clock.now(),
        "can_respond": can(request.user, Action.HANDLE_PARTICIPATION, order.organization),
        "respond_form": forms.get("respond_form") or RespondForm(),
        "response_form": forms.get("response_form")
        or ResponseForm(initial={"title": f"关于{order.event.title}的回应"}),
    }


def _order_again(request, order: TransferOrder, **forms):
    return lambda: render(
        request, "participation/order_detail.html", _order_context(request, order, **forms)
    )


@login_required
def order_detail(request, pk: int):
    order = _order(request, pk)
    return render(request, "participation/order_detail.html", _order_context(request, order))


@login_required
@require_POST
def order_respond(request, pk: int):
    order = _order(request, pk)
    form = RespondForm(request.POST)
    return submit_form(
        request,
        form,
        partial(services.respond_transfer_order, order=order, by=request.user),
        success="办理情况已反馈。",
        to=reverse("participation:order", args=[pk]),
        again=_order_again(request, order, respond_form=form),
    )


@login_required
@require_POST
def order_publish(request, pk: int):
    order = _order(request, pk)
    form = ResponseForm(request.POST)
    return submit_form(
        request,
        form,
        partial(services.publish_opinion_response, order=order, by=request.user),
        success="回应已在门户网站发布。",
        to=reverse("participation:order", args=[pk]),
        again=_order_again(request, order, response_form=form),
    )

"""The area's start page, the supervision overview and the time-limit settings."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render

from gongkai.orgs.access import Action, can, organizations_for
from gongkai.participation import clock, selectors
from gongkai.participation.access import visible_organizations
from gongkai.participation.forms import MessageLimitForm, PeriodSettingForm
from gongkai.participation.models.consultation import DECISION_KIND_CHOICES
from gongkai.participation.models.limits import LEVEL_CHOICES, MESSAGE_KIND_CHOICES
from gongkai.participation.services import limits
from gongkai.participation.views.common import handled_choices


@login_required
def index(request):
    organizations = visible_organizations(request.user)
    today, now = clock.today(), clock.now()
    return render(
        request,
        "participation/index.html",
        {
            "handled": handled_choices(request),
            "open_consultations": selectors.open_consultations(organizations, today=today)
            .select_related("organization")
            .order_by("ends_on"),
            "awaiting": selectors.consultations_without_feedback(organizations, today=today),
            "overdue_messages": selectors.overdue_messages(organizations, today=today)[:50],
            "overdue_orders": selectors.overdue_transfer_orders(organizations, now=now),
            "supervises": organizations_for(request.user, Action.SUPERVISE).exists(),
            "is_admin": can(request.user, Action.SUPERVISE, None),
            "today": today,
        },
    )


@login_required
def supervision(request):
    organizations = organizations_for(request.user, Action.SUPERVISE)
    if not organizations.exists():
        raise PermissionDenied("只有政务公开办可以查看监督概况。")
    today = clock.today()
    return render(
        request,
        "participation/supervision.html",
        {
            "rows": selectors.supervision_rows(organizations, today=today),
            "awaiting": selectors.consultations_without_feedback(organizations, today=today),
            "overdue_orders": selectors.overdue_transfer_orders(organizations),
            "today": today,
        },
    )


def _settings_rows():
    periods = [
        (kind, label, limits.consultation_minimum(kind)) for kind, label in DECISION_KIND_CHOICES
    ]
    message_limits = [
        (kind, label, limits.message_limit(kind)) for kind, label in MESSAGE_KIND_CHOICES
    ]
    responses = [(level, label, limits.response_limit(level)) for level, label in LEVEL_CHOICES]
    return periods, message_limits, responses


def _save_setting(request, section: str, key: str) -> None:
    if section == "period":
        form = PeriodSettingForm(request.POST)
        if form.is_valid():
            limits.set_consultation_period(kind=key, by=request.user, **form.cleaned_data)
            return
    elif section == "message":
        form = MessageLimitForm(request.POST)
        if form.is_valid():
            limits.set_message_limit(kind=key, by=request.user, **form.cleaned_data)
            return
    elif section == "response":
        form = PeriodSettingForm(request.POST)
        if form.is_valid():
            limits.set_response_limit(level=key, by=request.user, **form.cleaned_data)
            return
    else:
        raise ValidationError("未知的设置项。")
    raise ValidationError([m for errors in form.errors.values() for m in errors])


@login_required
def time_limits(request):
    if not can(request.user, Action.SUPERVISE, None):
        raise PermissionDenied("只有系统管理员可以设置办理时限。")
    if request.method == "POST":
        try:
            _save_setting(request, request.POST.get("section", ""), request.POST.get("key", ""))
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        except ValueError:
            messages.error(request, "未知的设置项。")
        else:
            messages.success(request, "时限已保存，此后新办理的事项按新时限计算。")
        return redirect("participation:time_limits")
    periods, message_limits, responses = _settings_rows()
    return render(
        request,
        "participation/time_limits.html",
        {"periods": periods, "message_limits": message_limits, "responses": responses},
    )

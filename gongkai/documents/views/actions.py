"""One view per workflow action on a document: each calls one service and goes back to the page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from gongkai.documents import services
from gongkai.documents.forms import (
    CorrectionForm,
    PublishForm,
    ReasonForm,
    ReviewForm,
    ValidityForm,
)
from gongkai.documents.models import Finding
from gongkai.documents.views.common import back, document_for
from gongkai.orgs.access import Action
from gongkai.workspace.form_steps import apply_errors, flash_refusal


def _transition(request, pk: int, action: Action, call, success: str):
    document = document_for(request, pk, action)
    try:
        call(document)
    except ValidationError as exc:
        flash_refusal(request, exc)
    else:
        messages.success(request, success)
    return back(document)


@login_required
@require_POST
def submit(request, pk: int):
    def call(document):
        services.submit_document(document=document, by=request.user)
        found = services.gate(document)
        if found.blocked:
            messages.warning(request, f"已送审，但发布前须处理：{found.message()}")

    return _transition(request, pk, Action.EDIT_DOCUMENT, call, "已送审，等待审核。")


@login_required
@require_POST
def approve(request, pk: int):
    form = ReviewForm(request.POST)
    form.is_valid()
    return _transition(
        request,
        pk,
        Action.REVIEW_DOCUMENT,
        lambda d: services.approve_document(
            document=d,
            by=request.user,
            checklist=form.cleaned_data.get("checklist", []),
            comment=form.cleaned_data.get("comment", ""),
        ),
        "审核通过，可以发布。",
    )


def _reason(request) -> str:
    form = ReasonForm(request.POST)
    return form.cleaned_data["reason"] if form.is_valid() else ""


@login_required
@require_POST
def return_(request, pk: int):
    reason = _reason(request)
    return _transition(
        request,
        pk,
        Action.REVIEW_DOCUMENT,
        lambda d: services.return_document(document=d, by=request.user, reason=reason),
        "已退回信息员修改。",
    )


@login_required
@require_POST
def publish(request, pk: int):
    form = PublishForm(request.POST)
    if not form.is_valid():
        document = document_for(request, pk, Action.PUBLISH_DOCUMENT)
        messages.error(request, "定时发布时间格式不正确。")
        return back(document)
    at = form.cleaned_data["at"]
    if at is not None and timezone.is_naive(at):
        at = timezone.make_aware(at)
    future = at is not None and at > timezone.now()
    done = (
        f"已设定于 {timezone.localtime(at):%Y-%m-%d %H:%M} 定时发布。"
        if future
        else "已发布，公众门户已可查看。"
    )
    return _transition(
        request,
        pk,
        Action.PUBLISH_DOCUMENT,
        lambda d: services.publish_document(document=d, by=request.user, at=at),
        done,
    )


@login_required
@require_POST
def withdraw(request, pk: int):
    reason = _reason(request)
    return _transition(
        request,
        pk,
        Action.PUBLISH_DOCUMENT,
        lambda d: services.withdraw_document(document=d, by=request.user, reason=reason),
        "已撤回，公众门户不再显示该信息。",
    )


@login_required
def correct(request, pk: int):
    document = document_for(request, pk, Action.PUBLISH_DOCUMENT)
    form = CorrectionForm.for_document(document, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.correct_document(
                document=document,
                by=request.user,
                reason=form.cleaned_data["reason"],
                changes=form.changes(),
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, "已更正，公开页面将显示更正说明。")
            return back(document)
    context = {"org": document.organization, "document": document, "form": form}
    return render(request, "documents/workspace/correct.html", context)


@login_required
@require_POST
def mask(request, pk: int):
    document = document_for(request, pk)
    try:
        result = services.mask_personal_info(document=document, by=request.user)
    except ValidationError as exc:
        flash_refusal(request, exc)
        return back(document)
    if result.total:
        messages.success(request, f"已对 {result.total} 处个人信息去标识化，原件已留存备查。")
    else:
        messages.info(request, "没有需要去标识化的个人信息。")
    for name in result.needs_replacement:
        messages.warning(
            request,
            f"PDF 附件《{name}》无法自动去标识化：请退回信息员替换为已处理的文件，或逐条说明保留理由。",
        )
    return back(document)


@login_required
@require_POST
def keep(request, pk: int, finding_id: int):
    document = document_for(request, pk, Action.REVIEW_DOCUMENT)
    finding = get_object_or_404(Finding, pk=finding_id, document=document)
    reason = _reason(request)
    try:
        services.keep_finding(finding=finding, by=request.user, reason=reason)
    except ValidationError as exc:
        flash_refusal(request, exc)
    else:
        messages.success(request, "已保留该处信息，并记录理由。")
    return back(document)


@login_required
@require_POST
def rescan(request, pk: int):
    return _transition(
        request,
        pk,
        Action.VIEW_WORKSPACE,
        lambda d: services.scan_document(document=d, by=request.user),
        "已重新检查个人信息。",
    )


@login_required
@require_POST
def validity(request, pk: int):
    form = ValidityForm(request.POST)
    form.is_valid()
    data = form.cleaned_data
    return _transition(
        request,
        pk,
        Action.PUBLISH_DOCUMENT,
        lambda d: services.set_validity(
            document=d,
            by=request.user,
            validity=data.get("validity", ""),
            on=data.get("on"),
            reason=data.get("reason", ""),
        ),
        "有效性已更新。",
    )

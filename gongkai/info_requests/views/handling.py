"""A request in the workspace: its page, and one thin view per handling step."""

from functools import partial

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from gongkai.audit.models import Event
from gongkai.info_requests import selectors, services
from gongkai.info_requests.deadlines import current_calendar, days_left
from gongkai.info_requests.forms import (
    BASIS_HINTS,
    AssignForm,
    ConsultationAnswerForm,
    ConsultationForm,
    CorrectionReceivedForm,
    CorrectionRequestForm,
    DecideForm,
    DeliveryForm,
    ExtensionForm,
    MessageForm,
    UploadForm,
)
from gongkai.info_requests.masking import applicant_for
from gongkai.info_requests.models import InfoRequest, ThirdPartyConsultation
from gongkai.orgs.access import Action, can, require
from gongkai.rules.request_results import result_type
from gongkai.workspace.form_steps import act, submit_form

ACTION_LABELS = {
    "info_requests.submitted": "网上提交申请",
    "info_requests.registered": "登记申请",
    "info_requests.assigned": "分配承办人",
    "info_requests.correction_requested": "告知补正",
    "info_requests.corrected": "收到补正申请",
    "info_requests.consultation_started": "征求第三方意见",
    "info_requests.consultation_answered": "登记第三方意见",
    "info_requests.extended": "批准延期",
    "info_requests.file_attached": "上传提供的信息",
    "info_requests.file_removed": "删除附件",
    "info_requests.decided": "作出答复",
    "info_requests.delivered": "登记送达",
    "info_requests.message_posted": "给申请人留言",
    "info_requests.applicant_message_posted": "申请人留言",
    "info_requests.link_reissued": "重新生成查询链接",
    "info_requests.deadline_recomputed": "重新计算答复期限",
}


def _scope(request, pk: int, action: Action = Action.VIEW_WORKSPACE) -> InfoRequest:
    info_request = get_object_or_404(
        InfoRequest.objects.select_related("organization", "handler"), pk=pk
    )
    require(request.user, action, info_request.organization)
    return info_request


def _history(info_request: InfoRequest) -> list[dict]:
    events = Event.objects.filter(
        target_type=InfoRequest._meta.label_lower, target_id=str(info_request.pk)
    ).order_by("at", "id")
    return [{"event": e, "label": ACTION_LABELS.get(e.action, e.action)} for e in events]


def _render_detail(request, info_request: InfoRequest, *, status: int = 200, **forms):
    user, org = request.user, info_request.organization
    can_handle = can(user, Action.HANDLE_REQUEST, org)
    info_request = InfoRequest.objects.select_related(
        "organization", "handler", "correction", "extension"
    ).get(pk=info_request.pk)
    handlers = services.handlers_for(org) if can_handle else []
    context = {
        "r": info_request,
        "applicant": applicant_for(user, info_request),
        "can_handle": can_handle,
        "can_extend": can(user, Action.APPROVE_EXTENSION, org),
        "days_left": days_left(
            info_request, today=timezone.localdate(), calendar=current_calendar()
        ),
        "correction": getattr(info_request, "correction", None),
        "extension": getattr(info_request, "extension", None),
        "consultations": list(info_request.consultations.all()),
        "thread": info_request.messages.all(),
        "files": info_request.files.all(),
        "result": result_type(info_request.result) if info_request.result else None,
        "recent_same": selectors.same_applicant_recent(info_request) if can_handle else None,
        "history": _history(info_request),
        "basis_hints": BASIS_HINTS,
        "assign_form": AssignForm(handlers=handlers),
        "correction_form": CorrectionRequestForm(),
        "correction_received_form": CorrectionReceivedForm(),
        "consultation_form": ConsultationForm(),
        "answer_form": ConsultationAnswerForm(),
        "extension_form": ExtensionForm(),
        "upload_form": UploadForm(),
        "decide_form": DecideForm(),
        "delivery_form": DeliveryForm(),
        "message_form": MessageForm(),
        **forms,
    }
    return render(request, "info_requests/workspace/detail.html", context, status=status)


@login_required
def detail(request, pk: int):
    return _render_detail(request, _scope(request, pk))


def _detail_url(info_request: InfoRequest, anchor: str = "") -> str:
    return reverse("info_requests:detail", args=[info_request.pk]) + (
        f"#{anchor}" if anchor else ""
    )


def _step(request, pk, *, form_name, form, run, success, action=Action.HANDLE_REQUEST, anchor=""):
    """Validate the form, run the service, redirect; or show the page again with the reasons.

    `run` takes the request as `info_request` and the form's fields as keyword arguments.
    """
    info_request = _scope(request, pk, action)
    return submit_form(
        request,
        form,
        partial(run, info_request=info_request),
        success=success,
        to=_detail_url(info_request, anchor),
        again=lambda: _render_detail(request, info_request, **{form_name: form}),
        refusal_as_message=True,
        invalid_message="请按提示修改后重新提交。",
    )


@login_required
@require_POST
def assign(request, pk: int):
    info_request = _scope(request, pk, Action.HANDLE_REQUEST)
    form = AssignForm(request.POST, handlers=services.handlers_for(info_request.organization))

    def run(*, info_request, handler):
        handler = get_user_model().objects.get(pk=handler)
        services.assign_handler(info_request=info_request, by=request.user, handler=handler)

    return _step(request, pk, form_name="assign_form", form=form, run=run, success="已分配承办人。")


@login_required
@require_POST
def correction(request, pk: int):
    return _step(
        request, pk, form_name="correction_form", form=CorrectionRequestForm(request.POST),
        run=partial(services.request_correction, by=request.user),
        success="已告知申请人补正，答复期限暂停计算。", anchor="thread",
    )  # fmt: skip


@login_required
@require_POST
def correction_received(request, pk: int):
    return _step(
        request, pk, form_name="correction_received_form", form=CorrectionReceivedForm(request.POST),
        run=partial(services.record_correction, by=request.user),
        success="已登记补正后的申请，答复期限重新计算。",
    )  # fmt: skip


@login_required
@require_POST
def consultation(request, pk: int):
    return _step(
        request, pk, form_name="consultation_form", form=ConsultationForm(request.POST),
        run=partial(services.start_consultation, by=request.user),
        success="已登记征求第三方意见，答复期限相应顺延。", anchor="deadline",
    )  # fmt: skip


@login_required
@require_POST
def consultation_answer(request, pk: int, consultation_id: int):
    def run(*, info_request, **answer):
        item = get_object_or_404(ThirdPartyConsultation, pk=consultation_id, request=info_request)
        services.record_consultation_answer(consultation=item, by=request.user, **answer)

    return _step(
        request, pk, form_name="answer_form", form=ConsultationAnswerForm(request.POST), run=run,
        success="已登记第三方意见，答复期限已重新计算。", anchor="deadline",
    )  # fmt: skip


@login_required
@require_POST
def extension(request, pk: int):
    return _step(
        request, pk, form_name="extension_form", form=ExtensionForm(request.POST),
        run=partial(services.approve_extension, by=request.user),
        success="已批准延期并告知申请人。", action=Action.APPROVE_EXTENSION, anchor="deadline",
    )  # fmt: skip


@login_required
@require_POST
def upload(request, pk: int):
    def run(*, info_request, file):
        services.attach_file(info_request=info_request, by=request.user, upload=file)

    form = UploadForm(request.POST, request.FILES)
    return _step(
        request, pk, form_name="upload_form", form=form, run=run, success="已上传。", anchor="reply"
    )


@login_required
@require_POST
def remove_file(request, pk: int, file_id: int):
    info_request = _scope(request, pk, Action.HANDLE_REQUEST)
    reply_file = get_object_or_404(info_request.files, pk=file_id)
    return act(
        request,
        partial(services.remove_file, reply_file=reply_file, by=request.user),
        success="已删除附件。",
        to=_detail_url(info_request, "reply"),
    )


@login_required
@require_POST
def decide(request, pk: int):
    return _step(
        request, pk, form_name="decide_form", form=DecideForm(request.POST),
        run=partial(services.decide, by=request.user),
        success="已作出答复，答复书已生成。", anchor="reply",
    )  # fmt: skip


@login_required
@require_POST
def delivery(request, pk: int):
    return _step(
        request, pk, form_name="delivery_form", form=DeliveryForm(request.POST),
        run=partial(services.record_delivery, by=request.user),
        success="已登记送达。", anchor="reply",
    )  # fmt: skip


@login_required
@require_POST
def message(request, pk: int):
    return _step(
        request, pk, form_name="message_form", form=MessageForm(request.POST),
        run=partial(services.post_staff_message, by=request.user),
        success="留言已发送。", anchor="thread",
    )  # fmt: skip


@login_required
@require_POST
def reissue_link(request, pk: int):
    info_request = _scope(request, pk, Action.HANDLE_REQUEST)
    token = services.reissue_link(info_request=info_request, by=request.user)
    context = {
        "r": info_request,
        "link": request.build_absolute_uri(reverse("info_requests_public:track", args=[token])),
        "reissued": True,
    }
    return render(request, "info_requests/workspace/registered.html", context)


@login_required
def letter(request, pk: int):
    info_request = _scope(request, pk, Action.HANDLE_REQUEST)
    if not info_request.letter:
        messages.error(request, "尚未生成答复书。")
        return redirect(_detail_url(info_request))
    return FileResponse(
        info_request.letter.open("rb"),
        as_attachment=True,
        filename=f"{info_request.number}-答复书.docx",
    )


@login_required
def file_download(request, pk: int, file_id: int):
    info_request = _scope(request, pk, Action.HANDLE_REQUEST)
    reply_file = get_object_or_404(info_request.files, pk=file_id)
    return FileResponse(
        reply_file.file.open("rb"),
        as_attachment=True,
        filename=reply_file.name,
        content_type=reply_file.content_type,
    )

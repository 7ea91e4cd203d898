"""Staff pages of 政府信息: the to-do page, lists, the draft form, the document page, attachments."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_POST

from gongkai.documents import files, selectors, services
from gongkai.documents.choices import Status
from gongkai.documents.forms import (
    AttachmentForm,
    DocumentForm,
    PublishForm,
    ReasonForm,
    ReviewForm,
    ValidityForm,
)
from gongkai.documents.models import Attachment, Document
from gongkai.documents.selectors.workspace import detail_page
from gongkai.documents.views.common import back, document_for, organization_for
from gongkai.documents.views.files import file_response
from gongkai.orgs.access import Action, can, organizations_for
from gongkai.workspace.form_steps import apply_errors, flash_refusal

PAGE_SIZE = 30


@login_required
def index(request):
    """待办: what waits for this user in every organization they work for."""
    organizations = organizations_for(request.user, Action.VIEW_WORKSPACE)
    reviewable = organizations_for(request.user, Action.REVIEW_DOCUMENT)
    publishable = organizations_for(request.user, Action.PUBLISH_DOCUMENT)
    editable = organizations_for(request.user, Action.EDIT_DOCUMENT)
    context = {
        "organizations": list(organizations.order_by("path")[:200]),
        "to_review": list(selectors.documents_for(reviewable, status=Status.SUBMITTED)[:50]),
        "to_publish": list(selectors.documents_for(publishable, status=Status.APPROVED)[:50]),
        "returned": list(selectors.documents_for(editable, status=Status.RETURNED)[:50]),
        "at_risk": selectors.at_risk_drafts(organizations)[:50],
        "missing_interpretation": selectors.policies_without_interpretation(organizations)[:50],
        "can_manage_themes": can(request.user, Action.MANAGE_GUIDELINES),
    }
    return render(request, "documents/workspace/index.html", context)


@login_required
def organization_list(request, code: str):
    organization = organization_for(request, code)
    status = request.GET.get("status", "")
    status = status if status in Status.values else ""
    query = request.GET.get("q", "").strip()[:100]
    documents = selectors.documents_for([organization], status=status, query=query)
    page = Paginator(documents, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "org": organization,
        "page": page,
        "status": status,
        "query": query,
        "statuses": Status.choices,
        "counts": selectors.status_counts([organization]),
        "can_edit": can(request.user, Action.EDIT_DOCUMENT, organization),
        "can_manage": can(request.user, Action.MANAGE_MEMBERS, organization),
    }
    template = "documents/workspace/_list.html" if request.htmx else "documents/workspace/list.html"
    response = render(request, template, context)
    response["Vary"] = "HX-Request"
    return response


@login_required
def create(request, code: str):
    organization = organization_for(request, code, Action.EDIT_DOCUMENT)
    form = DocumentForm(request.POST or None, organization=organization)
    if request.method == "POST" and form.is_valid():
        try:
            document = services.create_document(
                organization=organization, by=request.user, fields=form.values()
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, "草稿已保存。可继续上传附件，元数据齐全后即可送审。")
            return back(document)
    return render(request, "documents/workspace/form.html", {"org": organization, "form": form})


@login_required
def edit(request, pk: int):
    document = document_for(request, pk, Action.EDIT_DOCUMENT)
    if not document.is_editable:
        messages.error(request, f"当前状态为“{document.get_status_display()}”，不能修改。")
        return back(document)
    form = DocumentForm.for_document(document, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_document(document=document, by=request.user, changes=form.values())
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, "已保存。")
            return back(document)
    context = {"org": document.organization, "form": form, "document": document}
    return render(request, "documents/workspace/form.html", context)


@login_required
def detail(request, pk: int):
    document = document_for(request, pk)
    context = {
        "page": detail_page(document),
        "org": document.organization,
        "actions": _actions(request.user, document),
        "attachment_form": AttachmentForm(),
        "review_form": ReviewForm(),
        "reason_form": ReasonForm(),
        "publish_form": PublishForm(),
        "validity_form": ValidityForm(initial={"validity": document.validity}),
    }
    return render(request, "documents/workspace/detail.html", context)


def _actions(user, document: Document) -> dict[str, bool]:
    """Which forms the document page offers this user (the services check again on submit)."""
    org, status = document.organization, document.status
    edit = can(user, Action.EDIT_DOCUMENT, org)
    review = can(user, Action.REVIEW_DOCUMENT, org)
    publish = can(user, Action.PUBLISH_DOCUMENT, org)
    return {
        "edit": edit and document.is_editable,
        "submit": edit and document.is_editable,
        "mask": (review and status == Status.SUBMITTED) or (edit and document.is_editable),
        "keep": review and status == Status.SUBMITTED,
        "review": review and status == Status.SUBMITTED,
        "return": review and status in (Status.SUBMITTED, Status.APPROVED),
        "publish": publish and status in (Status.APPROVED, Status.SCHEDULED),
        "withdraw": publish and status in (Status.PUBLISHED, Status.SCHEDULED),
        "correct": publish and status == Status.PUBLISHED,
        "validity": publish and status == Status.PUBLISHED and document.is_policy,
        "rescan": (edit or review) and status in (Status.DRAFT, Status.RETURNED, Status.SUBMITTED),
    }


@login_required
@require_POST
def upload(request, pk: int):
    document = document_for(request, pk, Action.EDIT_DOCUMENT)
    form = AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, "请选择要上传的文件。")
        return back(document)
    upload = form.cleaned_data["file"]
    try:
        files.check_size(name=upload.name, size=upload.size)
        services.add_attachment(
            document=document, by=request.user, name=upload.name, data=upload.read()
        )
    except ValidationError as exc:
        flash_refusal(request, exc)
    else:
        messages.success(request, f"已上传附件《{upload.name}》，系统将检查其中的个人信息。")
    return back(document)


def _attachment(request, pk: int, attachment_id: int, action: Action) -> Attachment:
    document = document_for(request, pk, action)
    return get_object_or_404(Attachment, pk=attachment_id, document=document)


@login_required
@require_POST
def remove_attachment(request, pk: int, attachment_id: int):
    attachment = _attachment(request, pk, attachment_id, Action.EDIT_DOCUMENT)
    try:
        services.remove_attachment(attachment=attachment, by=request.user)
    except ValidationError as exc:
        flash_refusal(request, exc)
    else:
        messages.success(request, f"已删除附件《{attachment.name}》。")
    return back(attachment.document)


@login_required
def download(request, pk: int, attachment_id: int):
    """Staff download of the current copy (masked, once masked); the original is never served."""
    attachment = _attachment(request, pk, attachment_id, Action.VIEW_WORKSPACE)
    return file_response(attachment)

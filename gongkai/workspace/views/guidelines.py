"""National guidelines: the list with their status, and loading a complete guideline from Excel."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render

from gongkai.catalog import importing, services
from gongkai.catalog.models import Domain
from gongkai.orgs.access import Action, can, require
from gongkai.workspace.forms import UploadForm


@login_required
def guideline_list(request):
    domains = Domain.objects.select_related("guideline").order_by("position")
    return render(
        request,
        "workspace/guidelines/list.html",
        {"domains": domains, "can_manage": can(request.user, Action.MANAGE_GUIDELINES)},
    )


@login_required
def guideline_detail(request, domain_code: str):
    domain = get_object_or_404(Domain.objects.select_related("guideline"), code=domain_code)
    return render(
        request,
        "workspace/guidelines/detail.html",
        {
            "domain": domain,
            "items": domain.guideline.items.order_by("seq"),
            "can_manage": can(request.user, Action.MANAGE_GUIDELINES),
        },
    )


@login_required
def guideline_import(request, domain_code: str):
    require(request.user, Action.MANAGE_GUIDELINES)
    domain = get_object_or_404(Domain.objects.select_related("guideline"), code=domain_code)
    target = f"guideline:{domain.code}"
    context = {"domain": domain, "form": UploadForm()}
    if request.method == "POST" and "token" in request.POST:
        token = request.POST["token"]
        try:
            preview = importing.load_staged(token, user_id=request.user.pk, target=target)
            services.import_guideline(
                domain=domain,
                rows=preview.rows_to_save(),
                by=request.user,
                complete=request.POST.get("complete") == "1",
            )
        except ValidationError as exc:
            context["errors"] = exc.messages
            return render(request, "workspace/guidelines/import.html", context)
        importing.discard_staged(token)
        messages.success(request, f"{domain.name}领域标准指引已更新。")
        return redirect("workspace:guideline", domain_code=domain.code)
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        context["form"] = form
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                preview = importing.read_preview(
                    data=importing.read_upload(upload), filename=upload.name
                )
            except ValidationError as exc:
                context["errors"] = exc.messages
            else:
                context["preview"] = preview
                context["token"] = importing.stage_preview(
                    preview, user_id=request.user.pk, target=target
                )
    return render(request, "workspace/guidelines/import.html", context)

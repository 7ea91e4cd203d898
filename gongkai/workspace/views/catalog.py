"""Catalog compilation in the workspace: adopt, localize, add, mark not applicable, publish, Excel."""

from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from gongkai.catalog import importing, services
from gongkai.catalog.excel import write_catalog_workbook
from gongkai.catalog.models import Catalog, CatalogItem, Domain, GuidelineItem
from gongkai.orgs.access import Action, can, require
from gongkai.orgs.models import Organization
from gongkai.workspace import selectors
from gongkai.workspace.forms import ElementsForm, PublishForm, UploadForm


def _scope(request, code: str, domain_code: str, action: Action = Action.VIEW_WORKSPACE):
    org = get_object_or_404(Organization.objects.select_related("region"), code=code)
    domain = get_object_or_404(Domain.objects.select_related("guideline"), code=domain_code)
    require(request.user, action, org)
    catalog = Catalog.objects.filter(organization=org, domain=domain).first()
    return org, domain, catalog


def _page_url(org, domain) -> str:
    return reverse("workspace:catalog", args=[org.code, domain.code])


def _compilation_context(request, org, domain, catalog, **extra) -> dict:
    return {
        "org": org,
        "domain": domain,
        "catalog": catalog,
        "view": selectors.compilation(catalog, org=org, domain=domain),
        "versions": list(catalog.versions.all()[:10]) if catalog else [],
        "can_edit": can(request.user, Action.EDIT_CATALOG, org),
        "can_publish": can(request.user, Action.PUBLISH_CATALOG, org),
        "local_form": ElementsForm(
            initial={"subject": org.name, "audience": "全社会", "mode": "主动"}
        ),
        "publish_form": PublishForm(),
        "upload_form": UploadForm(),
        **extra,
    }


def _after_change(request, org, domain):
    """Redirect after a form post; for HTMX, re-render the compilation part in place."""
    if request.htmx:
        catalog = Catalog.objects.filter(organization=org, domain=domain).first()
        return render(
            request,
            "workspace/catalog/_compilation.html",
            _compilation_context(request, org, domain, catalog),
        )
    return redirect(_page_url(org, domain))


def _refuse(request, org, domain, exc: ValidationError):
    for message in exc.messages:
        messages.error(request, message)
    return _after_change(request, org, domain)


@login_required
def catalog_page(request, code: str, domain_code: str):
    org, domain, catalog = _scope(request, code, domain_code)
    response = render(
        request, "workspace/catalog/page.html", _compilation_context(request, org, domain, catalog)
    )
    response["Vary"] = "HX-Request"
    return response


@login_required
@require_POST
def adopt(request, code: str, domain_code: str):
    org, domain, catalog = _scope(request, code, domain_code, Action.EDIT_CATALOG)
    catalog = catalog or services.open_catalog(organization=org, domain=domain, by=request.user)
    pending = selectors.compilation(catalog, org=org, domain=domain).pending
    wanted = set(request.POST.getlist("guideline_item"))
    chosen = pending if request.POST.get("all") else [g for g in pending if str(g.id) in wanted]
    if not chosen:
        messages.error(request, "请先勾选要采用的标准事项。")
        return _after_change(request, org, domain)
    adopted = services.adopt_guideline_items(
        catalog=catalog, guideline_items=chosen, by=request.user
    )
    messages.success(request, f"已采用 {len(adopted)} 个标准事项，请按本单位实际进行本地化。")
    return _after_change(request, org, domain)


@login_required
@require_POST
def mark_not_applicable(request, code: str, domain_code: str, guideline_item_id: int):
    org, domain, catalog = _scope(request, code, domain_code, Action.EDIT_CATALOG)
    guideline_item = get_object_or_404(
        GuidelineItem, pk=guideline_item_id, guideline__domain=domain
    )
    catalog = catalog or services.open_catalog(organization=org, domain=domain, by=request.user)
    try:
        services.mark_not_applicable(
            catalog=catalog,
            guideline_item=guideline_item,
            by=request.user,
            reason=request.POST.get("reason", ""),
        )
    except ValidationError as exc:
        return _refuse(request, org, domain, exc)
    messages.success(request, f"已将“{guideline_item.name}”标记为不适用。")
    return _after_change(request, org, domain)


def _item_scope(request, item_id: int, action: Action):
    item = get_object_or_404(
        CatalogItem.objects.select_related(
            "catalog__organization", "catalog__domain", "guideline_item"
        ),
        pk=item_id,
    )
    require(request.user, action, item.catalog.organization)
    return item


@login_required
def edit_item(request, item_id: int):
    item = _item_scope(request, item_id, Action.EDIT_CATALOG)
    org, domain = item.catalog.organization, item.catalog.domain
    form = ElementsForm.for_item(item, data=request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_catalog_item(
                item=item,
                by=request.user,
                changes=form.elements(),
                note=form.cleaned_data["change_note"],
            )
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, "事项已保存。")
            return _after_change(request, org, domain)
    template = (
        "workspace/catalog/_item_form.html" if request.htmx else "workspace/catalog/item_edit.html"
    )
    return render(request, template, {"item": item, "form": form, "org": org, "domain": domain})


@login_required
@require_POST
def withdraw_item(request, item_id: int):
    item = _item_scope(request, item_id, Action.EDIT_CATALOG)
    org, domain = item.catalog.organization, item.catalog.domain
    try:
        services.withdraw_catalog_item(
            item=item, by=request.user, reason=request.POST.get("reason", "")
        )
    except ValidationError as exc:
        return _refuse(request, org, domain, exc)
    messages.success(request, f"已移除“{item.name}”。")
    return _after_change(request, org, domain)


@login_required
@require_POST
def restore_item(request, item_id: int):
    item = _item_scope(request, item_id, Action.EDIT_CATALOG)
    services.restore_applicable(item=item, by=request.user)
    messages.success(request, f"已恢复“{item.name}”。")
    return _after_change(request, item.catalog.organization, item.catalog.domain)


@login_required
def item_history(request, item_id: int):
    item = _item_scope(request, item_id, Action.VIEW_WORKSPACE)
    revisions = item.revisions.select_related("changed_by").order_by("-revision")
    return render(
        request, "workspace/catalog/item_history.html", {"item": item, "revisions": revisions}
    )


@login_required
@require_POST
def add_local_item(request, code: str, domain_code: str):
    org, domain, catalog = _scope(request, code, domain_code, Action.EDIT_CATALOG)
    form = ElementsForm(request.POST)
    if form.is_valid():
        catalog = catalog or services.open_catalog(organization=org, domain=domain, by=request.user)
        try:
            services.add_local_item(catalog=catalog, by=request.user, elements=form.elements())
        except ValidationError as exc:
            for message in exc.messages:
                form.add_error(None, message)
        else:
            messages.success(request, "已新增本地事项。")
            return _after_change(request, org, domain)
    context = _compilation_context(request, org, domain, catalog, local_form=form)
    return render(request, "workspace/catalog/page.html", context)


@login_required
@require_POST
def publish(request, code: str, domain_code: str):
    org, domain, catalog = _scope(request, code, domain_code, Action.PUBLISH_CATALOG)
    form = PublishForm(request.POST)
    if catalog is None or not form.is_valid():
        messages.error(request, "目录尚未编制，不能发布。")
        return _after_change(request, org, domain)
    try:
        version = services.publish_catalog(
            catalog=catalog, by=request.user, note=form.cleaned_data["note"]
        )
    except ValidationError as exc:
        return _refuse(request, org, domain, exc)
    messages.success(request, f"已发布第 {version.number} 版，公众门户已更新。")
    return _after_change(request, org, domain)


@login_required
def export_xlsx(request, code: str, domain_code: str):
    org, domain, catalog = _scope(request, code, domain_code)
    items = [i.elements() for i in selectors.compilation(catalog, org=org, domain=domain).items]
    title = f"{org.name}{domain.name}领域基层政务公开标准目录"
    data = write_catalog_workbook(items, title=title, organization=org.name, domain=domain.name)
    response = HttpResponse(
        data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(title)}.xlsx"
    return response


@login_required
def import_table(request, code: str, domain_code: str):
    """Upload → preview of every row (read / merged / rejected) → confirm: all or nothing."""
    org, domain, catalog = _scope(request, code, domain_code, Action.EDIT_CATALOG)
    target = f"catalog:{org.code}:{domain.code}"
    context = {"org": org, "domain": domain, "form": UploadForm()}
    if request.method == "POST" and "token" in request.POST:
        token = request.POST["token"]
        try:
            preview = importing.load_staged(token, user_id=request.user.pk, target=target)
            catalog = catalog or services.open_catalog(
                organization=org, domain=domain, by=request.user
            )
            outcome = services.import_catalog_elements(
                catalog=catalog, rows=preview.rows_to_save(), by=request.user
            )
        except ValidationError as exc:
            context["errors"] = exc.messages
            return render(request, "workspace/catalog/import.html", context)
        importing.discard_staged(token)
        messages.success(
            request,
            f"导入完成：新增 {outcome.created} 项，更新 {outcome.updated} 项，未变化 {outcome.unchanged} 项。",
        )
        return redirect(_page_url(org, domain))
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
    return render(request, "workspace/catalog/import.html", context)

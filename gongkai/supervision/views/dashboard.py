"""监督总览: region → organization → domain → catalog item → document, and the lists behind figures."""

from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.views.decorators.http import require_POST

from gongkai.catalog.models import CatalogItem, Domain
from gongkai.documents.models import Document
from gongkai.supervision import exports
from gongkai.supervision.jobs import refresh_supervision_snapshot
from gongkai.supervision.selectors import dashboard as selectors
from gongkai.supervision.selectors.drilldown import document_view, domain_items, item_view
from gongkai.supervision.selectors.lists import FIGURES, figure_list
from gongkai.supervision.selectors.scope import (
    organization_in_scope,
    region_crumbs,
    region_in_scope,
    supervised,
)
from gongkai.supervision.views._page import page


def _org_crumbs(scope, organization):
    """Regions down to the body's, then the bodies above it within scope."""
    ids = scope.ids()
    codes = [code for code in organization.path.split("/") if code][:-1]
    parents = [org for org in scope.organizations if org.code in codes and org.id in ids]
    return region_crumbs(scope, organization.region), parents


@login_required
def dashboard(request):
    scope = supervised(request.user)
    region = region_in_scope(scope, request.GET.get("region"))
    context = {"view": selectors.region_dashboard(scope, region, today=timezone.localdate())}
    return page(request, "supervision/dashboard.html", context, section="dashboard")


@login_required
def organization(request, code: str):
    scope = supervised(request.user)
    org = organization_in_scope(scope, code)
    regions, parents = _org_crumbs(scope, org)
    context = {
        "view": selectors.organization_dashboard(scope, org, today=timezone.localdate()),
        "regions": regions,
        "parents": parents,
    }
    return page(request, "supervision/organization.html", context, section="dashboard")


@login_required
def domain(request, code: str, domain_code: str):
    scope = supervised(request.user)
    org = organization_in_scope(scope, code)
    domain = get_object_or_404(Domain, code=domain_code)
    regions, parents = _org_crumbs(scope, org)
    context = {
        "org": org,
        "domain": domain,
        "rows": domain_items(org, domain, today=timezone.localdate()),
        "regions": regions,
        "parents": parents,
    }
    return page(request, "supervision/domain.html", context, section="dashboard")


@login_required
def item(request, item_id: int):
    scope = supervised(request.user)
    catalog_item = get_object_or_404(
        CatalogItem.objects.select_related("catalog__organization__region", "catalog__domain"),
        pk=item_id,
    )
    org = organization_in_scope(scope, catalog_item.catalog.organization.code)
    regions, parents = _org_crumbs(scope, org)
    context = {
        "view": item_view(catalog_item, today=timezone.localdate()),
        "regions": regions,
        "parents": parents,
    }
    return page(request, "supervision/item.html", context, section="dashboard")


@login_required
def document(request, document_id: int):
    scope = supervised(request.user)
    doc = get_object_or_404(Document.objects.select_related("organization__region"), pk=document_id)
    org = organization_in_scope(scope, doc.organization.code)
    regions, parents = _org_crumbs(scope, org)
    view = document_view(doc)
    context = {"view": view, "regions": regions, "parents": parents, "org": org}
    return page(request, "supervision/document.html", context, section="dashboard")


@login_required
def figure(request, figure: str):
    """The list behind a figure, for a region (?region=), a body (?org=) and a domain (?domain=)."""
    if figure not in FIGURES:
        raise Http404("没有这项统计。")
    scope = supervised(request.user)
    region = None
    if code := request.GET.get("org"):
        org = organization_in_scope(scope, code)
        organizations, label = [org], org.name
    else:
        region = region_in_scope(scope, request.GET.get("region"))
        organizations = scope.within(region)
        label = region.name if region else "全部"
    domain = None
    if domain_code := request.GET.get("domain"):
        domain = get_object_or_404(Domain, code=domain_code)
        label = f"{label} · {domain.name}"
    listing = figure_list(figure, organizations, domain=domain, today=timezone.localdate())
    if request.GET.get("format") == "xlsx":
        rows = [[cell.value for cell in row] for row in listing.rows]
        data = exports.workbook(f"{label}{listing.title}", listing.columns, rows)
        response = HttpResponse(
            data,
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        filename = quote(f"{label}{listing.title}.xlsx")
        response["Content-Disposition"] = f"attachment; filename*=UTF-8''{filename}"
        return response
    context = {
        "page": listing,
        "label": label,
        "region": region,
        "crumbs": region_crumbs(scope, region) if region else [],
        "query": request.GET.urlencode(),
    }
    return page(request, "supervision/list.html", context, section="dashboard")


@login_required
@require_POST
def refresh(request):
    """Ask the background worker for fresh dashboard figures."""
    scope = supervised(request.user)
    if not scope.organizations:
        raise PermissionDenied
    refresh_supervision_snapshot.enqueue()
    messages.success(request, "已提交统计刷新任务，完成后页面将显示新的统计时间。")
    return redirect("supervision:dashboard")

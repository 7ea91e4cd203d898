"""Public pages of the annual reports (/nianbao/): published reports only, no login."""

from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_cookie

from gongkai.orgs.models import Organization
from gongkai.reports import selectors
from gongkai.reports.models import AnnualReport
from gongkai.reports.views.workspace import docx_response


def _organization(code: str) -> Organization:
    return get_object_or_404(Organization.objects.select_related("region"), code=code)


def _published(code: str, year: int) -> AnnualReport:
    report = (
        AnnualReport.objects.published()
        .select_related("organization__region")
        .filter(organization__code=code, year=year)
        .first()
    )
    if report is None:
        raise Http404("该机关单位尚未公布这一年度的政府信息公开工作年度报告。")
    return report


def _crumbs(organization: Organization, *, with_list: bool) -> list[dict]:
    crumbs = [
        {"name": "首页", "url": reverse("portal:home")},
        {
            "name": organization.name,
            "url": reverse("portal:organization", args=[organization.code]),
        },
    ]
    if with_list:
        crumbs.append(
            {
                "name": "政府信息公开工作年度报告",
                "url": reverse("reports_public:list", args=[organization.code]),
            }
        )
    return crumbs


@require_safe
@vary_on_cookie
def index(request):
    """Every body with a published report, in the order of the administrative tree."""
    return render(
        request,
        "reports/public/index.html",
        {
            "rows": selectors.published_by_organization(),
            "crumbs": [{"name": "首页", "url": reverse("portal:home")}],
        },
    )


@require_safe
@vary_on_cookie
def report_list(request, code: str):
    organization = _organization(code)
    return render(
        request,
        "reports/public/list.html",
        {
            "org": organization,
            "reports": selectors.published_reports_of(organization),
            "crumbs": _crumbs(organization, with_list=False),
        },
    )


@require_safe
@vary_on_cookie
def report(request, code: str, year: int):
    report = _published(code, year)
    page = selectors.report_page(report, today=timezone.localdate())
    return render(
        request,
        "reports/public/report.html",
        {
            "org": report.organization,
            "page": page,
            "crumbs": _crumbs(report.organization, with_list=True),
        },
    )


@require_safe
def report_json(request, code: str, year: int):
    report = _published(code, year)
    page = selectors.report_page(report, today=timezone.localdate())
    return JsonResponse(
        selectors.report_json(page), json_dumps_params={"ensure_ascii": False, "indent": 1}
    )


@require_safe
def report_docx(request, code: str, year: int):
    report = _published(code, year)
    return docx_response(report, selectors.report_figures(report))

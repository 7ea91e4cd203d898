"""Staff pages of the annual report: per organization and year, and the supervisor's summary."""

from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from gongkai.orgs.access import Action, can, organizations_for, require
from gongkai.orgs.models import Membership, Organization, Role
from gongkai.reports import selectors, services
from gongkai.reports.docx import build_report_docx
from gongkai.reports.forms import (
    EnteredFiguresForm,
    FiguresImportForm,
    OpenForm,
    ReasonForm,
    ReviewCaseForm,
    TextsForm,
)
from gongkai.reports.models import AnnualReport, ReviewCase
from gongkai.reports.summary import region_summary


def _organization(request, code: str, action: Action = Action.VIEW_WORKSPACE) -> Organization:
    organization = get_object_or_404(Organization.objects.select_related("region"), code=code)
    require(request.user, action, organization)
    return organization


def _report(request, code: str, year: int, action: Action = Action.VIEW_WORKSPACE) -> AnnualReport:
    organization = _organization(request, code, action)
    return get_object_or_404(
        AnnualReport.objects.select_related("organization__region"),
        organization=organization,
        year=year,
    )


def _refuse(request, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)


def _back(report: AnnualReport):
    return redirect(report.get_workspace_url())


def _default_year() -> int:
    return timezone.localdate().year - 1


@login_required
def index(request):
    """The reports of every body this user writes or publishes for, and the regions they supervise."""
    editable = organizations_for(request.user, Action.EDIT_REPORT) | organizations_for(
        request.user, Action.PUBLISH_REPORT
    )
    organizations = list(editable.select_related("region").order_by("path")[:200])
    reports = AnnualReport.objects.filter(organization__in=organizations).order_by("-year")
    by_org: dict[int, list[AnnualReport]] = {}
    for report in reports:
        by_org.setdefault(report.organization_id, []).append(report)
    supervised = [
        m.organization
        for m in Membership.objects.filter(user=request.user, role=Role.SUPERVISOR).select_related(
            "organization"
        )
    ]
    if request.user.is_superuser:
        supervised = list(Organization.objects.filter(parent__isnull=True))
    return render(
        request,
        "reports/workspace/index.html",
        {
            "rows": [(org, by_org.get(org.id, [])) for org in organizations],
            "supervised": supervised,
            "year": _default_year(),
        },
    )


@login_required
def organization(request, code: str):
    org = _organization(request, code)
    return render(
        request,
        "reports/workspace/organization.html",
        {
            "org": org,
            "reports": selectors.reports_of(org),
            "can_edit": can(request.user, Action.EDIT_REPORT, org),
            "open_form": OpenForm(initial={"year": _default_year()}),
        },
    )


@login_required
@require_POST
def open_report(request, code: str):
    org = _organization(request, code, Action.EDIT_REPORT)
    form = OpenForm(request.POST)
    if not form.is_valid():
        messages.error(request, "请填写正确的年度。")
        return redirect("reports:organization", code)
    try:
        report = services.open_report(
            organization=org, year=form.cleaned_data["year"], by=request.user
        )
    except ValidationError as exc:
        _refuse(request, exc)
        return redirect("reports:organization", code)
    return _back(report)


def _detail_context(request, report: AnnualReport, **forms) -> dict:
    org = report.organization
    page = selectors.report_page(report, today=timezone.localdate(), with_cases=True)
    editable = not report.is_published and can(request.user, Action.EDIT_REPORT, org)
    return {
        "org": org,
        "page": page,
        "can_edit": editable,
        "can_publish": can(request.user, Action.PUBLISH_REPORT, org),
        "figures_form": forms.get("figures_form")
        or EnteredFiguresForm(
            initial={
                "licensing": report.licensing_decisions,
                "penalty": report.penalty_decisions,
                "coercion": report.coercion_decisions,
                "fees": f"{report.fees.normalize():f}",
            }
        ),
        "import_form": forms.get("import_form") or FiguresImportForm(),
        "case_form": forms.get("case_form") or ReviewCaseForm(),
        "withdraw_form": ReasonForm(),
    }


@login_required
def detail(request, code: str, year: int):
    org = _organization(request, code)
    report = (
        AnnualReport.objects.filter(organization=org, year=year)
        .select_related("organization__region")
        .first()
    )
    if report is None:
        return render(
            request,
            "reports/workspace/not_started.html",
            {"org": org, "year": year, "can_edit": can(request.user, Action.EDIT_REPORT, org)},
        )
    return render(request, "reports/workspace/detail.html", _detail_context(request, report))


@login_required
def texts(request, code: str, year: int):
    report = _report(request, code, year, Action.EDIT_REPORT)
    if report.is_published:
        messages.error(request, "报告已公布，不能修改正文；如需修改，请先撤回。")
        return _back(report)
    if request.method == "POST":
        form = TextsForm(request.POST)
        if form.is_valid():
            try:
                services.update_texts(report=report, by=request.user, **form.cleaned_data)
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, "正文已保存。")
                return _back(report)
    else:
        form = TextsForm(
            initial={
                "overview": report.overview,
                "problems": report.problems,
                "other_matters": report.other_matters,
            }
        )
    return render(
        request,
        "reports/workspace/texts.html",
        {"org": report.organization, "report": report, "form": form},
    )


@login_required
@require_POST
def figures(request, code: str, year: int):
    report = _report(request, code, year, Action.EDIT_REPORT)
    form = EnteredFiguresForm(request.POST)
    if form.is_valid():
        try:
            services.update_entered_figures(report=report, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "数据已保存。")
            return _back(report)
    return render(
        request,
        "reports/workspace/detail.html",
        _detail_context(request, report, figures_form=form),
    )


@login_required
@require_POST
def import_figures(request, code: str, year: int):
    report = _report(request, code, year, Action.EDIT_REPORT)
    form = FiguresImportForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.import_entered_figures(
                report=report, by=request.user, handle=form.cleaned_data["file"]
            )
        except ValidationError as exc:
            form.add_error("file", exc)
        else:
            messages.success(request, "已从 Excel 导入数据。")
            return _back(report)
    return render(
        request, "reports/workspace/detail.html", _detail_context(request, report, import_form=form)
    )


@login_required
@require_POST
def add_case(request, code: str, year: int):
    report = _report(request, code, year, Action.EDIT_REPORT)
    form = ReviewCaseForm(request.POST)
    if form.is_valid():
        try:
            services.record_review_case(
                organization=report.organization, by=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "案件已登记。")
            return _back(report)
    return render(
        request, "reports/workspace/detail.html", _detail_context(request, report, case_form=form)
    )


@login_required
@require_POST
def remove_case(request, code: str, year: int, case_id: int):
    report = _report(request, code, year, Action.EDIT_REPORT)
    case = get_object_or_404(ReviewCase, pk=case_id, organization=report.organization)
    try:
        services.remove_review_case(
            case=case, by=request.user, reason=request.POST.get("reason", "")
        )
    except ValidationError as exc:
        _refuse(request, exc)
    else:
        messages.success(request, "案件已删除。")
    return _back(report)


@login_required
@require_POST
def publish(request, code: str, year: int):
    report = _report(request, code, year, Action.PUBLISH_REPORT)
    try:
        services.publish_report(report=report, by=request.user)
    except ValidationError as exc:
        _refuse(request, exc)
    else:
        messages.success(request, "年度报告已公布。")
    return _back(report)


@login_required
@require_POST
def withdraw(request, code: str, year: int):
    report = _report(request, code, year, Action.PUBLISH_REPORT)
    form = ReasonForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError("撤回必须填写原因。")
        services.withdraw_report(report=report, by=request.user, reason=form.cleaned_data["reason"])
    except ValidationError as exc:
        _refuse(request, exc)
    else:
        messages.success(request, "年度报告已撤回，修改后可重新公布。")
    return _back(report)


def docx_response(report: AnnualReport, figures) -> HttpResponse:
    data = build_report_docx(title=report.title, figures=figures, texts=report.texts)
    response = HttpResponse(
        data, content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(report.title)}.docx"
    return response


@login_required
def docx(request, code: str, year: int):
    report = _report(request, code, year)
    return docx_response(report, selectors.report_figures(report))


@login_required
def region(request, code: str, year: int):
    org = _organization(request, code, Action.SUPERVISE)
    if not 2008 <= year <= timezone.localdate().year:
        raise Http404("没有这个年度。")
    summary = region_summary(organization=org, year=year, today=timezone.localdate())
    return render(request, "reports/workspace/region.html", {"org": org, "summary": summary})

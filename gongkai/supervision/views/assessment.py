"""监督考核: rankings by month with their change, scores that explain themselves, indicators."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from gongkai.orgs.access import Action, require
from gongkai.supervision import exports
from gongkai.supervision.charts import bar_chart, line_chart
from gongkai.supervision.forms import IndicatorSetForm
from gongkai.supervision.models import Assessment, AssessmentRun
from gongkai.supervision.selectors import assessment as selectors
from gongkai.supervision.selectors.scope import supervised_roots
from gongkai.supervision.services import assessment as services
from gongkai.supervision.views._page import page
from gongkai.supervision.views.tasks import _xlsx


def _scope(request):
    roots = supervised_roots(request.user)
    if not roots:
        raise PermissionDenied("您没有监督考核权限。")
    code = request.GET.get("scope") or request.POST.get("scope")
    scope = next((org for org in roots if org.code == code), roots[0])
    return scope, roots


@login_required
def ranking(request):
    scope, roots = _scope(request)
    today = timezone.localdate()
    period = request.GET.get("period") or ""
    run = selectors.latest_run(scope, period or None)
    rows = selectors.ranking(run) if run else []
    chart = (
        bar_chart(
            [(row.assessment.organization.name, row.assessment.total) for row in rows],
            title=f"{scope.name}{run.period}考核得分",
        )
        if rows
        else ""
    )
    context = {
        "scope": scope,
        "roots": roots,
        "run": run,
        "rows": rows,
        "names": selectors.indicator_names(run) if run else [],
        "chart": chart,
        "periods": selectors.periods(scope),
        "this_month": f"{today:%Y-%m}",
    }
    return page(request, "supervision/assessment/ranking.html", context, section="ranking")


@login_required
@require_POST
def run(request):
    scope, _ = _scope(request)
    period = request.POST.get("period", "")
    try:
        result = services.run_assessment(scope=scope, period=period, by=request.user)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect(f"{reverse('supervision:ranking')}?scope={scope.code}")
    messages.success(
        request,
        f"已按《{result.indicator_set}》完成{result.period}考核，共 {result.assessments.count()} 个单位。",
    )
    return redirect(f"{reverse('supervision:ranking')}?scope={scope.code}&period={result.period}")


@login_required
def assessment(request, assessment_id: int):
    item = get_object_or_404(
        Assessment.objects.select_related("run__scope", "run__indicator_set", "organization"),
        pk=assessment_id,
    )
    require(request.user, Action.SUPERVISE, item.run.scope)
    history = []
    seen = set()
    for other in (
        Assessment.objects.filter(run__scope=item.run.scope, organization=item.organization)
        .select_related("run")
        .order_by("-run__period", "-run__computed_at")
    ):
        if other.run.period not in seen:
            seen.add(other.run.period)
            history.append((other.run.period, other.total))
    history = list(reversed(history[:12]))
    context = {
        "item": item,
        "history": history,
        "chart": line_chart(history, title=f"{item.organization.name}得分变化") if history else "",
    }
    return page(request, "supervision/assessment/detail.html", context, section="ranking")


@login_required
def ranking_export(request, run_id: int):
    result = get_object_or_404(
        AssessmentRun.objects.select_related("scope", "indicator_set"), pk=run_id
    )
    require(request.user, Action.SUPERVISE, result.scope)
    names = selectors.indicator_names(result)
    rows = [
        [
            row.assessment.rank,
            row.assessment.organization.name,
            row.assessment.total,
            row.assessment.grade,
            row.change if row.change is not None else "",
            row.assessment.previous_rank or "",
            *row.points,
        ]
        for row in selectors.ranking(result)
    ]
    columns = ["排名", "单位", "得分", "等次", "较上月", "上月排名", *names]
    title = f"{result.scope.name}{result.period}政务公开考核"
    data = exports.workbook(title, columns, rows)
    return _xlsx(data, f"{title}.xlsx")


@login_required
def indicators(request):
    scope, roots = _scope(request)
    current = selectors.effective_indicator_set(scope)
    specs = current.specs() if current else []
    form = IndicatorSetForm(specs=specs, initial={"name": current.name if current else ""})
    if request.method == "POST":
        form = IndicatorSetForm(request.POST, specs=specs)
        if form.is_valid():
            try:
                created = services.create_indicator_set(
                    owner=scope,
                    name=form.cleaned_data["name"],
                    specs=form.specs(),
                    note=form.cleaned_data["note"],
                    by=request.user,
                )
            except ValidationError as exc:
                for message in exc.messages:
                    form.add_error(None, message)
            else:
                messages.success(request, f"已保存为《{created}》，此后的考核将使用该版本。")
                return redirect(f"{reverse('supervision:indicators')}?scope={scope.code}")
    context = {
        "scope": scope,
        "roots": roots,
        "current": current,
        "versions": selectors.indicator_versions(scope),
        "form": form,
    }
    return page(request, "supervision/assessment/indicators.html", context, section="indicators")

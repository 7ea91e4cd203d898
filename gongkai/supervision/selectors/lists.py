"""The list behind each dashboard figure, always computed now for the bodies asked about."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.urls import NoReverseMatch, reverse

from gongkai.catalog.models import Domain
from gongkai.catalog.selectors import coverage_matrix
from gongkai.info_requests.deadlines import current_calendar
from gongkai.info_requests.models import InfoRequest
from gongkai.orgs.models import Organization
from gongkai.rules.indicators import (
    blank_items,
    late_publications,
    missing_interpretations,
    report_status,
    stale_items,
)
from gongkai.supervision.models import TaskAssignment
from gongkai.supervision.selectors import facts
from gongkai.supervision.selectors.dashboard import Cell
from gongkai.supervision.selectors.drilldown import document_url, window_label
from gongkai.supervision.selectors.figures import WINDOWS, recent_period

FIGURES = {
    "coverage": "目录编制情况",
    "blank": "空白事项",
    "stale": "未按期更新的事项",
    "late": "超时限发布的信息（近12个月）",
    "uninterpreted": "未按时解读的政策文件（近12个月）",
    "requests_open": "办理中的政府信息公开申请",
    "requests_overdue": "逾期未答复的政府信息公开申请",
    "tasks_overdue": "逾期未完成的工作任务",
    "report": "上一年度政府信息公开工作年度报告",
}


@dataclass
class ListPage:
    figure: str
    title: str
    columns: list[str]
    rows: list[list[Cell]] = field(default_factory=list)


def _org_cell(org: Organization) -> Cell:
    return Cell(org.name, reverse("supervision:organization", args=[org.code]))


def _day(value: date | None) -> str:
    return f"{value:%Y-%m-%d}" if value else "—"


def _request_url(request_id: int) -> str:
    try:
        return reverse("info_requests:detail", args=[request_id])
    except NoReverseMatch:
        return ""


def figure_list(
    figure: str, organizations: list[Organization], *, domain: Domain | None, today: date
) -> ListPage:
    page = ListPage(figure=figure, title=FIGURES[figure], columns=[])
    by_id = {org.id: org for org in organizations}
    ids = list(by_id)
    period = recent_period(today)
    if figure == "coverage":
        page.columns = ["单位", "领域", "已编制", "应编制", "覆盖率"]
        duties = facts.duty_domains(organizations)
        domains = [domain] if domain else list(Domain.objects.all())
        matrix = coverage_matrix(organizations, domains)
        for org in organizations:
            for d in domains:
                coverage = matrix[(org.id, d.id)]
                if d.id not in duties.get(org.id, ()) or not coverage.applicable:
                    continue
                url = reverse("supervision:domain", args=[org.code, d.code])
                page.rows.append(
                    [
                        _org_cell(org),
                        Cell(d.name, url),
                        Cell(str(coverage.adopted)),
                        Cell(str(coverage.applicable)),
                        Cell(f"{coverage.percent}%", alert=coverage.percent < 100),
                    ]
                )
    elif figure in ("blank", "stale"):
        page.columns = ["单位", "事项", "已发布", "最近发布", "更新要求"]
        items = [
            i for i in facts.catalog_item_facts(ids) if domain is None or i.domain_id == domain.id
        ]
        if figure == "blank":
            chosen = {f.item_id for f in blank_items(i.fact for i in items)}
        else:
            chosen = {
                f.item_id
                for f in stale_items((i.fact for i in items), as_of=today, windows=WINDOWS)
            }
        for entry in items:
            if entry.fact.item_id not in chosen:
                continue
            page.rows.append(
                [
                    _org_cell(by_id[entry.organization_id]),
                    Cell(entry.fact.label, reverse("supervision:item", args=[entry.fact.item_id])),
                    Cell(str(entry.fact.published_count)),
                    Cell(_day(entry.fact.last_published), alert=figure == "stale"),
                    Cell(window_label(entry.fact.kind)),
                ]
            )
    elif figure == "late":
        page.columns = ["单位", "标题", "目录事项", "形成日期", "应发布日期", "发布日期", "超出"]
        publications = [
            p
            for p in facts.publications(ids, period)
            if domain is None or domain.id in p.domain_ids
        ]
        owner = {p.fact.document_id: p.organization_id for p in publications}
        calendar = current_calendar()
        for late in late_publications(
            (p.fact for p in publications), period=period, calendar=calendar
        ):
            f = late.fact
            page.rows.append(
                [
                    _org_cell(by_id[owner[f.document_id]]),
                    Cell(f.title, document_url(f.document_id)),
                    Cell(f.item_label or "—"),
                    Cell(_day(f.formed_on)),
                    Cell(_day(late.due_on)),
                    Cell(_day(f.published_on)),
                    Cell(f"{late.workdays_late}个工作日", alert=True),
                ]
            )
    elif figure == "uninterpreted":
        page.columns = ["单位", "政策文件", "发布日期", "解读应于", "解读发布"]
        calendar = current_calendar()
        for org_id, found in facts.policies(ids, period).items():
            for missing in missing_interpretations(found, period=period, calendar=calendar):
                f = missing.fact
                page.rows.append(
                    [
                        _org_cell(by_id[org_id]),
                        Cell(f.title, document_url(f.document_id)),
                        Cell(_day(f.published_on)),
                        Cell(_day(missing.due_on)),
                        Cell(_day(f.interpreted_on) if f.interpreted_on else "未解读", alert=True),
                    ]
                )
    elif figure in ("requests_open", "requests_overdue"):
        page.columns = ["单位", "申请编号", "收到日期", "答复期限", "状态"]
        requests = InfoRequest.objects.filter(organization__in=ids)
        requests = requests.overdue(on=today) if figure == "requests_overdue" else requests.open()
        for request in requests.order_by("due_on", "id"):
            overdue = request.due_on is not None and request.due_on < today
            page.rows.append(
                [
                    _org_cell(by_id[request.organization_id]),
                    Cell(request.number, _request_url(request.id)),
                    Cell(_day(request.received_on)),
                    Cell(_day(request.due_on), alert=overdue),
                    Cell(request.get_status_display()),
                ]
            )
    elif figure == "tasks_overdue":
        page.columns = ["单位", "工作任务", "完成时间", "状态"]
        assignments = (
            TaskAssignment.objects.overdue(on=today)
            .filter(organization__in=ids)
            .select_related("task", "organization")
            .order_by("task__deadline", "task__position")
        )
        for assignment in assignments:
            page.rows.append(
                [
                    _org_cell(assignment.organization),
                    Cell(
                        str(assignment.task),
                        reverse("supervision:assignment", args=[assignment.id]),
                    ),
                    Cell(_day(assignment.task.deadline), alert=True),
                    Cell(assignment.status_label(today)),
                ]
            )
    elif figure == "report":
        page.columns = ["单位", "年度", "公布期限", "公布日期", "状态"]
        year = today.year - 1
        reports = facts.reports_due(organizations, year=year)
        for org in organizations:
            deadline = facts.report_deadline(org, year=year)
            if deadline is None:
                continue
            status = report_status(reports.get(org.id), as_of=today)
            published = reports[org.id].published_on if org.id in reports else None
            page.rows.append(
                [
                    _org_cell(org),
                    Cell(str(year)),
                    Cell(_day(deadline)),
                    Cell(_day(published)),
                    Cell(status.label, alert=status.code in {"late", "missing"}),
                ]
            )
    return page

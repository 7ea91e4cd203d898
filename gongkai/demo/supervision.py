"""Demo 监督考核: publications that are late, stale or not interpreted, a county task breakdown
with progress, two months of assessment, and the reminders of today.

Dates are set from today, so the dashboard always has something to show. The documents are
history: they are written as already published (as a migration of an old site would), not taken
through the review workflow.
"""

from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from gongkai.catalog.models import CatalogItem
from gongkai.documents.choices import Disclosure, Genre, Status
from gongkai.documents.models import Document
from gongkai.documents.services.numbering import take_index_numbers
from gongkai.orgs.models import Organization
from gongkai.rules.task_table import Role
from gongkai.supervision.models import TaskAssignment, TaskStatus
from gongkai.supervision.services import assessment, notifications, tasks
from gongkai.supervision.task_import import COLLECTIVE, MATCHED

TOWNSHIP = "东川县城关镇人民政府"
NEIGHBOUR = "东川县河口镇人民政府"
DEPARTMENT = "东川县民政局"
COUNTY = "东川县人民政府"
LATE_TITLE = "城关镇最低生活保障审核对象公示（第三批）"


def _moment(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(10, 0)))


def _item(org: Organization, level1: str, level2: str) -> CatalogItem:
    return CatalogItem.objects.get(
        catalog__organization=org,
        catalog__domain__code="social_assistance",
        level1=level1,
        level2=level2,
    )


def _published(org, *, title, genre, formed, published, items=(), interprets=(), by) -> Document:
    [number] = take_index_numbers(organization=org, year=published.year)
    document = Document.objects.create(
        organization=org,
        index_number=number,
        title=title,
        genre=genre,
        written_on=formed,
        disclosure=Disclosure.PROACTIVE,
        status=Status.PUBLISHED,
        published_at=_moment(published),
        summary=title,
        body=f"<p>{title}。</p>",
        created_by=by,
    )
    document.catalog_items.set(items)
    document.interprets.set(interprets)
    return document


@transaction.atomic
def build_documents(orgs: dict[str, Organization], *, by, today: date) -> list[Document]:
    township, neighbour, department = orgs[TOWNSHIP], orgs[NEIGHBOUR], orgs[DEPARTMENT]
    made = [
        # 10 working days allowed; published about 3 weeks after it was formed: late.
        _published(
            township,
            title=LATE_TITLE,
            genre=Genre.ANNOUNCEMENT,
            formed=today - timedelta(days=45),
            published=today - timedelta(days=12),
            items=[_item(township, "最低生活保障", "审核信息")],
            by=by,
        ),
        _published(
            township,
            title="城关镇最低生活保障办事指南（2025年修订）",
            genre=Genre.GUIDE,
            formed=today - timedelta(days=9),
            published=today - timedelta(days=6),
            items=[_item(township, "最低生活保障", "办事指南")],
            by=by,
        ),
    ]
    # A policy of eight months ago: the item is stale (6 months) and it was never interpreted.
    made.append(
        _published(
            township,
            title="城关镇最低生活保障对象认定实施细则",
            genre=Genre.NORMATIVE,
            formed=today - timedelta(days=250),
            published=today - timedelta(days=243),
            items=[_item(township, "最低生活保障", "政策法规文件")],
            by=by,
        )
    )
    policy = _published(
        township,
        title="城关镇临时救助工作规程",
        genre=Genre.NORMATIVE,
        formed=today - timedelta(days=24),
        published=today - timedelta(days=20),
        items=[_item(township, "临时救助", "政策法规文件")],
        by=by,
    )
    made.append(policy)
    made.append(
        _published(
            township,
            title="《城关镇临时救助工作规程》政策解读",
            genre=Genre.INTERPRETATION,
            formed=today - timedelta(days=20),
            published=today - timedelta(days=19),
            interprets=[policy],
            by=by,
        )
    )
    made.append(
        _published(
            neighbour,
            title="河口镇最低生活保障办事指南",
            genre=Genre.GUIDE,
            formed=today - timedelta(days=30),
            published=today - timedelta(days=28),
            items=[_item(neighbour, "最低生活保障", "办事指南")],
            by=by,
        )
    )
    made.append(
        _published(
            department,
            title="东川县2025年特困人员救助供养审批结果",
            genre=Genre.ANNOUNCEMENT,
            formed=today - timedelta(days=60),
            published=today - timedelta(days=25),
            items=[_item(department, "特困人员救助供养", "审批信息")],
            by=by,
        )
    )
    return made


def _month_end(day: date) -> str:
    return f"{day.year}年{day.month}月底前"


def _unit(role: Role, text: str, orgs: list[Organization], status: str) -> dict:
    return {
        "role": role.value,
        "text": text,
        "status": status,
        "organization_ids": [org.id for org in orgs],
        "names": [org.name for org in orgs],
        "candidates": [],
        "message": "",
    }


def build_tasks(orgs: dict[str, Organization], *, by, today: date):
    """A county plan of five tasks for the townships: overdue, due in a week, done, ongoing."""
    county = orgs[COUNTY]
    townships = [o for o in orgs.values() if o.kind == "township" and o.is_within(county)]
    last_month = today.replace(day=1) - timedelta(days=1)
    rows = [
        (
            "梳理基层政务公开事项",
            "梳理规范本级政务公开事项清单",
            _month_end(last_month),
            last_month,
        ),
        (
            "编制公开标准目录",
            "编制26个领域政务公开标准目录并统一公开",
            "",
            today + timedelta(days=7),
        ),
        ("规范公开平台", "在便民服务中心设立政务公开专区", "", today + timedelta(days=60)),
        ("加强政策解读", "重大政策措施同步开展政策解读", "持续推进", None),
        ("探索村(居)务公开", "建立完善村(居)民委员会公开事项清单", "", today + timedelta(days=1)),
    ]
    preview_rows = []
    for number, (group, title, text, deadline) in enumerate(rows, start=1):
        if deadline is not None and not text:
            text = f"{deadline.year}年{deadline.month}月{deadline.day}日前"
        preview_rows.append(
            {
                "row_number": number + 2,
                "group_seq": number,
                "group_title": group,
                "number": number,
                "title": title,
                "deadline_text": text,
                "deadline": deadline.isoformat() if deadline else None,
                "unit_texts": {"lead": "县政府办公室", "main": "各乡镇(街道)"},
                "units": [
                    _unit(Role.LEAD, "县政府办公室", [county], MATCHED),
                    _unit(Role.MAIN, "各乡镇(街道)", townships, COLLECTIVE),
                ],
                "problems": [],
                "notes": [],
            }
        )
    plan = tasks.import_task_plan(
        organization=county,
        title="东川县基层政务公开标准化规范化工作任务分工",
        source_name="东川县任务分工（演示）.xlsx",
        rows=preview_rows,
        choices={},
        allowed=set(),
        by=by,
    )
    township = orgs[TOWNSHIP]
    first = TaskAssignment.objects.get(
        task__plan=plan, task__position=1, organization=township, role=Role.MAIN
    )
    evidence = Document.objects.filter(organization=township).order_by("-published_at").first()
    tasks.report_progress(
        assignment=first,
        status=TaskStatus.DONE,
        note="已完成本级政务公开事项清单梳理，并在政务公开专栏公布。",
        document=evidence,
        by=by,
        today=last_month,
    )
    second = TaskAssignment.objects.get(
        task__plan=plan, task__position=2, organization=township, role=Role.MAIN
    )
    tasks.report_progress(
        assignment=second,
        status=TaskStatus.IN_PROGRESS,
        note="已完成社会救助、养老服务等领域目录编制，其余领域正在梳理。",
        by=by,
    )
    return plan


@transaction.atomic
def build(*, orgs: dict[str, Organization], by, today: date | None = None) -> dict:
    today = today or timezone.localdate()
    documents = build_documents(orgs, by=by, today=today)
    plan = build_tasks(orgs, by=by, today=today)
    county = orgs[COUNTY]
    previous = (today.replace(day=1) - timedelta(days=1)).strftime("%Y-%m")
    assessment.run_assessment(scope=county, period=previous, by=by, today=today)
    run = assessment.run_assessment(scope=county, period=f"{today:%Y-%m}", by=by, today=today)
    reminders = notifications.send_task_reminders(today=today)
    digests = notifications.send_daily_digests(today=today)
    return {
        "supervision_documents": len(documents),
        "tasks": plan.tasks.count(),
        "assessed": run.assessments.count(),
        "reminders": reminders,
        "digests": digests,
    }

"""Demo 政府信息 for 青禾市: a few hundred documents under the demo bodies' catalog items.

Most are written straight to the tables as published history (dates in the past, some late);
the 城关镇 低保 公示 goes through the real services, so its personal information is masked by
the same one action a reviewer uses, and one more 公示 waits for review with findings open.
"""

import hashlib
import io
import random
from collections import defaultdict
from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from docx import Document as DocxDocument
from openpyxl import Workbook

from gongkai.audit.models import Event
from gongkai.catalog.models import CatalogItem
from gongkai.documents import files, services
from gongkai.documents.choices import (
    AttachmentKind,
    Disclosure,
    Genre,
    SecrecyCheck,
    Status,
    TextStatus,
)
from gongkai.documents.models import Attachment, Correction, Document, Theme
from gongkai.orgs.models import Organization
from gongkai.rules.pii import id_check_char
from gongkai.rules.timeliness import deadline, effective_limit, outlook
from gongkai.rules.workdays import add_workdays, load_calendar

PER_ORGANIZATION = 14
LATE_SHARE = 0.2
THEMES = {
    "social_assistance": "civil_affairs",
    "elderly_care": "civil_affairs",
    "disaster_relief": "civil_affairs",
    "poverty_alleviation": "civil_affairs",
    "employment": "labour",
    "social_insurance": "labour",
    "fiscal_budget": "finance",
    "tax_administration": "finance",
    "agricultural_subsidies": "agriculture",
    "spatial_planning": "land_energy",
    "land_expropriation": "land_energy",
    "affordable_housing": "construction_environment",
    "rural_dilapidated_housing": "construction_environment",
    "housing_expropriation": "construction_environment",
    "environmental_protection": "construction_environment",
    "municipal_services": "construction_environment",
    "compulsory_education": "science_education",
    "healthcare": "health",
    "work_safety": "market_safety",
    "food_drug_regulation": "market_safety",
    "public_culture": "culture",
    "public_legal_services": "justice",
    "household_registration": "justice",
    "urban_enforcement": "justice",
}
_GENRE_WORDS = (
    (Genre.NORMATIVE, ("政策法规", "规范性文件", "其他政策文件", "政策文件")),
    (Genre.GUIDE, ("办事指南", "服务指南", "办理")),
    (Genre.ANNOUNCEMENT, ("审核", "审批", "公示", "名单", "资格", "公告", "招生", "结果")),
    (Genre.STATISTICS, ("统计", "发放", "资金")),
    (Genre.PLAN, ("规划", "计划")),
)
CHECKLIST = [check.value for check in SecrecyCheck]


def _genre(item: CatalogItem, rng: random.Random) -> str:
    words = f"{item.level2}{item.level3}"
    for genre, keys in _GENRE_WORDS:
        if any(key in words for key in keys):
            return genre
    return rng.choice([Genre.OTHER_DOCUMENT, Genre.NEWS])


def _title(genre: str, org: Organization, item: CatalogItem, year: int, n: int) -> str:
    short = org.short_name or org.name
    topic = item.level1
    titles = {
        Genre.NORMATIVE: f"{short}关于印发《{topic}工作实施细则》的通知",
        Genre.GUIDE: f"{topic}{item.level2}（{year}年版）",
        Genre.ANNOUNCEMENT: f"{short}{year}年第{n}批{topic}{item.level2}公示",
        Genre.STATISTICS: f"{short}{year}年{topic}情况统计（第{n}期）",
        Genre.PLAN: f"{short}{year}年{topic}工作计划",
        Genre.OTHER_DOCUMENT: f"{short}关于做好{year}年{topic}工作的通知",
        Genre.NEWS: f"{short}召开{topic}工作推进会",
    }
    return titles[genre]


def _body(org: Organization, item: CatalogItem, genre: str) -> str:
    basis = "、".join(item.basis[:2]) if item.basis else "有关法律法规"
    lines = [
        f"<p>根据{basis}，结合本{'村' if org.kind == 'village' else '单位'}实际，"
        f"现将{item.level1}{item.level2}有关情况公开如下。</p>",
        f"<p>{(item.content or item.name)[:160]}</p>",
    ]
    if genre == Genre.STATISTICS:
        lines.append(
            "<table><tr><th>村（社区）</th><th>户数</th><th>金额（元）</th></tr>"
            "<tr><td>柳树村</td><td>12</td><td>7800</td></tr>"
            "<tr><td>杏花村</td><td>9</td><td>5850</td></tr></table>"
        )
    lines.append(f"<p>咨询电话：{org.phone or '0991-6612001'}。</p>")
    return "".join(lines)


def policy_docx() -> bytes:
    document = DocxDocument()
    document.add_heading("实施细则（全文）", level=1)
    for n, text in enumerate(["总则", "对象和条件", "申请和审核", "监督管理", "附则"], start=1):
        document.add_paragraph(f"第{n}章 {text}")
        document.add_paragraph("本章规定按照国家和省有关规定执行，具体由乡镇人民政府组织实施。")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def summary_xlsx(rows: list[list]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "汇总表"
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _aware(day: date, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


class _Builder:
    def __init__(self, *, orgs: dict[str, Organization], by, today: date):
        self.orgs, self.by, self.today = orgs, by, today
        self.rng = random.Random(2024)  # noqa: S311 - demo data, not security
        self.calendar = load_calendar()
        self.themes = {t.code: t for t in Theme.objects.all()}
        self.documents: list[Document] = []
        self.items_of: dict[int, list[int]] = {}
        self.late = 0

    def items(self, org: Organization) -> list[CatalogItem]:
        return list(
            CatalogItem.objects.filter(
                catalog__organization=org,
                catalog__published_version__gt=0,
                applicable=True,
                withdrawn=False,
            )
            .select_related("catalog__domain")
            .order_by("catalog__domain__position", "position")
        )

    def plan(self, org: Organization, item: CatalogItem, n: int, *, status: str) -> Document:
        genre = _genre(item, self.rng)
        limit = effective_limit([item.time_limit_working_days])
        if status == Status.PUBLISHED:
            written = self.today - timedelta(days=self.rng.randint(45, 420))
            late = self.rng.random() < LATE_SHARE
            delay = limit + self.rng.randint(1, 6) if late else self.rng.randint(0, limit)
            self.late += late
            published = add_workdays(written, delay, calendar=self.calendar).day
            published_at = _aware(published, self.rng.randint(9, 17))
        else:
            written = self._due_soon(limit) if n % 2 else self.today - timedelta(days=n % 5)
            published_at = None
        document = Document(
            organization=org,
            title=_title(genre, org, item, written.year, n),
            genre=genre,
            theme=self.themes.get(THEMES.get(item.catalog.domain.code, "general")),
            written_on=written,
            doc_no=f"{(org.short_name or org.name)[:2]}发〔{written.year}〕{n}号"
            if genre == Genre.NORMATIVE
            else "",
            body=_body(org, item, genre),
            status=status,
            published_at=published_at,
            disclosure=Disclosure.PROACTIVE,
            effective_on=written + timedelta(days=30) if genre == Genre.NORMATIVE else None,
            created_by=self.by,
        )
        self.documents.append(document)
        self.items_of[id(document)] = [item.pk]
        return document

    def _due_soon(self, limit: int) -> date:
        """A 成文日期 whose deadline falls within the next 2 working days (a draft at risk)."""
        for back in range(60):
            written = self.today - timedelta(days=back)
            due = deadline(formed_on=written, limit_working_days=limit, calendar=self.calendar)
            if outlook(due=due, today=self.today, calendar=self.calendar).working_days_left <= 2:
                return written
        return self.today

    def build_history(self) -> None:
        for org in self.orgs.values():
            items = self.items(org)
            if not items:
                continue
            for n in range(PER_ORGANIZATION):
                item = items[(n * 7) % len(items)]
                status = Status.PUBLISHED if n < PER_ORGANIZATION - 2 else Status.DRAFT
                self.plan(org, item, n + 1, status=status)

    def save(self) -> None:
        Document.objects.bulk_create(self.documents)
        through = Document.catalog_items.through
        through.objects.bulk_create(
            through(document_id=d.pk, catalogitem_id=item_id)
            for d in self.documents
            for item_id in self.items_of[id(d)]
        )
        self._number()
        self._interpret()

    def _number(self) -> None:
        groups: dict[tuple[int, int], list[Document]] = defaultdict(list)
        for d in self.documents:
            if d.published_at:
                groups[(d.organization_id, timezone.localdate(d.published_at).year)].append(d)
        for (org_id, year), documents in groups.items():
            documents.sort(key=lambda d: d.published_at)
            org = next(o for o in self.orgs.values() if o.pk == org_id)
            numbers = services.take_index_numbers(organization=org, year=year, count=len(documents))
            for document, number in zip(documents, numbers, strict=True):
                document.index_number = number
        Document.objects.bulk_update(
            [d for d in self.documents if d.index_number], ["index_number"], batch_size=500
        )

    def _interpret(self) -> None:
        """Most published policies get an interpretation a few days later; a few wait for one."""
        policies = [d for d in self.documents if d.genre == Genre.NORMATIVE and d.published_at]
        interpretations = []
        for n, policy in enumerate(policies):
            if n % 5 == 4:
                continue
            day = add_workdays(
                timezone.localdate(policy.published_at), 2, calendar=self.calendar
            ).day
            interpretations.append(
                Document(
                    organization=policy.organization,
                    title=f"《{policy.title.split('《')[-1].split('》')[0]}》政策解读",
                    genre=Genre.INTERPRETATION,
                    theme=policy.theme,
                    written_on=timezone.localdate(policy.published_at),
                    body="<p>一、制定背景</p><p>二、主要内容</p><p>三、适用对象和办理流程</p>",
                    status=Status.PUBLISHED,
                    published_at=_aware(day, 15),
                    created_by=self.by,
                )
            )
        Document.objects.bulk_create(interpretations)
        for policy, interpretation in zip(
            [p for n, p in enumerate(policies) if n % 5 != 4], interpretations, strict=True
        ):
            interpretation.interprets.add(policy)
            interpretation.catalog_items.set(self.items_of[id(policy)])
            interpretation.index_number = services.take_index_numbers(
                organization=policy.organization,
                year=timezone.localdate(interpretation.published_at).year,
            )[0]
            interpretation.save(update_fields=["index_number"])
        self.documents += interpretations

    def attach(self) -> int:
        """Small generated Word and Excel files on some published documents (no personal data)."""
        docx, xlsx = (
            policy_docx(),
            summary_xlsx(
                [["村（社区）", "户数", "金额（元）"], ["柳树村", 12, 7800], ["杏花村", 9, 5850]]
            ),
        )
        texts = {
            "docx": files.extract_text(extension="docx", data=docx),
            "xlsx": files.extract_text(extension="xlsx", data=xlsx),
        }
        targets = [
            d
            for d in self.documents
            if d.published_at and d.genre in (Genre.NORMATIVE, Genre.STATISTICS)
        ][:24]
        for document in targets:
            extension = "docx" if document.genre == Genre.NORMATIVE else "xlsx"
            data = docx if extension == "docx" else xlsx
            name = "实施细则全文.docx" if extension == "docx" else "资金发放汇总表.xlsx"
            attachment = Attachment(
                document=document,
                name=name,
                kind=AttachmentKind.DOCX if extension == "docx" else AttachmentKind.XLSX,
                extension=extension,
                size=len(data),
                sha256=hashlib.sha256(data).hexdigest(),
                text=texts[extension],
                text_status=TextStatus.DONE,
                position=1,
            )
            attachment.file.save(name, ContentFile(data), save=False)
            attachment.save()
        return len(targets)

    def afterlife(self) -> None:
        """Two corrected and two withdrawn documents, as every real portal has."""
        published = [d for d in self.documents if d.status == Status.PUBLISHED and d.index_number]
        for document in published[3:5]:
            Correction.objects.create(
                document=document,
                by=self.by,
                at=document.published_at + timedelta(days=2),
                reason="发布时文号笔误，现予更正。",
                changed_fields=["doc_no"],
                previous={"doc_no": "（原文号有误）"},
            )
        for document in published[7:9]:
            document.status, document.withdrawn_at = (
                Status.WITHDRAWN,
                document.published_at + timedelta(days=5),
            )
            document.withdrawal_reason = "该信息已被新发布的信息替代。"
            document.save(update_fields=["status", "withdrawn_at", "withdrawal_reason"])

    def audit(self) -> None:
        Event.objects.bulk_create(
            Event(
                at=d.published_at,
                actor=None,
                actor_label="演示数据",
                action="documents.published",
                organization_id=d.organization_id,
                target_type="documents.document",
                target_id=str(d.pk),
                target_label=d.title[:255],
                after={"status": "published", "index_number": d.index_number},
            )
            for d in self.documents
            if d.published_at
        )


def _person(n: int) -> tuple[str, str, str]:
    """A fictional household head: name, a well-formed 身份证号码 and a mobile number."""
    names = ["张秀兰", "李建国", "王桂英", "刘德福", "陈玉梅", "杨志强"]
    first17 = f"530123{1960 + n * 5}{n % 12 + 1:02d}{10 + n:02d}{120 + n:03d}"
    return names[n], first17 + id_check_char(first17), f"139{1000 + n * 1111:04d}{5678 + n:04d}"


def _dibao_rows() -> list[list[str]]:
    rows = [["序号", "户主姓名", "身份证号码", "联系电话", "保障人数", "月保障金（元）"]]
    for n in range(4):
        name, id_number, phone = _person(n)
        rows.append([str(n + 1), name, id_number, phone, str(n % 3 + 1), str(480 + 85 * n)])
    return rows


def _dibao_text(rows: list[list[str]], heading: str) -> str:
    lines = [heading] + ["\t".join(row[:3] + row[4:]) for row in rows]
    lines.append(
        "公示期为7个工作日。如有异议，请向城关镇人民政府民政办反映，监督电话：0991-6612001。"
    )
    return "\n".join(lines)


def _user(username: str, fallback):
    return get_user_model().objects.filter(username=username).first() or fallback


def build_dibao(*, orgs: dict[str, Organization], by, today: date) -> list[Document]:
    """The 城关镇 低保 公示 masked through the services, and one more waiting for review."""
    township = orgs.get("东川县城关镇人民政府")
    if township is None:
        return []
    item = CatalogItem.objects.filter(
        catalog__organization=township, level1="最低生活保障", level2="审核信息"
    ).first()
    if item is None:
        return []
    editor, reviewer = _user("cgz_editor", by), _user("cgz_reviewer", by)
    rows = _dibao_rows()
    fields = {
        "theme": Theme.objects.get(code="civil_affairs"),
        "genre": Genre.ANNOUNCEMENT,
        "disclosure": Disclosure.PROACTIVE,
        "catalog_items": [item],
    }
    published = services.create_document(
        organization=township,
        by=editor,
        fields=fields
        | {
            "title": f"城关镇{today.year}年拟新增最低生活保障对象公示",
            "written_on": today - timedelta(days=6),
            "body": _dibao_text(
                rows,
                "经村（居）民委员会入户调查、民主评议，乡镇人民政府审核，现将拟新增对象公示如下：",
            ),
        },
    )
    services.add_attachment(
        document=published, by=editor, name="拟新增低保对象名单.xlsx", data=summary_xlsx(rows)
    )
    services.submit_document(document=published, by=editor)
    services.mask_personal_info(document=published, by=reviewer)
    services.approve_document(document=published, by=reviewer, checklist=CHECKLIST)
    published = services.publish_document(document=published, by=reviewer)

    waiting = services.create_document(
        organization=township,
        by=editor,
        fields=fields
        | {
            "title": f"城关镇{today.year}年第二批最低生活保障对象审核结果公示",
            "written_on": today - timedelta(days=2),
            "body": _dibao_text(rows[:1] + rows[3:], "现将第二批审核结果公示如下："),
        },
    )
    services.submit_document(document=waiting, by=editor)
    return [published, waiting]


@transaction.atomic
def build(*, orgs: dict[str, Organization], by) -> dict:
    """Demo documents for the demo organizations; returns figures to print."""
    today = timezone.localdate()
    builder = _Builder(orgs=orgs, by=by, today=today)
    builder.build_history()
    builder.save()
    attachments = builder.attach()
    builder.afterlife()
    builder.audit()
    dibao = build_dibao(orgs=orgs, by=by, today=today)
    return {
        "documents": len(builder.documents) + len(dibao),
        "published": Document.objects.filter(status=Status.PUBLISHED).count(),
        "late": builder.late,
        "interpretations": Document.objects.filter(genre=Genre.INTERPRETATION).count(),
        "attachments": attachments + len(dibao[:1]),
    }

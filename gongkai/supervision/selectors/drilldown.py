"""Below the dashboard: a body's domain item by item, an item's documents, a document's clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from gongkai.catalog.models import CatalogItem, Domain
from gongkai.documents.choices import Disclosure, Status
from gongkai.documents.models import Document
from gongkai.info_requests.deadlines import current_calendar
from gongkai.orgs.models import Organization
from gongkai.rules.indicators import (
    ITEM_KIND_LABELS,
    ItemKind,
    Lateness,
    Period,
    PublicationFact,
    lateness,
    window_start,
)
from gongkai.supervision.selectors import facts
from gongkai.supervision.selectors.figures import WINDOWS, recent_period


def document_url(document_id: int) -> str:
    """The supervision page of a document (its clock), which links on to the documents area."""
    return reverse("supervision:document", args=[document_id])


def documents_area_url(document: Document) -> str:
    try:
        return document.get_workspace_url()
    except NoReverseMatch:
        return document.get_absolute_url() if document.is_public else ""


def window_label(kind: ItemKind | None) -> str:
    if kind == ItemKind.NEWS:
        return f"{ITEM_KIND_LABELS[kind]}：{WINDOWS.news_days}天内应有更新"
    if kind in (ItemKind.NOTICE, ItemKind.POLICY):
        months = WINDOWS.notice_months if kind == ItemKind.NOTICE else WINDOWS.policy_months
        return f"{ITEM_KIND_LABELS[kind]}：{months}个月内应有更新"
    return "无更新周期要求"


@dataclass(frozen=True)
class ItemRow:
    item_id: int
    label: str
    url: str
    published: int
    last_published: date | None
    state: str  # 空白 / 未及时更新 / 正常
    alert: bool
    window: str
    late: int


def _item_state(fact, *, today: date) -> tuple[str, bool]:
    if fact.published_count == 0:
        return "空白", True
    if fact.kind and fact.last_published < window_start(fact.kind, as_of=today, windows=WINDOWS):
        return "未及时更新", True
    return "正常", False


def domain_items(organization: Organization, domain: Domain, *, today: date) -> list[ItemRow]:
    """Each proactive item of the body's catalog in the domain, with its state today."""
    period = recent_period(today)
    late_by_item: dict[int, int] = {}
    for row in item_documents_rows(organization, domain=domain, period=period):
        if row.lateness is not None:
            for item_id in row.item_ids:
                late_by_item[item_id] = late_by_item.get(item_id, 0) + 1
    rows = []
    for entry in facts.catalog_item_facts([organization.id]):
        if entry.domain_id != domain.id:
            continue
        fact = entry.fact
        state, alert = _item_state(fact, today=today)
        rows.append(
            ItemRow(
                item_id=fact.item_id,
                label=fact.label.removeprefix(f"{domain.name} / "),
                url=reverse("supervision:item", args=[fact.item_id]),
                published=fact.published_count,
                last_published=fact.last_published,
                state=state,
                alert=alert,
                window=window_label(fact.kind),
                late=late_by_item.get(fact.item_id, 0),
            )
        )
    return rows


@dataclass(frozen=True)
class DocumentRow:
    document_id: int
    title: str
    url: str
    organization: str
    published_on: date | None
    formed_on: date | None
    limit_days: int | None
    lateness: Lateness | None
    item_ids: tuple[int, ...]

    @property
    def state(self) -> str:
        if self.lateness is None:
            return "按时" if self.formed_on else "无成文日期"
        return f"超时限{self.lateness.workdays_late}个工作日"


def item_documents_rows(
    organization: Organization,
    *,
    domain: Domain | None = None,
    item: CatalogItem | None = None,
    period: Period | None = None,
) -> list[DocumentRow]:
    """Documents of the body that went live under the item (or the domain), newest first."""
    documents = Document.objects.filter(
        organization=organization,
        disclosure=Disclosure.PROACTIVE,
        status__in=(Status.PUBLISHED, Status.WITHDRAWN),
        published_at__isnull=False,
    )
    if item is not None:
        documents = documents.filter(catalog_items=item)
    if domain is not None:
        documents = documents.filter(catalog_items__catalog__domain=domain).distinct()
    if period is not None:
        documents = documents.filter(
            published_at__date__gte=period.start, published_at__date__lte=period.end
        )
    documents = (
        documents.order_by("-published_at", "-id")
        .select_related("organization")
        .prefetch_related("catalog_items")
    )
    calendar = current_calendar()
    return [_document_row(document, calendar=calendar) for document in documents]


def _document_row(document: Document, *, calendar) -> DocumentRow:
    items = list(document.catalog_items.all())
    limits = [i.time_limit_working_days for i in items if i.time_limit_working_days]
    limit = min(limits) if limits else None
    published_on = timezone.localdate(document.published_at) if document.published_at else None
    late = None
    if document.formed_on and published_on:
        fact = PublicationFact(
            document_id=document.id,
            title=document.title,
            item_label="",
            formed_on=document.formed_on,
            published_on=published_on,
            time_limit_days=limit,
        )
        late = lateness(fact, calendar=calendar)
    return DocumentRow(
        document_id=document.id,
        title=document.title,
        url=document_url(document.id),
        organization=document.organization.name,
        published_on=published_on,
        formed_on=document.formed_on,
        limit_days=limit,
        lateness=late,
        item_ids=tuple(i.id for i in items),
    )


@dataclass(frozen=True)
class ItemView:
    item: CatalogItem
    organization: Organization
    domain: Domain
    state: str
    alert: bool
    window: str
    documents: list[DocumentRow]


def item_view(item: CatalogItem, *, today: date) -> ItemView:
    organization = item.catalog.organization
    entry = next(
        (e for e in facts.catalog_item_facts([organization.id]) if e.fact.item_id == item.id),
        None,
    )
    if entry is None:
        state, alert, window = "不计入（依申请公开、不适用或已移除）", False, ""
    else:
        state, alert = _item_state(entry.fact, today=today)
        window = window_label(entry.fact.kind)
    return ItemView(
        item=item,
        organization=organization,
        domain=item.catalog.domain,
        state=state,
        alert=alert,
        window=window,
        documents=item_documents_rows(organization, item=item),
    )


@dataclass(frozen=True)
class DocumentView:
    document: Document
    row: DocumentRow
    items: list[CatalogItem]
    interpretations: list[Document]
    area_url: str


def document_view(document: Document) -> DocumentView:
    return DocumentView(
        document=document,
        row=_document_row(document, calendar=current_calendar()),
        items=list(document.catalog_items.select_related("catalog__domain")),
        interpretations=list(document.interpretations.filter(status=Status.PUBLISHED)),
        area_url=documents_area_url(document),
    )

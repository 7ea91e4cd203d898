"""What the public pages read: PUBLISHED documents with disclosure 主动公开, and nothing else."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from gongkai.catalog.models import CatalogItem, Domain
from gongkai.documents.choices import Disclosure, Status, Validity
from gongkai.documents.html import plain_summary
from gongkai.documents.models import Attachment, Correction, Document
from gongkai.orgs.models import Organization


@dataclass(frozen=True)
class Crumb:
    name: str
    url: str


@dataclass(frozen=True)
class MetaRow:
    label: str
    value: str


@dataclass(frozen=True)
class CorrectionNotice:
    at: datetime
    reason: str
    fields: str


@dataclass(frozen=True)
class DocumentPage:
    document: Document
    crumbs: list[Crumb]
    metadata: list[MetaRow]
    attachments: list[Attachment]
    interpretations: list[Document]
    policies: list[Document]
    corrections: list[CorrectionNotice]
    catalog_items: list[CatalogItem]


FIELD_LABELS = {
    "title": "标题",
    "doc_no": "文号",
    "theme": "主题分类",
    "written_on": "成文日期",
    "summary": "内容概述",
    "body": "正文",
    "effective_on": "施行日期",
}


def public_documents() -> QuerySet[Document]:
    return Document.objects.public().select_related("organization", "theme")


def published_for_item(item_id: int, limit: int = 10) -> list[Document]:
    """The newest public documents filed under one catalog item (the portal's item page)."""
    return list(public_documents().filter(catalog_items=item_id).order_by("-published_at")[:limit])


def documents_of(
    *, organization: Organization | None = None, domain: Domain | None = None, item_id=None
) -> QuerySet[Document]:
    documents = public_documents()
    if organization is not None:
        documents = documents.filter(organization=organization)
    if domain is not None:
        documents = documents.filter(catalog_items__catalog__domain=domain).distinct()
    if item_id is not None:
        documents = documents.filter(catalog_items=item_id)
    return documents.order_by("-published_at", "-pk")


def find_public(key: str) -> Document | None:
    """A document by its 索引号, or by its id; None unless it is published and 主动公开."""
    document = (
        Document.objects.select_related("organization", "theme").filter(index_number=key).first()
    )
    if document is None and key.isdigit():
        document = (
            Document.objects.select_related("organization", "theme").filter(pk=int(key)).first()
        )
    return document


def is_gone(document: Document | None) -> bool:
    """Published once, 主动公开, now withdrawn: the page says so instead of 'not found'."""
    return (
        document is not None
        and document.status == Status.WITHDRAWN
        and document.disclosure == Disclosure.PROACTIVE
    )


def _date(value) -> str:
    return f"{value:%Y-%m-%d}" if value else "—"


def _validity(document: Document) -> str:
    label = document.get_validity_display()
    if document.validity != Validity.VALID and document.invalid_on:
        return f"{label}（{_date(document.invalid_on)}起）"
    if document.effective_on:
        return f"{label}（{_date(document.effective_on)}起施行）"
    return label


def metadata(document: Document) -> list[MetaRow]:
    """The metadata table as county portals show it."""
    published = timezone.localtime(document.published_at) if document.published_at else None
    return [
        MetaRow("索引号", document.index_number or "—"),
        MetaRow("发布机构", document.organization.name),
        MetaRow("成文日期", _date(document.written_on)),
        MetaRow("发布日期", _date(published)),
        MetaRow("文号", document.doc_no or "—"),
        MetaRow("主题分类", document.theme.name if document.theme else "—"),
        MetaRow("体裁", document.get_genre_display() or "—"),
        MetaRow("有效性", _validity(document)),
        MetaRow("公开属性", document.get_disclosure_display()),
    ]


def organization_crumbs(organization: Organization) -> list[Crumb]:
    codes = [code for code in organization.path.split("/") if code]
    names = dict(Organization.objects.filter(code__in=codes).values_list("code", "name"))
    crumbs = [Crumb("首页", reverse("portal:home"))]
    crumbs += [
        Crumb(names[c], reverse("portal:organization", args=[c])) for c in codes if c in names
    ]
    return crumbs


def document_page(document: Document) -> DocumentPage:
    """Everything the public page of one published document shows."""
    interpretations = list(
        document.interpretations.public().select_related("organization").order_by("published_at")
    )
    policies = list(
        document.interprets.public().select_related("organization").order_by("published_at")
    )
    corrections = [
        CorrectionNotice(
            at=c.at,
            reason=c.reason,
            fields="、".join(FIELD_LABELS.get(f, f) for f in c.changed_fields),
        )
        for c in Correction.objects.filter(document=document).order_by("at")
    ]
    crumbs = [
        *organization_crumbs(document.organization),
        Crumb(
            "政府信息", reverse("documents_public:organization", args=[document.organization.code])
        ),
    ]
    return DocumentPage(
        document=document,
        crumbs=crumbs,
        metadata=metadata(document),
        attachments=list(document.attachments.order_by("position", "pk")),
        interpretations=interpretations,
        policies=policies,
        corrections=corrections,
        catalog_items=list(document.catalog_items.select_related("catalog__domain")),
    )


def public_attachment(document: Document, attachment_id: int) -> Attachment | None:
    return document.attachments.filter(pk=attachment_id).first()


@dataclass(frozen=True)
class DirectoryRow:
    """One line of the 政府信息公开目录: 索引、名称、内容概述、生成日期 (条例第十二条)."""

    document: Document
    summary: str


def directory_rows(documents) -> list[DirectoryRow]:
    return [DirectoryRow(d, d.summary or plain_summary(d.body, limit=80)) for d in documents]


def items_with_documents(organization: Organization) -> list[CatalogItem]:
    """The organization's catalog items that have at least one public document, by domain."""
    return list(
        CatalogItem.objects.filter(
            catalog__organization=organization,
            documents__status=Status.PUBLISHED,
            documents__disclosure=Disclosure.PROACTIVE,
        )
        .select_related("catalog__domain")
        .distinct()
        .order_by("catalog__domain__position", "position", "pk")
    )


def domains_with_documents(organization: Organization | None = None) -> list[Domain]:
    documents = Document.objects.public()
    if organization is not None:
        documents = documents.filter(organization=organization)
    return list(
        Domain.objects.filter(catalogs__items__documents__in=documents)
        .distinct()
        .order_by("position", "code")
    )

"""What the staff pages read: documents of the organizations a user works for, and what needs doing."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet
from django.utils import timezone

from gongkai.audit.models import Event
from gongkai.catalog.models import CatalogItem
from gongkai.documents.choices import POLICY_GENRES, Disclosure, FindingStatus, Status
from gongkai.documents.models import Attachment, Correction, Document, Finding, Review
from gongkai.documents.selectors.public import MetaRow, metadata
from gongkai.documents.selectors.timeliness import DocumentClock, clock_for
from gongkai.documents.services.drafting import missing_metadata
from gongkai.documents.services.privacy import Gate, gate
from gongkai.rules import timeliness
from gongkai.rules.workdays import HolidayCalendar, load_calendar

INTERPRETATION_GRACE_WORKING_DAYS = 3


@dataclass(frozen=True)
class MissingInterpretation:
    document: Document
    working_days_since: int


def documents_for(organizations, *, status: str = "", query: str = "") -> QuerySet[Document]:
    documents = (
        Document.objects.of(organizations)
        .select_related("organization", "theme")
        .annotate(
            open_findings=Count("findings", filter=Q(findings__status=FindingStatus.OPEN)),
        )
        .order_by("-updated_at", "-pk")
    )
    if status:
        documents = documents.filter(status=status)
    if query:
        documents = documents.filter(Q(title__icontains=query) | Q(index_number__icontains=query))
    return documents


def status_counts(organizations) -> dict[str, int]:
    counts = dict(
        Document.objects.of(organizations)
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    return {status: counts.get(status, 0) for status in Status.values}


def policies_without_interpretation(
    organizations, *, today: date | None = None, calendar: HolidayCalendar | None = None
) -> list[MissingInterpretation]:
    """Published policies (规章/行政规范性文件) still without a published interpretation
    3 working days after their publication."""
    today = today or timezone.localdate()
    calendar = calendar or load_calendar()
    interpreted = Document.objects.filter(interprets=OuterRef("pk"), status=Status.PUBLISHED)
    policies = (
        Document.objects.of(organizations)
        .filter(
            genre__in=POLICY_GENRES,
            status=Status.PUBLISHED,
            disclosure=Disclosure.PROACTIVE,
            published_at__date__lt=today,
        )
        .exclude(Exists(interpreted))
        .select_related("organization")
        .order_by("published_at")
    )
    rows = []
    for policy in policies:
        since = timeliness.working_days_since(
            day=timezone.localdate(policy.published_at), today=today, calendar=calendar
        )
        # Due within 3 working days (三同步): missing from the 4th working day on, as supervision counts.
        if since > INTERPRETATION_GRACE_WORKING_DAYS:
            rows.append(MissingInterpretation(policy, since))
    return rows


def catalog_item_choices(organization) -> list[CatalogItem]:
    """The organization's applicable catalog items, grouped by domain in order."""
    return list(
        CatalogItem.objects.filter(
            catalog__organization=organization, withdrawn=False, applicable=True
        )
        .select_related("catalog__domain")
        .order_by("catalog__domain__position", "position", "pk")
    )


def policy_choices(organization, *, include=()) -> QuerySet[Document]:
    """Policies an interpretation by `organization` may explain: its own and its ancestors'."""
    codes = [code for code in organization.path.split("/") if code]
    return (
        Document.objects.filter(genre__in=POLICY_GENRES, organization__code__in=codes)
        .exclude(status=Status.WITHDRAWN)
        .filter(Q(status=Status.PUBLISHED) | Q(organization=organization) | Q(pk__in=include))
        .select_related("organization")
        .order_by("-published_at", "-pk")
    )


@dataclass(frozen=True)
class FindingGroup:
    """Findings of one kind in one place, counted by how they were resolved."""

    location: str
    kind: str
    open: int
    masked: int
    kept: int


def finding_groups(findings: list[Finding]) -> list[FindingGroup]:
    counts: dict[tuple[str, str], dict[str, int]] = {}
    for finding in findings:
        key = (finding.location_label, finding.kind_label)
        counts.setdefault(key, dict.fromkeys(FindingStatus.values, 0))[finding.status] += 1
    return [
        FindingGroup(
            location, kind, c[FindingStatus.OPEN], c[FindingStatus.MASKED], c[FindingStatus.KEPT]
        )
        for (location, kind), c in counts.items()
    ]


@dataclass(frozen=True)
class DetailPage:
    document: Document
    metadata: list[MetaRow]
    catalog_items: list[CatalogItem]
    attachments: list[Attachment]
    findings: list[Finding]
    finding_groups: list[FindingGroup]
    show_gate: bool
    gate: Gate
    reviews: list[Review]
    corrections: list[Correction]
    events: list[Event]
    interpretations: list[Document]
    policies: list[Document]
    missing: list[str]
    clock: DocumentClock | None


def detail_page(document: Document) -> DetailPage:
    findings = list(
        document.findings.select_related("attachment").order_by(
            F("attachment").asc(nulls_first=True), "start", "pk"
        )
    )
    return DetailPage(
        document=document,
        metadata=metadata(document),
        catalog_items=list(document.catalog_items.select_related("catalog__domain")),
        attachments=list(document.attachments.order_by("position", "pk")),
        findings=findings,
        finding_groups=finding_groups(findings),
        show_gate=document.status in (Status.SUBMITTED, Status.APPROVED, Status.SCHEDULED),
        gate=gate(document),
        reviews=list(document.reviews.all()),
        corrections=list(document.corrections.all()),
        events=list(
            Event.objects.filter(
                target_type="documents.document", target_id=str(document.pk)
            ).order_by("-at", "-id")[:50]
        ),
        interpretations=list(document.interpretations.select_related("organization")),
        policies=list(document.interprets.select_related("organization")),
        missing=missing_metadata(document) if document.is_editable else [],
        clock=clock_for(document),
    )

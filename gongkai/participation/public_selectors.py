"""What the portal's 互动交流 pages show: only what is public, and only masked text of citizens."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Q, QuerySet

from gongkai.orgs.models import Organization
from gongkai.participation.masking import mask_for_public
from gongkai.participation.models import (
    Comment,
    CommentStatus,
    Consultation,
    ConsultationStatus,
    FeedbackSummary,
    Message,
    OpinionResponse,
    ParticipationEvent,
    ParticipationItem,
    Phase,
    Proposal,
)

LISTING_TABS = {"open": "正在征集", "ended": "征集结束待反馈", "closed": "已公布采纳情况"}


def consultation_listing(phase: str, *, today: date) -> QuerySet:
    queryset = Consultation.objects.public().select_related("organization")
    if phase == "open":
        queryset = queryset.filter(status=ConsultationStatus.PUBLISHED, ends_on__gte=today)
        return queryset.order_by("ends_on", "id")
    if phase == "ended":
        queryset = queryset.filter(status=ConsultationStatus.PUBLISHED, ends_on__lt=today)
        return queryset.order_by("-ends_on", "id")
    return queryset.filter(status=ConsultationStatus.CLOSED).order_by("-closed_at", "-id")


def approved_counts(consultations) -> dict[int, int]:
    rows = (
        Consultation.objects.filter(pk__in=[c.pk for c in consultations])
        .annotate(n=Count("comments", filter=Q(comments__status=CommentStatus.APPROVED)))
        .values_list("pk", "n")
    )
    return dict(rows)


@dataclass
class ParagraphView:
    number: int
    text: str
    comments: list[Comment] = field(default_factory=list)


@dataclass(frozen=True)
class EventView:
    event: ParticipationEvent
    minutes: str


@dataclass
class ConsultationPage:
    consultation: Consultation
    phase: Phase
    paragraphs: list[ParagraphView]
    general_comments: list[Comment]
    approved_count: int
    feedback: FeedbackSummary | None
    decided: list[Comment]
    events: list[EventView]

    @property
    def accepts_comments(self) -> bool:
        return self.phase == Phase.OPEN


def consultation_page(pk: int, *, today: date) -> ConsultationPage | None:
    consultation = (
        Consultation.objects.public().select_related("organization").filter(pk=pk).first()
    )
    if consultation is None:
        return None
    paragraphs = [
        ParagraphView(number, text) for number, text in enumerate(consultation.paragraphs, start=1)
    ]
    approved = list(consultation.comments.filter(status=CommentStatus.APPROVED))
    general = []
    for comment in approved:
        if comment.paragraph and comment.paragraph <= len(paragraphs):
            paragraphs[comment.paragraph - 1].comments.append(comment)
        else:
            general.append(comment)
    closed = consultation.status == ConsultationStatus.CLOSED
    return ConsultationPage(
        consultation=consultation,
        phase=Phase(consultation.phase_on(today)),
        paragraphs=paragraphs,
        general_comments=general,
        approved_count=len(approved),
        feedback=FeedbackSummary.objects.filter(consultation=consultation).first()
        if closed
        else None,
        decided=[c for c in approved if c.adoption] if closed else [],
        events=[
            EventView(event, mask_for_public(event.minutes).text)
            for event in consultation.events.filter(public=True)
        ],
    )


def published_messages(*, organization: Organization | None = None) -> QuerySet:
    queryset = Message.objects.published().select_related("organization")
    if organization is not None:
        queryset = queryset.filter(organization=organization)
    return queryset.order_by("-answered_at", "-id")


def published_message(number: str) -> Message | None:
    return published_messages().filter(number=number).first()


def private_message(key: str) -> Message | None:
    if len(key) < 20:
        return None
    return Message.objects.select_related("organization").filter(access_key=key).first()


def responses() -> QuerySet:
    return (
        OpinionResponse.objects.filter(withdrawn_at__isnull=True)
        .select_related("organization")
        .order_by("-published_at", "-id")
    )


def proposals(*, kind: str = "") -> QuerySet:
    queryset = Proposal.objects.public().select_related("organization")
    if kind:
        queryset = queryset.filter(kind=kind)
    return queryset.order_by("-published_at", "-id")


def organizations_with_lists() -> QuerySet:
    return (
        Organization.objects.filter(
            participation_items__published_at__isnull=False,
            participation_items__withdrawn=False,
        )
        .distinct()
        .order_by("path")
    )


def participation_list(organization: Organization) -> dict[int, list[ParticipationItem]]:
    """The organization's published items, by year, newest year first."""
    years: dict[int, list[ParticipationItem]] = {}
    for item in ParticipationItem.objects.public().filter(organization=organization):
        years.setdefault(item.year, []).append(item)
    return dict(sorted(years.items(), reverse=True))

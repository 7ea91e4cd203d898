"""意见征集: a draft opened for comment, the comments, the 采纳情况 and other participation events."""

from datetime import date

from django.conf import settings
from django.db import models

from gongkai.participation.text import split_paragraphs
from gongkai.rules.participation_limits import DecisionKind

DECISION_KIND_CHOICES = [(kind.value, kind.label) for kind in DecisionKind]


class ConsultationStatus(models.TextChoices):
    DRAFT = "draft", "准备中"
    PUBLISHED = "published", "已发布"
    CLOSED = "closed", "已办结"


class Phase(models.TextChoices):
    """Where a consultation stands on a given day, as citizens see it."""

    DRAFT = "draft", "准备中"
    UPCOMING = "upcoming", "即将开始"
    OPEN = "open", "征集中"
    ENDED = "ended", "征集结束，待反馈"
    CLOSED = "closed", "已反馈"


class ConsultationQuerySet(models.QuerySet):
    def public(self):
        return self.filter(status__in=[ConsultationStatus.PUBLISHED, ConsultationStatus.CLOSED])

    def open_on(self, day: date):
        return self.filter(
            status=ConsultationStatus.PUBLISHED, starts_on__lte=day, ends_on__gte=day
        )

    def ended_without_feedback(self, day: date):
        return self.filter(status=ConsultationStatus.PUBLISHED, ends_on__lt=day)


class Consultation(models.Model):
    """One draft (征求意见稿) with its 起草说明, open for comment between two dates."""

    organization = models.ForeignKey(
        "orgs.Organization",
        on_delete=models.PROTECT,
        related_name="consultations",
        verbose_name="征集单位",
    )
    kind = models.CharField("决策类型", max_length=24, choices=DECISION_KIND_CHOICES)
    title = models.CharField("标题", max_length=200)
    document = models.ForeignKey(
        "documents.Document",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="consultations",
        verbose_name="对应的文件草稿",
        help_text="征求意见稿在“政府信息”中起草的，可关联该草稿；公开页面显示的是这里发布时的正文。",
    )
    draft_text = models.TextField(
        "征求意见稿", help_text="每段一行；公开页面按段落编号，可逐段提意见。"
    )
    drafting_notes = models.TextField("起草说明", blank=True)
    contact = models.CharField("意见反馈联系方式", max_length=200, blank=True)
    starts_on = models.DateField("开始日期", null=True, blank=True)
    ends_on = models.DateField("截止日期", null=True, blank=True)
    period_uncertain = models.BooleanField(default=False, editable=False)
    shortened_reason = models.TextField("缩短期限的理由", blank=True)
    status = models.CharField(
        "状态",
        max_length=12,
        choices=ConsultationStatus.choices,
        default=ConsultationStatus.DRAFT,
        db_index=True,
    )
    published_at = models.DateTimeField("发布时间", null=True, blank=True)
    closed_at = models.DateTimeField("办结时间", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ConsultationQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "-id"]
        verbose_name = "意见征集"
        indexes = [models.Index(fields=["organization", "status", "ends_on"])]

    def __str__(self) -> str:
        return self.title

    def get_kind_label(self) -> str:
        return DecisionKind(self.kind).label

    def phase_on(self, day: date) -> str:
        if self.status == ConsultationStatus.DRAFT:
            return Phase.DRAFT
        if self.status == ConsultationStatus.CLOSED:
            return Phase.CLOSED
        if day < self.starts_on:
            return Phase.UPCOMING
        if day <= self.ends_on:
            return Phase.OPEN
        return Phase.ENDED

    @property
    def paragraphs(self) -> list[str]:
        return split_paragraphs(self.draft_text)


class CommentStatus(models.TextChoices):
    PENDING = "pending", "待审核"
    APPROVED = "approved", "已公开"
    HIDDEN = "hidden", "不予显示"


class Adoption(models.TextChoices):
    ADOPTED = "adopted", "采纳"
    PARTLY = "partly", "部分采纳"
    NOT_ADOPTED = "not_adopted", "未采纳"


class Comment(models.Model):
    """One citizen's comment; the original is kept, the public sees the masked text once approved."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.PROTECT, related_name="comments"
    )
    number = models.PositiveIntegerField("编号")
    paragraph = models.PositiveIntegerField("段落", null=True, blank=True)
    body = models.TextField("意见原文")
    body_public = models.TextField("公开文本")
    masked_findings = models.PositiveIntegerField("已遮盖的个人信息", default=0)
    author_name = models.CharField("姓名（不公开）", max_length=50, blank=True)
    contact = models.CharField("联系方式（不公开）", max_length=100, blank=True)
    submitted_at = models.DateTimeField("提交时间")
    status = models.CharField(
        "审核状态",
        max_length=12,
        choices=CommentStatus.choices,
        default=CommentStatus.PENDING,
        db_index=True,
    )
    hidden_reason = models.CharField("不予显示的理由", max_length=200, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    moderated_at = models.DateTimeField(null=True, blank=True)
    adoption = models.CharField("采纳情况", max_length=12, choices=Adoption.choices, blank=True)
    adoption_reason = models.TextField("采纳说明或未采纳理由", blank=True)

    class Meta:
        ordering = ["consultation", "number"]
        verbose_name = "公众意见"
        constraints = [
            models.UniqueConstraint(fields=["consultation", "number"], name="unique_comment_number")
        ]

    def __str__(self) -> str:
        return f"意见 {self.number}"


class FeedbackSummary(models.Model):
    """采纳情况: what was received, adopted, not adopted and why. Published when the consultation closes."""

    consultation = models.OneToOneField(
        Consultation, on_delete=models.PROTECT, related_name="feedback"
    )
    overview = models.TextField("总体说明")
    received_count = models.PositiveIntegerField("收到意见", default=0)
    shown_count = models.PositiveIntegerField("公开意见", default=0)
    adopted_count = models.PositiveIntegerField("采纳", default=0)
    partly_count = models.PositiveIntegerField("部分采纳", default=0)
    not_adopted_count = models.PositiveIntegerField("未采纳", default=0)
    published_at = models.DateTimeField("发布时间", null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "意见采纳情况"

    def __str__(self) -> str:
        return f"{self.consultation} 的采纳情况"


class EventKind(models.TextChoices):
    SYMPOSIUM = "symposium", "座谈会"
    HEARING = "hearing", "听证会"
    SURVEY = "survey", "问卷调查"
    VISIT = "visit", "实地走访"
    POLL = "poll", "民意调查"
    EXPERTS = "experts", "专家论证"


class ParticipationEvent(models.Model):
    """A 座谈会, 听证会, 问卷 … held on a decision, with its minutes."""

    organization = models.ForeignKey(
        "orgs.Organization", on_delete=models.PROTECT, related_name="participation_events"
    )
    consultation = models.ForeignKey(
        Consultation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
        verbose_name="所属意见征集",
    )
    kind = models.CharField("形式", max_length=12, choices=EventKind.choices)
    title = models.CharField("名称", max_length=200)
    held_on = models.DateField("日期")
    place = models.CharField("地点", max_length=200, blank=True)
    participants = models.CharField(
        "参加人员",
        max_length=300,
        blank=True,
        help_text="如：群众代表12人、专家3人（不填个人姓名）",
    )
    minutes = models.TextField("纪要")
    public = models.BooleanField("向社会公开", default=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = "公众参与活动"

    def __str__(self) -> str:
        return self.title

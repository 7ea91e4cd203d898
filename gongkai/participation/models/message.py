"""留言咨询: a citizen's question, suggestion, complaint or report, its answer and its rating."""

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from gongkai.participation.models.limits import MESSAGE_KIND_CHOICES
from gongkai.rules.participation_limits import MessageKind


class MessageStatus(models.TextChoices):
    RECEIVED = "received", "待受理"
    ACCEPTED = "accepted", "办理中"
    ANSWERED = "answered", "已答复"


class Rating(models.TextChoices):
    SATISFIED = "satisfied", "满意"
    BASICALLY = "basically", "基本满意"
    UNSATISFIED = "unsatisfied", "不满意"


SATISFIED_RATINGS = (Rating.SATISFIED, Rating.BASICALLY)


class MessageQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True, status=MessageStatus.ANSWERED)

    def unanswered(self):
        return self.exclude(status=MessageStatus.ANSWERED)

    def overdue(self, *, on: date):
        """Not accepted by the acceptance limit, or not answered by the answer limit."""
        late_accept = Q(status=MessageStatus.RECEIVED, accept_due__lt=on)
        late_answer = ~Q(status=MessageStatus.ANSWERED) & Q(answer_due__lt=on)
        return self.filter(late_accept | late_answer)


class Message(models.Model):
    number = models.CharField("留言编号", max_length=20, unique=True)
    organization = models.ForeignKey(
        "orgs.Organization",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="messages",
        verbose_name="办理单位",
        help_text="为空时由平台分办。",
    )
    kind = models.CharField("类型", max_length=12, choices=MESSAGE_KIND_CHOICES)
    subject = models.CharField("标题", max_length=100)
    body = models.TextField("内容")
    author_name = models.CharField("姓名（不公开）", max_length=50, blank=True)
    phone = models.CharField("电话（不公开）", max_length=30, blank=True)
    email = models.EmailField("电子邮箱（不公开）", blank=True)
    wants_private = models.BooleanField("不公开我的留言", default=False)
    access_key = models.CharField(max_length=64, unique=True, editable=False)
    received_at = models.DateTimeField("收到时间")
    accept_due = models.DateField("受理期限")
    answer_due = models.DateField("答复期限")
    due_uncertain = models.BooleanField(default=False)
    status = models.CharField(
        "状态",
        max_length=12,
        choices=MessageStatus.choices,
        default=MessageStatus.RECEIVED,
        db_index=True,
    )
    accepted_at = models.DateTimeField("受理时间", null=True, blank=True)
    answer = models.TextField("答复", blank=True)
    answered_at = models.DateTimeField("答复时间", null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    published = models.BooleanField("已公开", default=False)
    published_at = models.DateTimeField(null=True, blank=True)
    subject_public = models.CharField(max_length=100, blank=True)
    body_public = models.TextField(blank=True)
    answer_public = models.TextField(blank=True)
    rating = models.CharField("评价", max_length=12, choices=Rating.choices, blank=True)
    rating_comment = models.CharField("评价意见", max_length=300, blank=True)
    rated_at = models.DateTimeField(null=True, blank=True)

    objects = MessageQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at", "-id"]
        verbose_name = "留言"
        indexes = [
            models.Index(fields=["organization", "status", "answer_due"]),
            models.Index(fields=["organization", "received_at"]),
        ]

    def __str__(self) -> str:
        return self.number

    def get_kind_label(self) -> str:
        return MessageKind(self.kind).label

    @property
    def answered_on_time(self) -> bool | None:
        if self.answered_at is None:
            return None
        return timezone.localdate(self.answered_at) <= self.answer_due


class MessageTransfer(models.Model):
    """分办 by the platform or 转办 by staff to another organization."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="transfers")
    from_organization = models.ForeignKey(
        "orgs.Organization", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    to_organization = models.ForeignKey(
        "orgs.Organization", on_delete=models.PROTECT, related_name="+"
    )
    reason = models.CharField("转办理由", max_length=200, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField()

    class Meta:
        ordering = ["at", "id"]
        verbose_name = "留言转办记录"

    def __str__(self) -> str:
        return f"{self.message} → {self.to_organization}"

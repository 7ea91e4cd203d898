"""政务舆情回应: an opinion event, the transfer orders (转办单) that hand it on, and the public 回应."""

from datetime import datetime

from django.conf import settings
from django.db import models

from gongkai.participation.models.limits import LEVEL_CHOICES
from gongkai.rules.participation_limits import OpinionLevel


class OpinionStatus(models.TextChoices):
    REGISTERED = "registered", "已登记"
    ASSESSED = "assessed", "已研判"
    TRANSFERRED = "transferred", "已转办"
    CLOSED = "closed", "已办结"


class OpinionSource(models.TextChoices):
    ONLINE = "online", "网络舆情监测"
    MEDIA = "media", "新闻媒体报道"
    HOTLINE = "hotline", "政务服务热线"
    MESSAGE = "message", "网民留言"
    SUPERIOR = "superior", "上级转办"
    OTHER = "other", "其他"


class OpinionEvent(models.Model):
    organization = models.ForeignKey(
        "orgs.Organization",
        on_delete=models.PROTECT,
        related_name="opinion_events",
        verbose_name="登记单位",
    )
    title = models.CharField("舆情标题", max_length=200)
    source = models.CharField("来源", max_length=12, choices=OpinionSource.choices)
    source_detail = models.CharField("来源说明", max_length=300, blank=True)
    summary = models.TextField("舆情摘要")
    level = models.CharField("级别", max_length=16, choices=LEVEL_CHOICES)
    discovered_at = models.DateTimeField("发现时间")
    assessment = models.TextField("研判意见", blank=True)
    assessed_at = models.DateTimeField(null=True, blank=True)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(
        "状态",
        max_length=12,
        choices=OpinionStatus.choices,
        default=OpinionStatus.REGISTERED,
        db_index=True,
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    registered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-discovered_at", "-id"]
        verbose_name = "政务舆情"

    def __str__(self) -> str:
        return self.title

    def get_level_label(self) -> str:
        return OpinionLevel(self.level).label


class TransferStatus(models.TextChoices):
    ISSUED = "issued", "待反馈"
    RESPONDED = "responded", "已反馈"


class TransferOrderQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=TransferStatus.ISSUED)

    def overdue(self, *, now: datetime):
        return self.filter(status=TransferStatus.ISSUED, deadline__lt=now)


class TransferOrder(models.Model):
    """转办单: hands an opinion event to the organization that must respond, with a deadline."""

    number = models.CharField("转办单号", max_length=20, unique=True)
    event = models.ForeignKey(OpinionEvent, on_delete=models.PROTECT, related_name="orders")
    issued_by = models.ForeignKey(
        "orgs.Organization", on_delete=models.PROTECT, related_name="+", verbose_name="转办单位"
    )
    organization = models.ForeignKey(
        "orgs.Organization",
        on_delete=models.PROTECT,
        related_name="transfer_orders",
        verbose_name="责任单位",
    )
    requirements = models.TextField("办理要求", blank=True)
    issued_at = models.DateTimeField("转办时间")
    deadline = models.DateTimeField("反馈时限", db_index=True)
    deadline_uncertain = models.BooleanField(default=False)
    status = models.CharField(
        "状态",
        max_length=12,
        choices=TransferStatus.choices,
        default=TransferStatus.ISSUED,
        db_index=True,
    )
    report = models.TextField("办理情况", blank=True)
    responded_at = models.DateTimeField("反馈时间", null=True, blank=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    escalation_level = models.PositiveSmallIntegerField("督办等级", default=0)
    escalated_at = models.DateTimeField("督办时间", null=True, blank=True)
    issued_by_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = TransferOrderQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_at", "-id"]
        verbose_name = "舆情转办单"

    def __str__(self) -> str:
        return self.number

    @property
    def responded_on_time(self) -> bool | None:
        return None if self.responded_at is None else self.responded_at <= self.deadline


class OpinionResponse(models.Model):
    """回应: what the responsible organization published in answer to the event."""

    order = models.OneToOneField(
        TransferOrder, on_delete=models.PROTECT, related_name="public_response"
    )
    organization = models.ForeignKey(
        "orgs.Organization", on_delete=models.PROTECT, related_name="opinion_responses"
    )
    title = models.CharField("回应标题", max_length=200)
    body = models.TextField("回应内容")
    published_at = models.DateTimeField("发布时间")
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawal_reason = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = "舆情回应"

    def __str__(self) -> str:
        return self.title

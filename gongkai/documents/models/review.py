from django.conf import settings
from django.db import models

from gongkai.documents.choices import Decision, FindingStatus
from gongkai.rules.pii import KIND_LABELS


class Review(models.Model):
    """One reviewer decision with the 保密审查 checklist as ticked."""

    document = models.ForeignKey(
        "documents.Document", on_delete=models.PROTECT, related_name="reviews"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewer_label = models.CharField("审核人", max_length=150)
    decision = models.CharField("结论", max_length=10, choices=Decision.choices)
    checklist = models.JSONField("保密审查", default=list)
    comment = models.TextField("意见", blank=True)
    at = models.DateTimeField("时间")

    class Meta:
        ordering = ["document", "-at", "-id"]
        verbose_name = "审核记录"

    def __str__(self) -> str:
        return f"{self.document} {self.get_decision_display()}"


class Finding(models.Model):
    """Personal information found in a document: where and what kind, never the value itself.

    `preview` is the masked form; `start`/`end` are offsets into the text that was scanned
    (the body's text or the attachment's extracted text).
    """

    document = models.ForeignKey(
        "documents.Document", on_delete=models.CASCADE, related_name="findings"
    )
    attachment = models.ForeignKey(
        "documents.Attachment",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="findings",
    )
    kind = models.CharField("类型", max_length=20)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    preview = models.CharField("脱敏预览", max_length=120)
    confidence = models.FloatField("置信度")
    status = models.CharField(
        "处理", max_length=8, choices=FindingStatus.choices, default=FindingStatus.OPEN
    )
    reason = models.TextField("保留理由", blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)
    found_at = models.DateTimeField()

    class Meta:
        ordering = ["document", "attachment", "start", "id"]
        verbose_name = "个人信息检查结果"

    def __str__(self) -> str:
        return f"{self.kind} {self.preview}"

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)

    @property
    def location_label(self) -> str:
        return f"附件《{self.attachment.name}》" if self.attachment_id else "正文"


class Correction(models.Model):
    """更正: a published document changed after publication, with its public notice."""

    document = models.ForeignKey(
        "documents.Document", on_delete=models.PROTECT, related_name="corrections"
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField("更正时间")
    reason = models.TextField("更正原因")
    changed_fields = models.JSONField(default=list)
    previous = models.JSONField("更正前内容", default=dict)

    class Meta:
        ordering = ["document", "-at", "-id"]
        verbose_name = "更正记录"

    def __str__(self) -> str:
        return f"{self.document} 更正 {self.at:%Y-%m-%d}"

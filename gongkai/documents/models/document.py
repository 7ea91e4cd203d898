from django.conf import settings
from django.db import models
from django.urls import reverse

from gongkai.documents.choices import (
    EDITABLE,
    POLICY_GENRES,
    Disclosure,
    Genre,
    Status,
    Validity,
    WithholdingGround,
)


class Theme(models.Model):
    """主题分类: the subject list an administrator maintains (seeded with the national list)."""

    code = models.SlugField("代码", max_length=40, unique=True)
    name = models.CharField("名称", max_length=50, unique=True)
    position = models.PositiveIntegerField("排序", default=0)
    active = models.BooleanField("启用", default=True)

    class Meta:
        ordering = ["position", "code"]
        verbose_name = "主题分类"

    def __str__(self) -> str:
        return self.name


class DocumentQuerySet(models.QuerySet):
    def public(self) -> "DocumentQuerySet":
        """What citizens may see: published and 主动公开."""
        return self.filter(status=Status.PUBLISHED, disclosure=Disclosure.PROACTIVE)

    def policies(self) -> "DocumentQuerySet":
        return self.filter(genre__in=POLICY_GENRES)

    def of(self, organizations) -> "DocumentQuerySet":
        return self.filter(organization__in=organizations)


class Document(models.Model):
    """政府信息: one piece of government information, from draft to publication (never deleted)."""

    organization = models.ForeignKey(
        "orgs.Organization",
        on_delete=models.PROTECT,
        related_name="documents",
        verbose_name="发布机构",
    )
    title = models.CharField("标题", max_length=200)
    index_number = models.CharField(
        "索引号", max_length=64, unique=True, null=True, blank=True, editable=False
    )
    doc_no = models.CharField("文号", max_length=64, blank=True)
    theme = models.ForeignKey(
        Theme,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name="主题分类",
    )
    genre = models.CharField("体裁", max_length=20, choices=Genre.choices, blank=True)
    written_on = models.DateField("成文日期", null=True, blank=True)
    changed_on = models.DateField(
        "变更日期",
        null=True,
        blank=True,
        help_text="信息变更后重新公开时填写，时限自变更之日起算。",
    )
    validity = models.CharField(
        "有效性", max_length=10, choices=Validity.choices, default=Validity.VALID
    )
    effective_on = models.DateField("施行日期", null=True, blank=True)
    invalid_on = models.DateField("失效/废止日期", null=True, blank=True)
    disclosure = models.CharField(
        "公开属性", max_length=12, choices=Disclosure.choices, default=Disclosure.PROACTIVE
    )
    withholding_ground = models.CharField(
        "不予公开依据", max_length=24, choices=WithholdingGround.choices, blank=True
    )
    summary = models.CharField("内容概述", max_length=300, blank=True)
    body = models.TextField("正文", blank=True)
    catalog_items = models.ManyToManyField(
        "catalog.CatalogItem", blank=True, related_name="documents", verbose_name="目录事项"
    )
    interprets = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="interpretations",
        verbose_name="解读的政策文件",
    )
    status = models.CharField(
        "状态", max_length=12, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    scheduled_for = models.DateTimeField("定时发布时间", null=True, blank=True)
    published_at = models.DateTimeField("发布日期", null=True, blank=True, db_index=True)
    withdrawn_at = models.DateTimeField("撤回时间", null=True, blank=True)
    withdrawal_reason = models.TextField("撤回原因", blank=True)
    return_reason = models.TextField("退回原因", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = "政府信息"
        indexes = [
            models.Index(fields=["organization", "status", "-published_at"]),
            models.Index(fields=["status", "scheduled_for"]),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("documents_public:detail", args=[self.public_key])

    def get_workspace_url(self) -> str:
        return reverse("documents:detail", args=[self.pk])

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE

    @property
    def is_policy(self) -> bool:
        return self.genre in POLICY_GENRES

    @property
    def is_public(self) -> bool:
        return self.status == Status.PUBLISHED and self.disclosure == Disclosure.PROACTIVE

    @property
    def formed_on(self):
        """信息形成或者变更之日: where the publication time limit starts."""
        return self.changed_on or self.written_on

    @property
    def public_key(self) -> str:
        return self.index_number or str(self.pk)

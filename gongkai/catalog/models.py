from django.conf import settings
from django.db import models

from gongkai.rules.catalog_table import ELEMENT_KEYS

ELEMENT_FIELDS = ELEMENT_KEYS


class Audience(models.TextChoices):
    PUBLIC = "全社会", "全社会"
    SPECIFIC = "特定群体", "特定群体"


class Mode(models.TextChoices):
    PROACTIVE = "主动", "主动公开"
    ON_REQUEST = "依申请", "依申请公开"


class Domain(models.Model):
    """试点领域: one of the 26 national pilot domains."""

    code = models.SlugField("代码", max_length=64, unique=True)
    name = models.CharField("名称", max_length=50)
    ministry = models.CharField("主管部委", max_length=100, blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "code"]
        verbose_name = "试点领域"

    def __str__(self) -> str:
        return self.name


class Guideline(models.Model):
    """标准指引: the national standard catalog of a domain, as shipped or as loaded by an administrator."""

    domain = models.OneToOneField(Domain, on_delete=models.CASCADE, related_name="guideline")
    title = models.CharField("指引名称", max_length=255, blank=True)
    doc_no = models.CharField("文号", max_length=64, blank=True)
    complete = models.BooleanField("指引完整", default=False)
    source = models.CharField("来源", max_length=255, blank=True)
    loaded_at = models.DateTimeField("载入时间", null=True, blank=True)

    class Meta:
        verbose_name = "标准指引"

    def __str__(self) -> str:
        return f"{self.domain.name}标准指引"


class ElementsMixin(models.Model):
    """The 8 elements of a disclosure item (公开事项 8 要素) plus its levels."""

    level1 = models.CharField("一级事项", max_length=200)
    level2 = models.CharField("二级事项", max_length=200, blank=True)
    level3 = models.CharField("三级事项", max_length=200, blank=True)
    content = models.TextField("公开内容(要素)", blank=True)
    basis = models.JSONField("公开依据", default=list, blank=True)
    time_limit = models.CharField("公开时限", max_length=255, blank=True)
    time_limit_working_days = models.PositiveIntegerField("时限(工作日)", null=True, blank=True)
    subject = models.CharField("公开主体", max_length=255, blank=True)
    channels = models.JSONField("公开渠道和载体", default=list, blank=True)
    audience = models.CharField(
        "公开对象", max_length=8, choices=Audience.choices, default=Audience.PUBLIC
    )
    mode = models.CharField("公开方式", max_length=8, choices=Mode.choices, default=Mode.PROACTIVE)
    levels = models.JSONField("公开层级", default=list, blank=True)
    note = models.TextField("备注", blank=True)

    class Meta:
        abstract = True

    @property
    def name(self) -> str:
        """公开事项: the deepest level that is filled."""
        return self.level3 or self.level2 or self.level1

    def elements(self) -> dict:
        return {field: getattr(self, field) for field in ELEMENT_FIELDS}


class GuidelineItem(ElementsMixin):
    guideline = models.ForeignKey(Guideline, on_delete=models.CASCADE, related_name="items")
    seq = models.PositiveIntegerField("序号")
    publicity_period_working_days = models.PositiveIntegerField(
        "公示期(工作日)", null=True, blank=True
    )

    class Meta:
        ordering = ["guideline", "seq"]
        verbose_name = "标准指引事项"

    def __str__(self) -> str:
        return f"{self.level1} / {self.name}"


class Catalog(models.Model):
    """政务公开事项标准目录: one organization's catalog of one domain."""

    organization = models.ForeignKey(
        "orgs.Organization", on_delete=models.CASCADE, related_name="catalogs"
    )
    domain = models.ForeignKey(Domain, on_delete=models.PROTECT, related_name="catalogs")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    published_version = models.PositiveIntegerField("已发布版本", default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "domain"], name="one_catalog_per_domain"
            )
        ]
        ordering = ["organization", "domain"]
        verbose_name = "标准目录"

    def __str__(self) -> str:
        return f"{self.organization.name}{self.domain.name}领域标准目录"


class CatalogItem(ElementsMixin):
    """An item of a catalog: adopted from a guideline item (then localized) or added locally.

    A guideline item the organization marks not applicable is kept with `applicable=False` and a reason.
    """

    catalog = models.ForeignKey(Catalog, on_delete=models.CASCADE, related_name="items")
    guideline_item = models.ForeignKey(
        GuidelineItem,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="catalog_items",
    )
    position = models.PositiveIntegerField(default=0)
    applicable = models.BooleanField("适用", default=True)
    not_applicable_reason = models.TextField("不适用原因", blank=True)
    revision = models.PositiveIntegerField("修订号", default=1)
    withdrawn = models.BooleanField("已移除", default=False)

    class Meta:
        ordering = ["catalog", "position", "id"]
        verbose_name = "目录事项"
        constraints = [
            models.UniqueConstraint(
                fields=["catalog", "guideline_item"],
                condition=models.Q(guideline_item__isnull=False),
                name="adopt_guideline_item_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.level1} / {self.name}"

    @property
    def is_local(self) -> bool:
        return self.guideline_item_id is None


class CatalogItemRevision(models.Model):
    """Every saved state of a catalog item (每次修改留痕)."""

    item = models.ForeignKey(CatalogItem, on_delete=models.CASCADE, related_name="revisions")
    revision = models.PositiveIntegerField()
    elements = models.JSONField()
    applicable = models.BooleanField(default=True)
    not_applicable_reason = models.TextField(blank=True)
    withdrawn = models.BooleanField(default=False)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField()
    note = models.CharField(max_length=255, blank=True)

    class Meta:
        ordering = ["item", "revision"]
        constraints = [
            models.UniqueConstraint(fields=["item", "revision"], name="unique_item_revision")
        ]

    def __str__(self) -> str:
        return f"{self.item} r{self.revision}"


class CatalogVersion(models.Model):
    """A dated public version of a catalog (动态管理): a frozen copy of its items when published."""

    catalog = models.ForeignKey(Catalog, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField("版本号")
    published_at = models.DateTimeField("发布时间")
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.CharField("版本说明", max_length=255, blank=True)
    items = models.JSONField(default=list)

    class Meta:
        ordering = ["catalog", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["catalog", "number"], name="unique_catalog_version")
        ]
        verbose_name = "目录版本"

    def __str__(self) -> str:
        return f"{self.catalog} 第{self.number}版"

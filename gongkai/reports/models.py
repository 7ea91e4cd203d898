from django.conf import settings
from django.db import models
from django.urls import reverse

from gongkai.rules import annual_report as ar


class Status(models.TextChoices):
    DRAFT = "draft", "编制中"
    PUBLISHED = "published", "已公布"


class AnnualReportQuerySet(models.QuerySet):
    def published(self) -> "AnnualReportQuerySet":
        return self.filter(status=Status.PUBLISHED)


class AnnualReport(models.Model):
    """政府信息公开工作年度报告 of one organization for one year (国办公开办函〔2021〕30号).

    Sections 二 to 四 are counted from the platform while the report is a draft and frozen in
    ``snapshot`` when it is published; sections 一, 五 and 六 are written by staff.
    """

    organization = models.ForeignKey(
        "orgs.Organization",
        on_delete=models.PROTECT,
        related_name="annual_reports",
        verbose_name="机关单位",
    )
    year = models.PositiveSmallIntegerField("年度")
    status = models.CharField(
        "状态", max_length=12, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    overview = models.TextField("一、总体情况", blank=True)
    problems = models.TextField("五、存在的主要问题及改进情况", blank=True)
    other_matters = models.TextField("六、其他需要报告的事项", blank=True)
    licensing_decisions = models.PositiveIntegerField("行政许可本年处理决定数量", default=0)
    penalty_decisions = models.PositiveIntegerField("行政处罚本年处理决定数量", default=0)
    coercion_decisions = models.PositiveIntegerField("行政强制本年处理决定数量", default=0)
    fees = models.DecimalField(
        "行政事业性收费本年收费金额（万元）", max_digits=14, decimal_places=4, default=0
    )
    snapshot = models.JSONField("公布时的数据", null=True, blank=True, editable=False)
    published_at = models.DateTimeField("公布时间", null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    withdrawal_reason = models.TextField("撤回原因", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = AnnualReportQuerySet.as_manager()

    class Meta:
        ordering = ["organization__path", "-year"]
        verbose_name = "政府信息公开工作年度报告"
        constraints = [
            models.UniqueConstraint(fields=["organization", "year"], name="one_report_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.organization.name}{self.year}年政府信息公开工作年度报告"

    def get_absolute_url(self) -> str:
        return reverse("reports_public:report", args=[self.organization.code, self.year])

    @property
    def title(self) -> str:
        return str(self)

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED

    @property
    def texts(self) -> dict[str, str]:
        return {"一": self.overview, "五": self.problems, "六": self.other_matters}

    def get_workspace_url(self) -> str:
        return reverse("reports:detail", args=[self.organization.code, self.year])


class CaseKind(models.TextChoices):
    REVIEW = "review", "行政复议"
    LAWSUIT_DIRECT = "lawsuit_direct", "行政诉讼（未经复议直接起诉）"
    LAWSUIT_AFTER_REVIEW = "lawsuit_after_review", "行政诉讼（复议后起诉）"

    @property
    def group(self) -> str:
        """The group of section 四 the case is counted in."""
        return {
            CaseKind.REVIEW: ar.REVIEW,
            CaseKind.LAWSUIT_DIRECT: ar.LAWSUIT_DIRECT,
            CaseKind.LAWSUIT_AFTER_REVIEW: ar.LAWSUIT_AFTER_REVIEW,
        }[self]


class CaseResult(models.TextChoices):
    UPHELD = "upheld", ar.UPHELD
    CORRECTED = "corrected", ar.CORRECTED
    OTHER = "other", ar.OTHER_OUTCOME
    PENDING = "pending", ar.PENDING


class ReviewCase(models.Model):
    """A 行政复议 or 行政诉讼 about this body's 政府信息公开 work, counted in section 四."""

    organization = models.ForeignKey(
        "orgs.Organization",
        on_delete=models.PROTECT,
        related_name="review_cases",
        verbose_name="被申请（被告）机关",
    )
    kind = models.CharField("类别", max_length=24, choices=CaseKind.choices)
    result = models.CharField(
        "结果", max_length=12, choices=CaseResult.choices, default=CaseResult.PENDING
    )
    case_number = models.CharField("案号", max_length=64, blank=True)
    filed_on = models.DateField("受理（立案）日期")
    concluded_on = models.DateField("审结日期", null=True, blank=True)
    note = models.CharField(
        "备注", max_length=200, blank=True, help_text="只写案由，不写申请人姓名等个人信息。"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["organization__path", "-filed_on", "-id"]
        verbose_name = "行政复议、行政诉讼案件"
        indexes = [models.Index(fields=["organization", "filed_on"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.case_number or self.filed_on.isoformat()}"

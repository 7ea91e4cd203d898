"""监督考核: indicator sets (versioned, never edited once used), runs and the scores they gave."""

from django.conf import settings
from django.db import models

from gongkai.rules.indicators import IndicatorSpec


class IndicatorSetInUse(Exception):
    """An indicator set version cannot change: past scores must stay explainable."""


class IndicatorSet(models.Model):
    """A version of the indicators of an owner (a 公开办's organization; none: the platform's).

    Rows are only ever added: adjusting weights makes the next version.
    """

    owner = models.ForeignKey(
        "orgs.Organization",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="indicator_sets",
    )
    version = models.PositiveIntegerField("版本")
    name = models.CharField("名称", max_length=100)
    note = models.TextField("调整说明", blank=True)
    indicators = models.JSONField("指标", default=list)
    created_at = models.DateTimeField("创建时间")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by_label = models.CharField("创建人", max_length=150)
    first_used_at = models.DateTimeField("首次使用", null=True, blank=True)

    class Meta:
        ordering = ["owner", "-version"]
        verbose_name = "考核指标体系"
        constraints = [
            models.UniqueConstraint(fields=["owner", "version"], name="one_indicator_set_version")
        ]

    def __str__(self) -> str:
        return f"{self.name} 第{self.version}版"

    def save(self, *args, **kwargs):
        if self.pk and set(kwargs.get("update_fields") or ()) != {"first_used_at"}:
            raise IndicatorSetInUse("考核指标体系的已有版本不能修改，请另存为新版本。")
        super().save(*args, **kwargs)

    def specs(self) -> list[IndicatorSpec]:
        return [IndicatorSpec.from_dict(entry) for entry in self.indicators]


class AssessmentRun(models.Model):
    """One computation of the scores of every body under a scope for one month."""

    scope = models.ForeignKey(
        "orgs.Organization", on_delete=models.PROTECT, related_name="assessment_runs"
    )
    period = models.CharField("考核期", max_length=7, db_index=True)  # "2024-10"
    period_start = models.DateField()
    period_end = models.DateField()
    indicator_set = models.ForeignKey(IndicatorSet, on_delete=models.PROTECT, related_name="runs")
    computed_at = models.DateTimeField("计算时间")
    computed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["scope", "-period", "-computed_at"]
        verbose_name = "考核批次"

    def __str__(self) -> str:
        return f"{self.scope} {self.period}"


class Assessment(models.Model):
    """One body's score in a run, with the deductions that explain it."""

    run = models.ForeignKey(AssessmentRun, on_delete=models.CASCADE, related_name="assessments")
    organization = models.ForeignKey(
        "orgs.Organization", on_delete=models.PROTECT, related_name="assessments"
    )
    total = models.FloatField("得分")
    rank = models.PositiveIntegerField("排名")
    grade = models.CharField("等次", max_length=20)
    previous_total = models.FloatField("上月得分", null=True, blank=True)
    previous_rank = models.PositiveIntegerField("上月排名", null=True, blank=True)
    details = models.JSONField("得分明细", default=list)

    class Meta:
        ordering = ["run", "rank", "organization__path"]
        verbose_name = "考核结果"
        constraints = [
            models.UniqueConstraint(fields=["run", "organization"], name="one_score_per_run")
        ]

    def __str__(self) -> str:
        return f"{self.organization} {self.total}"

    @property
    def change(self) -> float | None:
        if self.previous_total is None:
            return None
        return round(self.total - self.previous_total, 2)

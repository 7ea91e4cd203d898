"""Time limits an administrator sets; without a row the defaults of the rules apply."""

from django.conf import settings
from django.db import models

from gongkai.participation.models.consultation import DECISION_KIND_CHOICES
from gongkai.rules.participation_limits import MessageKind, OpinionLevel, PeriodUnit

MESSAGE_KIND_CHOICES = [(kind.value, kind.label) for kind in MessageKind]
LEVEL_CHOICES = [(level.value, level.label) for level in OpinionLevel]
UNIT_CHOICES = [(unit.value, unit.label.lstrip("个")) for unit in PeriodUnit]


class _Setting(models.Model):
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class ConsultationPeriodSetting(_Setting):
    kind = models.CharField("决策类型", max_length=24, choices=DECISION_KIND_CHOICES, unique=True)
    amount = models.PositiveIntegerField("最短征求意见期限")
    unit = models.CharField("单位", max_length=12, choices=UNIT_CHOICES)

    class Meta:
        verbose_name = "征求意见期限设置"

    def __str__(self) -> str:
        return self.get_kind_display()


class MessageLimitSetting(_Setting):
    kind = models.CharField("留言类型", max_length=12, choices=MESSAGE_KIND_CHOICES, unique=True)
    accept_workdays = models.PositiveIntegerField("受理时限（工作日）")
    answer_workdays = models.PositiveIntegerField("答复时限（工作日）")

    class Meta:
        verbose_name = "留言办理时限设置"

    def __str__(self) -> str:
        return self.get_kind_display()


class ResponseLimitSetting(_Setting):
    level = models.CharField("舆情级别", max_length=16, choices=LEVEL_CHOICES, unique=True)
    amount = models.PositiveIntegerField("回应时限")
    unit = models.CharField("单位", max_length=12, choices=UNIT_CHOICES)

    class Meta:
        verbose_name = "舆情回应时限设置"

    def __str__(self) -> str:
        return self.get_level_display()

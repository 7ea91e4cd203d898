"""The platform's default indicator set, version 1 (values frozen here, from rules.indicators)."""

from django.db import migrations
from django.utils import timezone

INDICATORS = [
    {"code": "catalog_coverage", "weight": 20.0, "per_item": 0.0, "veto_at": None, "params": {}},
    {"code": "blank_items", "weight": 15.0, "per_item": 1.0, "veto_at": None, "params": {}},
    {
        "code": "stale_items",
        "weight": 15.0,
        "per_item": 2.0,
        "veto_at": None,
        "params": {"news_days": 14, "notice_months": 6, "policy_months": 6},
    },
    {"code": "late_publications", "weight": 15.0, "per_item": 1.0, "veto_at": None, "params": {}},
    {
        "code": "policy_interpretation",
        "weight": 10.0,
        "per_item": 2.0,
        "veto_at": None,
        "params": {"workdays": 3},
    },
    {"code": "overdue_requests", "weight": 15.0, "per_item": 5.0, "veto_at": None, "params": {}},
    {
        "code": "annual_report",
        "weight": 10.0,
        "per_item": 0.0,
        "veto_at": None,
        "params": {"late_share": 0.5},
    },
]


def create_default(apps, schema_editor):
    IndicatorSet = apps.get_model("supervision", "IndicatorSet")
    if IndicatorSet.objects.filter(owner__isnull=True).exists():
        return
    IndicatorSet.objects.create(
        owner=None,
        version=1,
        name="政务公开监督考核指标（默认）",
        note="依据国办秘函〔2019〕19号检查指标、《政府信息公开条例》及本地工作要求设置。",
        indicators=INDICATORS,
        created_at=timezone.now(),
        created_by_label="系统",
    )


def remove_default(apps, schema_editor):
    IndicatorSet = apps.get_model("supervision", "IndicatorSet")
    IndicatorSet.objects.filter(owner__isnull=True, version=1, first_used_at__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("supervision", "0001_initial")]

    operations = [migrations.RunPython(create_default, remove_default)]

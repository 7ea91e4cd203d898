"""Seed 主题分类 with the national-style subject list; administrators may edit it afterwards."""

from django.db import migrations

THEMES = [
    ("general", "综合政务"),
    ("economy", "国民经济管理、国有资产监管"),
    ("finance", "财政、金融、审计"),
    ("land_energy", "国土资源、能源"),
    ("agriculture", "农业农村、林业、水利"),
    ("industry_transport", "工业、交通"),
    ("commerce", "商贸、海关、旅游"),
    ("market_safety", "市场监管、安全生产监管"),
    ("construction_environment", "城乡建设、环境保护"),
    ("science_education", "科技、教育"),
    ("culture", "文化、广电、新闻出版"),
    ("health", "卫生健康、体育"),
    ("population", "人口与计划生育、妇女儿童工作"),
    ("labour", "劳动就业、人事、监察"),
    ("justice", "公安、安全、司法"),
    ("civil_affairs", "民政、扶贫、救灾"),
    ("ethnic_religion", "民族、宗教"),
    ("foreign_affairs", "对外事务"),
    ("defence", "国防"),
    ("other", "其他"),
]


def seed(apps, schema_editor):
    Theme = apps.get_model("documents", "Theme")
    for position, (code, name) in enumerate(THEMES, start=1):
        Theme.objects.update_or_create(code=code, defaults={"name": name, "position": position})


def unseed(apps, schema_editor):
    apps.get_model("documents", "Theme").objects.filter(
        code__in=[code for code, _ in THEMES], documents__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("documents", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]

"""Seed the usual colloquial synonyms; on PostgreSQL add the GIN index over the tsvector column."""

from django.db import migrations

SYNONYMS = [
    ("低保", "最低生活保障"),
    ("五保", "特困人员供养"),
    ("五保", "特困人员救助供养"),
    ("特困供养", "特困人员救助供养"),
    ("社保", "社会保险"),
    ("医保", "医疗保障"),
    ("医保", "医疗保险"),
    ("公租房", "公共租赁住房"),
    ("廉租房", "公共租赁住房"),
    ("危房改造", "农村危房改造"),
    ("拆迁", "房屋征收"),
    ("征地", "征地补偿"),
    ("养老金", "养老保险"),
    ("红头文件", "行政规范性文件"),
    ("规范性文件", "行政规范性文件"),
    ("预算", "预决算"),
    ("决算", "预决算"),
    ("上户口", "户口登记"),
    ("落户", "户口登记"),
    ("招生", "招生管理"),
    ("扶贫", "扶贫对象"),
    ("灾后", "灾后救助"),
    ("城管", "城市综合执法"),
    ("环卫", "市容环境卫生管理"),
]


def seed(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    for term, equivalent in SYNONYMS:
        Synonym.objects.get_or_create(term=term, equivalent=equivalent)


def unseed(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    for term, equivalent in SYNONYMS:
        Synonym.objects.filter(term=term, equivalent=equivalent).delete()


def gin_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS search_entry_vector_gin ON search_searchentry USING gin (vector)"
        )


def drop_gin_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS search_entry_vector_gin")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(seed, unseed),
        migrations.RunPython(gin_index, drop_gin_index),
    ]

"""Copy what filters and facets need onto SearchEntry; keep its PostgreSQL heap rows narrow.

The GIN index of 0002 stays: RUM (postgresql-15-rum) was measured slower to fill and to count, see
bench/RESULTS.md. The entries are derived data: they are emptied here and refilled by
`manage.py rebuild_search_index`.
"""

from django.db import migrations, models

import gongkai.search.models

TABLE = "search_searchentry"


def empty_entries(apps, schema_editor):
    apps.get_model("search", "SearchEntry").objects.all().delete()


def narrow_rows(apps, schema_editor):
    # Text and tsvector go to TOAST, so counting and facets read only ids, dates and facet columns.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE {TABLE} SET (toast_tuple_target = 256)")


def default_rows(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE {TABLE} RESET (toast_tuple_target)")


class Migration(migrations.Migration):
    dependencies = [("search", "0002_seed_synonyms_and_gin")]

    operations = [
        migrations.RunPython(empty_entries, migrations.RunPython.noop),
        migrations.AddField(
            model_name="searchentry",
            name="domain_ids",
            field=gongkai.search.models.IntegerListField(default=list),
        ),
        migrations.AddField(
            model_name="searchentry",
            name="keys",
            field=models.TextField(blank=True, verbose_name="筛选键"),
        ),
        migrations.AddField(
            model_name="searchentry",
            name="organization_id",
            field=models.IntegerField(null=True),
        ),
        migrations.AddField(
            model_name="searchentry",
            name="year",
            field=models.PositiveSmallIntegerField(default=0),
        ),
        migrations.RunPython(narrow_rows, default_rows),
    ]

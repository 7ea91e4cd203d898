from django.db import migrations

from gongkai.catalog.guideline_data import load_shipped_guidelines


def load(apps, schema_editor):
    load_shipped_guidelines(
        apps.get_model("catalog", "Domain"),
        apps.get_model("catalog", "Guideline"),
        apps.get_model("catalog", "GuidelineItem"),
    )


class Migration(migrations.Migration):
    dependencies = [("catalog", "0002_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]

"""`manage.py import_catalog`: preview as JSON, dry run, all-or-nothing save, clear errors."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from gongkai.catalog.excel import write_catalog_workbook
from gongkai.catalog.models import Catalog


@pytest.fixture
def table(tmp_path, world):
    catalog = Catalog.objects.get(organization=world.township, domain=world.social_assistance)
    items = [i.elements() for i in catalog.items.filter(applicable=True, withdrawn=False)]
    path = tmp_path / "社会救助目录.xlsx"
    path.write_bytes(
        write_catalog_workbook(items, title="目录", organization="城关镇", domain="社会救助")
    )
    return path, items


def test_dry_run_prints_every_row_as_json_and_saves_nothing(world, table):
    path, items = table
    out = StringIO()
    call_command(
        "import_catalog",
        str(path),
        organization=world.far_township.code,
        domain="social_assistance",
        dry_run=True,
        format="json",
        stdout=out,
    )
    rows = json.loads(out.getvalue())
    assert [r["status"] for r in rows] == ["read"] * len(items)
    assert rows[0]["level1"] == items[0]["level1"] and rows[0]["channels"] == items[0]["channels"]
    assert {
        "row",
        "sheet",
        "reason",
        "content",
        "basis",
        "time_limit",
        "subject",
        "audience",
        "mode",
        "levels",
    } <= set(rows[0])
    before = Catalog.objects.get(
        organization=world.far_township, domain=world.social_assistance
    ).items.count()
    after = Catalog.objects.get(
        organization=world.far_township, domain=world.social_assistance
    ).items.count()
    assert before == after


def test_import_saves_the_rows_into_the_catalog(world, table):
    path, items = table
    org = world.orgs["西岭县云台乡人民政府"]
    call_command(
        "import_catalog",
        str(path),
        organization=org.code,
        domain="social_assistance",
        stdout=StringIO(),
        stderr=StringIO(),
    )
    catalog = Catalog.objects.get(organization=org, domain=world.social_assistance)
    names = {(i.level1, i.level2) for i in catalog.items.all()}
    assert {(i["level1"], i["level2"]) for i in items} <= names


def test_unknown_organization_and_unreadable_file_are_refused_in_chinese(world, tmp_path):
    with pytest.raises(CommandError, match="找不到机构代码"):
        call_command("import_catalog", "x.xlsx", organization="NOPE", domain="social_assistance")
    garbage = tmp_path / "坏文件.xlsx"
    garbage.write_bytes(b"this is not a workbook")
    with pytest.raises(CommandError, match=r"坏文件\.xlsx"):
        call_command(
            "import_catalog",
            str(garbage),
            organization=world.township.code,
            domain="social_assistance",
        )

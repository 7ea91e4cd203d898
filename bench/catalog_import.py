"""Time importing a 5,000-row catalog end to end (read, parse, preview, save) and exporting it.

    .venv/bin/python bench/catalog_import.py [--rows 5000]

Uses a throw-away SQLite database in a temporary directory; prints seconds and rows per second.
Target (issue 2): importing 5,000 rows in ≤ 10 s.
"""

import argparse
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=5000)
    args = parser.parse_args()
    os.environ["GONGKAI_DATA_DIR"] = tempfile.mkdtemp(prefix="gongkai-bench-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from gongkai.catalog import importing, services
    from gongkai.catalog.excel import write_catalog_workbook
    from gongkai.catalog.models import Domain, GuidelineItem
    from gongkai.orgs.access import SYSTEM
    from gongkai.orgs.models import Organization, OrganizationKind, Region, RegionLevel

    region = Region.objects.create(code="990001", name="基准县", level=RegionLevel.COUNTY)
    org = Organization.objects.create(
        code="B1", name="基准县人民政府", kind=OrganizationKind.GOVERNMENT, region=region
    )
    domain = Domain.objects.get(code="social_assistance")
    templates = [g.elements() for g in GuidelineItem.objects.all()]
    items = []
    for n in range(args.rows):
        element = dict(templates[n % len(templates)])
        element["level2"] = f"{element['level2']}（第{n + 1}项）"
        items.append(element)

    started = time.perf_counter()
    data = write_catalog_workbook(
        items, title="基准目录", organization=org.name, domain=domain.name
    )
    build_seconds = time.perf_counter() - started

    started = time.perf_counter()
    preview = importing.read_preview(data=data, filename="bench.xlsx")
    read_seconds = time.perf_counter() - started
    started = time.perf_counter()
    catalog = services.open_catalog(organization=org, domain=domain, by=SYSTEM)
    outcome = services.import_catalog_elements(
        catalog=catalog, rows=preview.rows_to_save(), by=SYSTEM
    )
    save_seconds = time.perf_counter() - started

    started = time.perf_counter()
    exported = [i.elements() for i in catalog.items.order_by("position")]
    out = write_catalog_workbook(
        exported, title="基准目录", organization=org.name, domain=domain.name
    )
    export_seconds = time.perf_counter() - started

    total = read_seconds + save_seconds
    print(
        f"machine: {platform.node()} {os.cpu_count()} cores, Python {platform.python_version()}, SQLite"
    )
    print(
        f"rows: {args.rows}, workbook {len(data) / 1e6:.2f} MB; read {preview.counts}; saved {outcome}"
    )
    print(
        f"import: read+parse {read_seconds:.2f} s, save {save_seconds:.2f} s, total {total:.2f} s "
        f"({args.rows / total:,.0f} rows/s; target ≤ 10 s)"
    )
    print(
        f"export: {export_seconds:.2f} s ({args.rows / export_seconds:,.0f} rows/s), {len(out) / 1e6:.2f} MB"
    )
    print(f"(building the input workbook took {build_seconds:.2f} s)")


if __name__ == "__main__":
    main()

"""Time writing a catalog workbook in the template layout and reading it back (no database).

    .venv/bin/python bench/catalog_excel.py [--rows 5000]

Items cycle through the 26 national catalogs in gongkai/data/catalogs; prints seconds and rows
per second for each step. Target: reading and parsing 5,000 rows well under 10 s.
"""

import argparse
import io
import json
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from openpyxl import load_workbook  # noqa: E402

from gongkai.catalog.excel import (  # noqa: E402
    _check_container,
    read_catalog_workbook,
    sheet_grid,
    write_catalog_workbook,
)
from gongkai.rules.catalog_table import parse_catalog_grid, to_element  # noqa: E402


def make_items(rows: int) -> list[dict]:
    """``rows`` catalog elements cycled from the national catalogs, each with its own name."""
    templates = [
        to_element(item)
        for path in sorted((ROOT / "gongkai" / "data" / "catalogs").glob("*.json"))
        for item in json.loads(path.read_text("utf-8"))["items"]
    ]
    items = []
    for n in range(rows):
        element = dict(templates[n % len(templates)])
        element["level2"] = f"{element['level2']}（第{n + 1}项）"
        items.append(element)
    return items


def _timed(label: str, rows: int, step):
    started = time.perf_counter()
    result = step()
    seconds = time.perf_counter() - started
    print(f"{label:<38} {seconds:7.2f} s  {rows / seconds:9,.0f} rows/s")
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=5000)
    rows = parser.parse_args().rows
    print(f"Python {platform.python_version()} on {platform.machine()}; {rows:,} rows")
    items = make_items(rows)

    data = _timed(
        "write workbook",
        rows,
        lambda: write_catalog_workbook(
            items, title="基准目录", organization="基准县", domain="社会救助"
        ),
    )
    print(f"{'  file size':<38} {len(data) / 1024 / 1024:7.2f} MB")
    _timed("  container checks", rows, lambda: _check_container(data, filename="bench.xlsx"))
    workbook = _timed(
        "  openpyxl load", rows, lambda: load_workbook(io.BytesIO(data), data_only=True)
    )
    grid, filled = _timed(
        "  grid with merges filled",
        rows,
        lambda: sheet_grid(workbook.active, filename="bench.xlsx"),
    )
    _timed("  parse grid", rows, lambda: parse_catalog_grid(grid, sheet="bench", filled=filled))
    tables = _timed(
        "read + parse (read_catalog_workbook)",
        rows,
        lambda: read_catalog_workbook(data, filename="bench.xlsx"),
    )
    elements = [element for table in tables for element in table.elements]
    assert elements == items, "round trip changed the elements"
    print(f"{'  items read back':<38} {len(elements):7,d}")


if __name__ == "__main__":
    main()

"""The labels in gongkai.rules.annual_report are those of the national format, character for character."""

import json
from pathlib import Path

from gongkai.rules import annual_report as ar

FORMAT = json.loads(
    (Path(__file__).parents[2] / "gongkai/data/annual_report_format.json").read_text("utf-8")
)
SECTIONS = {s["no"]: s for s in FORMAT["sections"]}


def test_six_sections_in_order_with_their_titles():
    assert {s["no"]: s["title"] for s in FORMAT["sections"]} == ar.SECTION_TITLES


def test_section_two_tables():
    tables = SECTIONS["二"]["tables"]
    assert [t["caption"] for t in tables] == [
        ar.S2_DOC_CAPTION,
        ar.S2_LICENSING_CAPTION,
        ar.S2_ENFORCEMENT_CAPTION,
        ar.S2_FEE_CAPTION,
    ]
    assert tables[0]["columns"] == [ar.S2_LABEL_COLUMN, *ar.S2_DOC_COLUMNS]
    assert tables[0]["rows"] == list(ar.S2_DOC_ROWS)
    assert (
        tables[1]["columns"] == tables[2]["columns"] == [ar.S2_LABEL_COLUMN, ar.S2_DECISION_COLUMN]
    )
    assert tables[1]["rows"] + tables[2]["rows"] == list(ar.S2_DECISION_ROWS)
    assert tables[3]["columns"] == [ar.S2_LABEL_COLUMN, ar.S2_FEE_COLUMN]
    assert tables[3]["rows"] == [ar.S2_FEE_ROW]


def test_section_three_has_25_rows_and_7_columns_with_exact_labels():
    matrix = SECTIONS["三"]
    assert list(ar.LAYOUT_2021.rows) == [row["label"] for row in matrix["rows"]]
    assert len(ar.LAYOUT_2021.rows) == matrix["row_count"] == 25
    assert list(ar.S3_COLUMNS) == [c["label"] for c in matrix["columns"]["columns"]]
    assert len(ar.S3_COLUMNS) == matrix["data_column_count"] == 7
    assert matrix["columns"]["header_note"] == ar.S3_HEADER_NOTE
    assert [c["label"] for c in matrix["columns"]["columns"] if c.get("group")] == list(
        ar.S3_ORG_COLUMNS
    )


def test_section_three_groups_follow_the_parents_of_the_format():
    expected: dict[str, list[str]] = {}
    for row in SECTIONS["三"]["rows"]:
        parent = row.get("parent", "")
        if " / " in parent:
            expected.setdefault(parent.split(" / ")[1], []).append(row["label"])
    assert {g: list(rows) for g, rows in ar.LAYOUT_2021.groups.items()} == expected
    assert [len(rows) for rows in ar.LAYOUT_2021.groups.values()] == [8, 3, 5, 3]


def test_the_2019_layout_has_one_row_for_other_handling():
    assert len(ar.LAYOUT_2019.rows) == 23
    assert ar.OTHER_HANDLING in ar.LAYOUT_2019.result_rows
    assert ar.LAYOUT_2019.groups[ar.NOT_PROCESSED] == ar.LAYOUT_2021.groups[ar.NOT_PROCESSED]
    assert ar.OTHER_HANDLING not in ar.LAYOUT_2019.groups


def test_section_four_has_15_columns():
    columns = [(c["group"], c["label"]) for c in SECTIONS["四"]["columns"]]
    assert columns == [(g, c) for g in ar.S4_GROUPS for c in ar.S4_COLUMNS]
    assert len(columns) == SECTIONS["四"]["column_count"] == 15


def test_zero_figures_cover_every_cell_of_the_format():
    cells = list(ar.zero_figures(2025).cells())
    assert len(cells) == 6 + 3 + 1 + 25 * 7 + 15
    assert {c.value for c in cells} == {0}

"""The result types and applicant types are those of the national annual-report format, exactly."""

import json
from datetime import date
from pathlib import Path

import pytest

from gongkai.rules.request_results import (
    RESULT_TYPES,
    ROW_CARRIED_FORWARD,
    ROW_CARRIED_OVER,
    ROW_NEW,
    ROW_RESULTS_TOTAL,
    ApplicantType,
    Tally,
    balance_errors,
    cite,
    column_labels,
    default_basis,
    row_labels,
    section_three,
    tally,
)

FORMAT = json.loads(
    (Path(__file__).resolve().parents[2] / "gongkai/data/annual_report_format.json").read_text()
)
SECTION = next(s for s in FORMAT["sections"] if s["no"] == "三")


def test_row_labels_are_those_of_the_format_in_order():
    assert row_labels() == [row["label"] for row in SECTION["rows"]]
    assert len(row_labels()) == SECTION["row_count"] == 25


def test_each_result_type_is_one_row_of_the_format():
    rows = {row["key"]: row["label"] for row in SECTION["rows"]}
    assert {r.row_key: r.label for r in RESULT_TYPES} == {
        k: v for k, v in rows.items() if k.startswith("r_") and k != "r_total"
    }
    counts = {}
    for r in RESULT_TYPES:
        counts[r.group.value] = counts.get(r.group.value, 0) + 1
    assert counts == {
        "（一）予以公开": 1,
        "（二）部分公开": 1,
        "（三）不予公开": 8,
        "（四）无法提供": 3,
        "（五）不予处理": 5,
        "（六）其他处理": 3,
    }


def test_column_labels_are_those_of_the_format_in_order():
    assert column_labels() == [c["label"] for c in SECTION["columns"]["columns"]]
    assert [t.is_organization for t in ApplicantType] == [False, True, True, True, True, True]


def test_citation_of_the_regulation_and_of_other_instruments():
    assert default_basis("partial") == "《中华人民共和国政府信息公开条例》第三十七条"
    assert default_basis("denied_third_party") == (
        "《中华人民共和国政府信息公开条例》第十五条、第三十二条、第三十六条第（三）项"
    )
    assert (
        default_basis("unable_not_held") == "《中华人民共和国政府信息公开条例》第三十六条第（四）项"
    )
    assert default_basis("unable_not_held", referred=True) == (
        "《中华人民共和国政府信息公开条例》第三十六条第（五）项"
    )
    assert default_basis("other_unpaid_fee") == (
        "《中华人民共和国政府信息公开条例》第四十二条，《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"
    )
    assert default_basis("other") == ""
    assert cite([]) == ""


@pytest.mark.parametrize(
    ("received", "concluded", "expected"),
    [
        # received and replied within 2025
        (date(2025, 3, 1), date(2025, 3, 20), (True, False, "partial", False)),
        # received in 2025, still open at the end of 2025
        (date(2025, 12, 20), None, (True, False, None, True)),
        (date(2025, 12, 20), date(2026, 1, 8), (True, False, None, True)),
        # received in 2024, replied in 2025: carried over, not new
        (date(2024, 12, 30), date(2025, 1, 5), (False, True, "partial", False)),
        # received in 2024, still open after 2025
        (date(2024, 12, 30), None, (False, True, None, True)),
    ],
)
def test_where_a_request_counts_in_2025(received, concluded, expected):
    t = tally(
        applicant="commercial",
        received=received,
        concluded=concluded,
        result="partial" if concluded else None,
        year=2025,
    )
    assert (t.new, t.carried_over, t.result, t.carried_forward) == expected
    assert t.applicant is ApplicantType.COMMERCIAL


def test_requests_outside_the_year_do_not_count():
    assert tally(applicant="natural_person", received=date(2026, 1, 1), concluded=None,
                 result=None, year=2025) is None  # fmt: skip
    assert tally(applicant="natural_person", received=date(2024, 5, 1),
                 concluded=date(2024, 12, 31), result="granted", year=2025) is None  # fmt: skip


def test_section_three_counts_and_totals():
    tallies = [
        Tally(ApplicantType.NATURAL_PERSON, True, False, "granted", False),
        Tally(ApplicantType.NATURAL_PERSON, True, False, None, True),
        Tally(ApplicantType.LEGAL_SERVICE, False, True, "denied_process", False),
    ]
    table = section_three(tallies)
    assert table[ROW_NEW] == {
        "自然人": 2, "商业企业": 0, "科研机构": 0, "社会公益组织": 0, "法律服务机构": 0,
        "其他": 0, "总计": 2,
    }  # fmt: skip
    assert table[ROW_CARRIED_OVER]["法律服务机构"] == 1
    assert table["（一）予以公开"]["自然人"] == 1
    assert table["6.属于四类过程性信息"]["法律服务机构"] == 1
    assert table[ROW_RESULTS_TOTAL]["总计"] == 2
    assert table[ROW_CARRIED_FORWARD]["总计"] == 1
    assert balance_errors(table) == []
    table[ROW_NEW]["其他"] = 1
    assert balance_errors(table) == [
        "“其他”列：新收 1 + 上年结转 0 ≠ 办理结果总计 0 + 结转下年度 0"
    ]

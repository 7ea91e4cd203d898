"""Each check of an annual report, planted one at a time in an otherwise consistent report."""

from datetime import date
from decimal import Decimal

import pytest

from gongkai.rules import annual_report as ar
from gongkai.rules.annual_report_checks import (
    Severity,
    check_deadline,
    check_report,
    deadline_status,
    errors,
)

FIRST_DENIAL = "1.属于国家秘密"
UNHELD = "1.本机关不掌握相关政府信息"


def consistent(year: int = 2025) -> ar.AnnualFigures:
    """12 new and 2 carried requests, 11 answered, 3 carried forward; one 行政复议."""
    figures = ar.zero_figures(year)
    rows = figures.requests.cells
    rows[ar.NEW_RECEIVED].update({"自然人": 10, "商业企业": 2, "总计": 12})
    rows[ar.CARRIED_OVER].update({"自然人": 2, "总计": 2})
    rows["（一）予以公开"].update({"自然人": 6, "商业企业": 1, "总计": 7})
    rows[FIRST_DENIAL].update({"自然人": 1, "总计": 1})
    rows[UNHELD].update({"自然人": 2, "商业企业": 1, "总计": 3})
    rows[ar.RESULT_TOTAL].update({"自然人": 9, "商业企业": 2, "总计": 11})
    rows[ar.CARRIED_FORWARD].update({"自然人": 3, "总计": 3})
    figures.reviews.cells[ar.REVIEW].update({ar.UPHELD: 1, ar.TOTAL: 1})
    figures.active.documents["行政规范性文件"].update(
        {ar.ISSUED: 3, ar.REPEALED: 1, ar.IN_FORCE: 12}
    )
    return figures


def summary(results):
    return [(r.rule, r.row, r.column, r.expected, r.found, r.severity) for r in results]


def test_a_consistent_report_passes_every_check():
    assert check_report(consistent()) == []


def test_row_total_differs_from_its_applicant_columns():
    figures = consistent()
    figures.requests.cells[UNHELD]["总计"] = 4
    figures.requests.cells[ar.RESULT_TOTAL]["总计"] = 12
    figures.requests.cells[ar.CARRIED_FORWARD]["总计"] = 2
    assert summary(check_report(figures)) == [
        ("T3_total_col", UNHELD, "总计", 3, 4, Severity.ERROR),
        ("T3_total_col", ar.RESULT_TOTAL, "总计", 11, 12, Severity.ERROR),
        ("T3_total_col", ar.CARRIED_FORWARD, "总计", 3, 2, Severity.ERROR),
    ]


def test_the_message_names_row_and_column_in_chinese():
    figures = consistent()
    figures.requests.cells[UNHELD]["总计"] = 4
    figures.requests.cells[ar.RESULT_TOTAL]["总计"] = 12
    first = check_report(figures)[0]
    assert first.message == (
        "三、“1.本机关不掌握相关政府信息”行“总计”列：应为自然人与法人或其他组织各列之和 3，实为 4。"
    )


def test_result_total_row_differs_from_the_sum_of_results():
    figures = consistent()
    figures.requests.cells[FIRST_DENIAL].update({"自然人": 2, "总计": 2})
    assert summary(check_report(figures)) == [
        ("T3_total_row", ar.RESULT_TOTAL, "自然人", 10, 9, Severity.ERROR),
        ("T3_total_row", ar.RESULT_TOTAL, "总计", 12, 11, Severity.ERROR),
    ]


def test_balance_of_received_and_handled_per_column():
    figures = consistent()
    figures.requests.cells[ar.CARRIED_FORWARD].update({"商业企业": 1, "总计": 4})
    results = check_report(figures)
    assert summary(results) == [
        ("T3_balance", ar.CARRIED_FORWARD, "商业企业", 2, 3, Severity.ERROR),
        ("T3_balance", ar.CARRIED_FORWARD, "总计", 14, 15, Severity.ERROR),
    ]
    assert "“商业企业”列勾稽关系不成立：第一项加第二项之和为 2" in results[0].message


def test_subtotal_of_organisations_is_checked_when_the_report_has_one():
    figures = consistent()
    table = figures.requests
    columns = (*ar.S3_APPLICANT_COLUMNS, ar.S3_ORG_SUBTOTAL, ar.TOTAL)
    for row in table.cells.values():
        row[ar.S3_ORG_SUBTOTAL] = sum(row[c] for c in ar.S3_ORG_COLUMNS)
    figures.requests = ar.RequestTable(cells=table.cells, columns=columns)
    assert check_report(figures) == []
    figures.requests.cells[ar.NEW_RECEIVED][ar.S3_ORG_SUBTOTAL] = 1
    assert summary(check_report(figures)) == [
        ("T3_org_subtotal", ar.NEW_RECEIVED, ar.S3_ORG_SUBTOTAL, 2, 1, Severity.ERROR),
        ("T3_balance", ar.CARRIED_FORWARD, ar.S3_ORG_SUBTOTAL, 1, 2, Severity.ERROR),
    ]


def test_a_group_subtotal_row_must_sum_its_reasons():
    figures = consistent()
    figures.requests.cells[ar.DENIED] = dict.fromkeys(ar.S3_COLUMNS, 0) | {"自然人": 1, "总计": 1}
    assert check_report(figures) == []
    figures.requests.cells[ar.DENIED].update({"自然人": 2, "总计": 2})
    assert summary(check_report(figures)) == [
        ("T3_group_total", ar.DENIED, "自然人", 1, 2, Severity.ERROR),
        ("T3_group_total", ar.DENIED, "总计", 1, 2, Severity.ERROR),
    ]


@pytest.mark.parametrize("group", ar.S4_GROUPS)
def test_section_four_totals(group):
    figures = consistent()
    figures.reviews.cells[group].update({ar.CORRECTED: 2, ar.PENDING: 1})
    [result] = check_report(figures)
    expected = 4 if group == ar.REVIEW else 3
    assert summary([result]) == [
        (
            "T4_row_totals",
            group,
            ar.TOTAL,
            expected,
            figures.reviews.get(group, ar.TOTAL),
            Severity.ERROR,
        )
    ]
    assert result.message.startswith(f"四、“{ar.short_group(group)}”的“总计”")


def test_negative_numbers_are_errors():
    figures = consistent()
    figures.active.decisions[ar.PENALTY] = -1
    assert summary(check_report(figures)) == [
        ("non_negative", ar.PENALTY, ar.S2_DECISION_COLUMN, 0, -1, Severity.ERROR)
    ]


def test_in_force_documents_follow_last_year_as_a_warning():
    previous, figures = consistent(2024), consistent(2025)
    previous.requests.cells[ar.CARRIED_FORWARD].update({"自然人": 2, "总计": 2})
    previous.active.documents["行政规范性文件"][ar.IN_FORCE] = 10
    assert check_report(figures, previous=previous) == []  # 10 + 3 - 1 = 12
    previous.active.documents["行政规范性文件"][ar.IN_FORCE] = 11
    [result] = check_report(figures, previous=previous)
    assert summary([result]) == [
        ("T2_in_force_change", "行政规范性文件", ar.IN_FORCE, 13, 12, Severity.WARNING)
    ]
    assert result.message == (
        "二、“行政规范性文件”行“现行有效件数”列：2024年现行有效 11 件，"
        "加本年制发 3 件、减本年废止 1 件应为 13 件，实为 12 件。"
    )


def test_carried_over_equals_last_years_carried_forward():
    previous, figures = consistent(2024), consistent(2025)
    previous.active.documents["行政规范性文件"][ar.IN_FORCE] = 10
    previous.requests.cells[ar.CARRIED_FORWARD].update({"自然人": 2, "总计": 2})
    assert check_report(figures, previous=previous) == []
    previous.requests.cells[ar.CARRIED_FORWARD].update({"自然人": 1, "商业企业": 1})
    assert summary(check_report(figures, previous=previous)) == [
        ("cross_year", ar.CARRIED_OVER, "自然人", 1, 2, Severity.WARNING),
        ("cross_year", ar.CARRIED_OVER, "商业企业", 1, 0, Severity.WARNING),
    ]


def test_rules_reported_by_a_body_that_cannot_make_them_is_a_warning():
    figures = consistent()
    figures.active.documents["规章"].update({ar.ISSUED: 1, ar.IN_FORCE: 1})
    assert check_report(figures) == []
    results = check_report(figures, may_issue_rules=False)
    assert summary(results) == [
        ("T2_rules_issuer", "规章", ar.ISSUED, 0, 1, Severity.WARNING),
        ("T2_rules_issuer", "规章", ar.IN_FORCE, 0, 1, Severity.WARNING),
    ]
    assert errors(results) == []


def test_missing_cells_are_not_checked_twice():
    figures = consistent()
    figures.requests.cells[FIRST_DENIAL] = dict.fromkeys(ar.S3_COLUMNS)
    assert check_report(figures) == []


def test_the_2019_layout_adds_other_handling_as_one_row():
    figures = ar.zero_figures(2020, layout=ar.LAYOUT_2019)
    figures.requests.cells[ar.NEW_RECEIVED].update({"自然人": 1, "总计": 1})
    figures.requests.cells[ar.OTHER_HANDLING].update({"自然人": 1, "总计": 1})
    figures.requests.cells[ar.RESULT_TOTAL].update({"自然人": 1, "总计": 1})
    assert check_report(figures) == []


def test_deadline_is_31_january_of_the_next_year():
    assert ar.publication_deadline(2025) == date(2026, 1, 31)
    assert ar.publication_deadline(2025, government_report=True) == date(2026, 3, 31)
    assert ar.days_until_deadline(2025, today=date(2026, 1, 10)) == 21
    assert ar.days_until_deadline(2025, today=date(2026, 2, 2)) == -2
    status = deadline_status(2025, today=date(2026, 2, 2), published_on=date(2026, 1, 30))
    assert (status.days_left, status.late) == (-2, False)


def test_deadline_warnings():
    assert check_deadline(2025, today=date(2025, 12, 1)) is None
    soon = check_deadline(2025, today=date(2026, 1, 20))
    assert (soon.rule, soon.severity, soon.message) == (
        "deadline",
        Severity.WARNING,
        "2025年度报告须在2026年1月31日前公布，还剩 11 天。",
    )
    late = check_deadline(2025, today=date(2026, 2, 5))
    assert late.message == "2025年度报告应于2026年1月31日前公布，已逾期 5 天。"
    published_late = check_deadline(2025, today=date(2026, 6, 1), published_on=date(2026, 2, 3))
    assert published_late.message == "2025年度报告应于2026年1月31日前公布，实际晚了 3 天。"
    assert check_deadline(2025, today=date(2026, 6, 1), published_on=date(2026, 1, 31)) is None


def test_section_three_from_the_info_requests_mapping_in_both_shapes():
    nested = ar.request_table_from_mapping({ar.NEW_RECEIVED: {"自然人": 2, "总计": 2}})
    flat = ar.request_table_from_mapping(
        {(ar.NEW_RECEIVED, "自然人"): 2, (ar.NEW_RECEIVED, "总计"): 2}
    )
    assert nested.cells == flat.cells
    assert nested.get(ar.NEW_RECEIVED, "自然人") == 2
    assert nested.get(ar.CARRIED_FORWARD, "其他") == 0
    with pytest.raises(ValueError, match="没有“一、本年新收政府信息公开申请数量”行“法人”列"):
        ar.request_table_from_mapping({ar.NEW_RECEIVED: {"法人": 1}})


def test_reviews_tallied_from_case_outcomes():
    table = ar.tally_reviews({(ar.REVIEW, ar.UPHELD): 2, (ar.LAWSUIT_DIRECT, ar.PENDING): 1})
    assert table.cells[ar.REVIEW] == {
        "结果维持": 2,
        "结果纠正": 0,
        "其他结果": 0,
        "尚未审结": 0,
        "总计": 2,
    }
    assert table.get(ar.LAWSUIT_DIRECT, ar.TOTAL) == 1
    assert table.get(ar.LAWSUIT_AFTER_REVIEW, ar.TOTAL) == 0
    with pytest.raises(ValueError, match="没有“行政诉讼”“结果维持”栏"):
        ar.tally_reviews({("行政诉讼", ar.UPHELD): 1})


def test_with_totals_fills_row_and_result_totals():
    table = ar.request_table_from_mapping(
        {
            ar.NEW_RECEIVED: {"自然人": 2, "其他": 1},
            "（一）予以公开": {"自然人": 1},
            UNHELD: {"其他": 1},
        }
    )
    filled = ar.with_totals(table)
    assert filled.get(ar.NEW_RECEIVED, "总计") == 3
    assert filled.cells[ar.RESULT_TOTAL] == {
        "自然人": 1,
        "商业企业": 0,
        "科研机构": 0,
        "社会公益组织": 0,
        "法律服务机构": 0,
        "其他": 1,
        "总计": 2,
    }


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("12.5", Decimal("12.5")),
        ("１２．５０", Decimal("12.5")),
        ("3万元", Decimal("3")),
        ("", Decimal("0")),
        ("0.0325", Decimal("0.0325")),
        ("1,200", Decimal("1200")),
    ],
)
def test_fee_as_typed(typed, value):
    assert ar.parse_fee(typed) == value
    assert str(ar.parse_fee(typed)) == str(value)


@pytest.mark.parametrize("typed", ["abc", "-1"])
def test_bad_fee(typed):
    with pytest.raises(ValueError, match="收费金额"):
        ar.parse_fee(typed)

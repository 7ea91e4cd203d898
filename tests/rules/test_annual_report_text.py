"""The validator reads hand-made report texts in many layouts and finds each planted error."""

from decimal import Decimal
from pathlib import Path

import pytest

from gongkai.rules import annual_report as ar
from gongkai.rules.annual_report_checks import Severity
from gongkai.rules.annual_report_text import check_series, parse_report_text, validate

FIXTURES = Path(__file__).parents[1] / "reports" / "fixtures"
E, W = Severity.ERROR, Severity.WARNING


def parse(name: str):
    return parse_report_text((FIXTURES / name).read_text("utf-8"), source=name)


def found(name: str):
    return [
        (r.rule, r.row, r.column, r.expected, r.found, r.severity) for r in validate(parse(name))
    ]


# The 城关镇 figures, typed from the report as a person reads it: the rows that are not all 0.
REFERENCE_REQUESTS = {
    ar.NEW_RECEIVED: [18, 3, 0, 0, 1, 0, 22],
    ar.CARRIED_OVER: [2, 0, 0, 0, 0, 0, 2],
    "（一）予以公开": [9, 2, 0, 0, 1, 0, 12],
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）": [2, 0, 0, 0, 0, 0, 2],
    "4.保护第三方合法权益": [1, 0, 0, 0, 0, 0, 1],
    "6.属于四类过程性信息": [1, 0, 0, 0, 0, 0, 1],
    "1.本机关不掌握相关政府信息": [3, 1, 0, 0, 0, 0, 4],
    "1.信访举报投诉类申请": [1, 0, 0, 0, 0, 0, 1],
    "2.重复申请": [1, 0, 0, 0, 0, 0, 1],
    ar.RESULT_TOTAL: [18, 3, 0, 0, 1, 0, 22],
    ar.CARRIED_FORWARD: [2, 0, 0, 0, 0, 0, 2],
}
REFERENCE_REVIEWS = {
    ar.REVIEW: [1, 0, 0, 0, 1],
    ar.LAWSUIT_DIRECT: [0, 0, 0, 1, 1],
    ar.LAWSUIT_AFTER_REVIEW: [0, 0, 0, 0, 0],
}


def reference_requests() -> dict[str, dict[str, int]]:
    return {
        row: dict(zip(ar.S3_COLUMNS, REFERENCE_REQUESTS.get(row, [0] * 7), strict=True))
        for row in ar.LAYOUT_2021.rows
    }


def test_clean_pipe_report_reads_every_cell():
    report = parse("clean_pipe_chengguan_2024.txt")
    assert (report.organization, report.year, report.edition) == (
        "东川县城关镇人民政府",
        2024,
        "2021",
    )
    assert report.issues == []
    assert report.figures.active.documents == {
        "规章": {"本年制发件数": 0, "本年废止件数": 0, "现行有效件数": 0},
        "行政规范性文件": {"本年制发件数": 3, "本年废止件数": 1, "现行有效件数": 12},
    }
    assert report.figures.active.decisions == {"行政许可": 45, "行政处罚": 12, "行政强制": 2}
    assert report.figures.active.fees == Decimal("3.25")
    assert report.figures.requests.cells == reference_requests()
    assert report.figures.reviews.cells == {
        group: dict(zip(ar.S4_COLUMNS, values, strict=True))
        for group, values in REFERENCE_REVIEWS.items()
    }
    assert validate(report) == []


@pytest.mark.parametrize(
    "name",
    [
        "clean_paragraph_caizheng_2024.txt",  # one cell per line, empty cells as bare line breaks
        "clean_reordered_ziran_2024.txt",  # 总计 column first in the header and the rows
        "clean_subtotal_zhujian_2024.txt",  # a 法人或其他组织 小计 column
        "township_rules_jinshan_2024.txt",
        "wrong_total_hekou_2024.txt",
        "broken_balance_donghu_2024.txt",
        "fullwidth_xincheng_2024.txt",
        "s4_one_line_yingji_2024.txt",
    ],
)
def test_every_layout_reads_the_same_figures_as_the_reference(name):
    planted = {
        "wrong_total_hekou_2024.txt": {("（一）予以公开", "总计"): 13},
        "broken_balance_donghu_2024.txt": {
            (ar.CARRIED_FORWARD, "自然人"): 3,
            (ar.CARRIED_FORWARD, "总计"): 3,
        },
        "fullwidth_xincheng_2024.txt": {("1.本机关不掌握相关政府信息", "总计"): 5},
    }.get(name, {})
    expected = reference_requests()
    for (row, column), value in planted.items():
        expected[row][column] = value
    table = parse(name).figures.requests
    assert {
        row: {c: table.get(row, c) for c in ar.S3_COLUMNS} for row in ar.LAYOUT_2021.rows
    } == expected


def test_subtotal_column_is_read_and_checked():
    table = parse("clean_subtotal_zhujian_2024.txt").figures.requests
    assert table.columns == (*ar.S3_APPLICANT_COLUMNS, ar.S3_ORG_SUBTOTAL, ar.TOTAL)
    assert table.get(ar.NEW_RECEIVED, ar.S3_ORG_SUBTOTAL) == 4
    assert found("clean_subtotal_zhujian_2024.txt") == []


@pytest.mark.parametrize(
    "name",
    [
        "clean_pipe_chengguan_2024.txt",
        "clean_tabs_minzheng_2024.txt",
        "clean_lines_minzheng_2023.txt",
        "clean_paragraph_caizheng_2024.txt",
        "clean_subtotal_zhujian_2024.txt",
        "series_break_jiaoyu_2023.txt",
        "series_break_jiaoyu_2024.txt",
    ],
)
def test_clean_reports_pass(name):
    assert found(name) == []


def test_reordered_header_is_read_by_its_labels_with_a_warning():
    [result] = validate(parse("clean_reordered_ziran_2024.txt"))
    assert (result.rule, result.severity) == ("read_column_order", W)
    assert "总计、自然人、商业企业" in result.message


def test_wrong_total():
    assert found("wrong_total_hekou_2024.txt") == [
        ("T3_total_col", "（一）予以公开", "总计", 12, 13, E),
        ("T3_total_row", ar.RESULT_TOTAL, "总计", 23, 22, E),
    ]


def test_broken_balance():
    assert found("broken_balance_donghu_2024.txt") == [
        ("T3_balance", ar.CARRIED_FORWARD, "自然人", 20, 21, E),
        ("T3_balance", ar.CARRIED_FORWARD, "总计", 24, 25, E),
    ]


def test_missing_row():
    assert found("missing_row_shiqiao_2024.txt") == [
        ("read_missing_row", "4.保护第三方合法权益", "", None, None, E),
    ]
    table = parse("missing_row_shiqiao_2024.txt").figures.requests
    assert table.get("5.属于三类内部事务信息", "总计") == 0
    assert table.get("6.属于四类过程性信息", "自然人") == 1


def test_swapped_columns():
    assert found("swapped_columns_yuntai_2024.txt") == [
        ("T3_total_col", ar.NEW_RECEIVED, "总计", 26, 18, E),
        ("T3_total_col", "（一）予以公开", "总计", 15, 9, E),
        ("T3_total_col", "1.本机关不掌握相关政府信息", "总计", 5, 3, E),
        ("T3_total_col", ar.RESULT_TOTAL, "总计", 26, 18, E),
    ]


def test_full_width_digits():
    report = parse("fullwidth_xincheng_2024.txt")
    assert report.figures.active.fees == Decimal("3.25")
    assert report.year == 2024
    assert found("fullwidth_xincheng_2024.txt") == [
        ("T3_total_col", "1.本机关不掌握相关政府信息", "总计", 4, 5, E),
        ("T3_total_row", ar.RESULT_TOTAL, "总计", 23, 22, E),
    ]


def test_section_four_in_one_run():
    report = parse("s4_one_line_yingji_2024.txt")
    assert report.figures.reviews.cells[ar.LAWSUIT_AFTER_REVIEW] == {
        "结果维持": 0,
        "结果纠正": 1,
        "其他结果": 0,
        "尚未审结": 0,
        "总计": 2,
    }
    assert found("s4_one_line_yingji_2024.txt") == [
        ("T4_row_totals", ar.LAWSUIT_AFTER_REVIEW, "总计", 1, 2, E),
    ]


def test_the_2019_format_is_recognized():
    report = parse("format_2019_weijian_2021.txt")
    assert (report.edition, report.year) == ("2019", 2021)
    assert report.figures.requests.layout is ar.LAYOUT_2019
    assert report.figures.requests.get(ar.OTHER_HANDLING, "自然人") == 1
    [result] = validate(report)
    assert (result.rule, result.severity) == ("format_2019", E)
    assert "国办公开办函〔2019〕60号" in result.message
    assert "2021年度起的报告应使用国办公开办函〔2021〕30号格式" in result.message


def test_the_2019_format_was_right_for_a_2020_report():
    text = (FIXTURES / "format_2019_weijian_2021.txt").read_text("utf-8").replace("2021", "2020")
    [result] = validate(parse_report_text(text))
    assert (result.rule, result.severity) == ("format_2019", W)


def test_township_reporting_rules():
    report = parse("township_rules_jinshan_2024.txt")
    assert report.rules_barrier == "乡镇"
    assert found("township_rules_jinshan_2024.txt") == [
        ("T2_rules_issuer", "规章", "本年制发件数", 0, 1, W),
        ("T2_rules_issuer", "规章", "现行有效件数", 0, 1, W),
    ]


def test_carry_over_break_between_two_years():
    reports = [parse("series_break_jiaoyu_2024.txt"), parse("series_break_jiaoyu_2023.txt")]
    assert [
        (r.year, c.rule, c.row, c.column, c.expected, c.found) for r, c in check_series(reports)
    ] == [
        (2024, "T2_in_force_change", "行政规范性文件", "现行有效件数", 16, 20),
        (2024, "cross_year", ar.CARRIED_OVER, "自然人", 3, 2),
        (2024, "cross_year", ar.CARRIED_OVER, "总计", 4, 3),
    ]


def test_consistent_years_of_one_body_and_unrelated_bodies_pass_the_series():
    names = [
        "clean_tabs_minzheng_2024.txt",
        "clean_lines_minzheng_2023.txt",
        "clean_pipe_chengguan_2024.txt",
    ]
    assert check_series([parse(n) for n in names]) == []


def test_two_reports_of_the_same_year():
    reports = [parse("clean_tabs_minzheng_2024.txt"), parse("clean_tabs_minzheng_2024.txt")]
    [(_, result)] = check_series(reports)
    assert (result.rule, result.severity) == ("duplicate_year", W)


def test_organization_and_year_from_other_title_shapes():
    body = (FIXTURES / "clean_pipe_chengguan_2024.txt").read_text("utf-8").split("\n", 1)[1]
    report = parse_report_text("2024年度东川县城关镇人民政府政府信息公开工作年度报告\n" + body)
    assert (report.organization, report.year) == ("东川县城关镇人民政府", 2024)
    report = parse_report_text("政府信息公开工作年度报告\n" + body, organization="某机关")
    assert (report.organization, report.year) == ("某机关", 2024)  # from 统计期限


def test_text_without_any_table_says_what_is_missing():
    report = parse_report_text("某某局2024年政府信息公开工作年度报告\n一、总体情况\n今年工作很好。")
    assert [r.rule for r in report.issues] == ["read_missing_section"] * 3
    assert report.issues[0].message == "未找到第二部分（主动公开政府信息情况）的表格。"

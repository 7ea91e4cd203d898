"""Reading the cells after a row label, in the shapes flattened tables arrive in."""

from decimal import Decimal

import pytest

from gongkai.rules.annual_report_cells import (
    label_pattern,
    normalize,
    number_tokens,
    read_cells,
    to_value,
)


@pytest.mark.parametrize(
    ("span", "cells"),
    [
        (" 1 0 0 0 0 0 1\n2.其他", ["1", "0", "0", "0", "0", "0", "1"]),  # spaces
        (
            " | 1 |  | 0 | 0 | 0 | 0 | 1 |\n| 2.其他",
            ["1", "", "0", "0", "0", "0", "1"],
        ),  # pipes, empty
        (
            " | | 1 | 0 | | 0 | 0 | 0 | 1 |",
            ["1", "0", "", "0", "0", "0", "1"],
        ),  # label over 2 columns
        (
            " | 1 | 0 | 0 | | 0 | 0 | 1 | ||",
            ["1", "0", "0", "", "0", "0", "1"],
        ),  # separators left at the end
        ("\t1\t\t0\t0\t0\t0\t1", ["1", "", "0", "0", "0", "0", "1"]),  # tabs
        ("\t1\t0\t0\t0\t0\t0\t", ["1", "0", "0", "0", "0", "0", ""]),  # tabs, last cell empty
        (
            "\n\n\n\n\n\n\n\n 0\n\n二、上年",
            ["", "", "", "", "", "", "0"],
        ),  # blank line per empty cell
        ("\n\n3\n\n\n\n\n\n1\n\n4", ["3", "", "", "", "", "1", "4"]),
        (
            "\n\n3\n\n\n\n\n\n\n\n\n\n1\n\n4",
            ["3", "", "", "", "", "1", "4"],
        ),  # every cell a paragraph
        (
            " |\n1 |\n0 |\n- |\n0 |\n0 |\n0 |\n1 |\n|\n",
            ["1", "0", "-", "0", "0", "0", "1"],
        ),  # cell per line
        ("不计其他情形） 1 0 0 0 0 0 1", ["1", "0", "0", "0", "0", "0", "1"]),  # wrapped label
        (" — 0 0 0 0 0 0", ["—", "0", "0", "0", "0", "0", "0"]),  # a dash for none
    ],
)
def test_row_shapes(span, cells):
    assert read_cells(normalize(span), 7) == (cells, len(number_tokens(normalize(span))))


def test_too_few_numbers_without_separators_cannot_be_read():
    assert read_cells(" 1 0 0 1", 7) == (None, 4)


def test_a_header_line_of_text_cells_is_not_a_row_of_zeros():
    assert read_cells(" |\n| 第二十条第（六）项 |\n| 信息内容 | 本年处理决定数量 |", 1) == (None, 0)


def test_numbers_glued_to_words_dates_and_numbering_are_not_cells():
    assert number_tokens("统计期限为2024年1月1日 第14条 1.属于 行政许可12 x3 共5%") == ["12"]


def test_thousands_and_full_width():
    assert number_tokens(normalize("１，２０３ 1,203 ３．２５")) == ["1,203", "1,203", "3.25"]


@pytest.mark.parametrize(
    ("cell", "value"),
    [
        ("12", 12),
        ("+21", 21),
        ("-3", -3),
        ("1,203", 1203),
        ("3.25", Decimal("3.25")),
        ("2.0", 2),
        ("", 0),
        ("-", 0),
        ("—", 0),
        ("/", 0),
        ("无", 0),
    ],
)
def test_values(cell, value):
    assert to_value(cell) == value
    assert type(to_value(cell)) is type(value)


def test_labels_are_found_across_line_breaks_and_with_or_without_numbering():
    pattern = label_pattern("部分公开")
    text = normalize("（二）部分公开（区分处理的，只计这一情形，\n不计其他情形） 1 0")
    match = pattern.search(text)
    assert text[match.start() : match.end()] == "(二)部分公开(区分处理的,只计这一情形,"
    assert label_pattern("其他", numbered=True).search("其他处理 3.其他 0").group(0) == "3.其他 "
    assert label_pattern("保护第三方合法权益").search("0 0\n4. 保护第三方\n合法权益 1").start() == 4

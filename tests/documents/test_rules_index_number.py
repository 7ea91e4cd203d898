"""gongkai.rules.index_number: patterns that give unique, URL-safe 索引号 (no database)."""

import pytest

from gongkai.rules.index_number import (
    DEFAULT_PATTERN,
    IndexPatternError,
    example,
    format_index_number,
    validate_pattern,
)


def test_default_pattern_formats_org_year_and_padded_sequence():
    assert (
        format_index_number(DEFAULT_PATTERN, org_code="QH01T01", year=2024, seq=17)
        == "QH01T01/2024-00017"
    )


@pytest.mark.parametrize(
    "pattern",
    ["{org_code}/{year}-{seq:05d}", "{org_code}-{year}-{seq}", "GK.{org_code}_{year}.{seq:03d}"],
)
def test_valid_patterns(pattern):
    validate_pattern(pattern)


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ("", "不能为空"),
        ("{org_code}/{seq}", "必须包含 {year}"),
        ("{year}-{seq}", "必须包含 {org_code}"),
        ("{org_code}/{year}", "必须包含 {seq}"),
        ("{org_code}/{year}/{seq}/{name}", "不认识占位符 {name}"),
        ("{org_code} {year}-{seq}", "只能使用字母、数字"),
        ("{org_code}/{year}-{seq:5d}", "补零宽度"),
        ("{org_code}/{year:04d}-{seq}", "不能带格式说明"),
        ("{org_code}/{year}-{seq}-{seq}", "只能出现一次"),
        ("{org_code}/{year}-{seq!r}", "转换"),
        ("{org_code}/{year}-{seq", "花括号不成对"),
        ("org/{org_code}/{year}-{seq}", "网址保留字"),
        ("{org_code}/{year}-" + "x" * 60 + "{seq}", "不超过 64 个字符"),
    ],
)
def test_invalid_patterns_say_why_in_chinese(pattern, message):
    with pytest.raises(IndexPatternError) as info:
        validate_pattern(pattern)
    assert message in str(info.value)


def test_sequence_starts_at_one_and_output_length_is_bounded():
    with pytest.raises(IndexPatternError, match="从 1 开始"):
        format_index_number(DEFAULT_PATTERN, org_code="A", year=2024, seq=0)
    with pytest.raises(IndexPatternError, match="超过 64 个字符"):
        format_index_number(DEFAULT_PATTERN, org_code="A" * 60, year=2024, seq=1)


def test_example_is_the_first_number_of_the_year():
    assert example("{org_code}-{year}-{seq:04d}", org_code="QH01", year=2025) == "QH01-2025-0001"

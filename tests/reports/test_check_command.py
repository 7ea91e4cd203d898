"""python manage.py check_annual_report: tables and failed checks, as text and as JSON."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

FIXTURES = Path(__file__).parent / "fixtures"


def run(*args) -> str:
    out = StringIO()
    call_command("check_annual_report", *args, stdout=out)
    return out.getvalue()


def test_clean_report_prints_its_cells_and_no_error():
    out = run(str(FIXTURES / "clean_pipe_chengguan_2024.txt"))
    assert "机关：东川县城关镇人民政府  年度：2024  表格格式：国办公开办函〔2021〕30号" in out
    assert "二\t行政规范性文件\t现行有效件数\t12" in out
    assert "三\t一、本年新收政府信息公开申请数量\t总计\t22" in out
    assert "四\t行政诉讼 / 未经复议直接起诉\t尚未审结\t1" in out
    assert "检查结果：0 个错误，0 个提示" in out


def test_planted_error_fails_the_command_and_is_printed():
    out = StringIO()
    with pytest.raises(CommandError, match="共发现 2 个错误"):
        call_command(
            "check_annual_report", str(FIXTURES / "wrong_total_hekou_2024.txt"), stdout=out
        )
    text = out.getvalue()
    assert "[错误] T3_total_col  行“（一）予以公开”  列“总计”  应为 12  实为 13" in text


def test_several_years_are_checked_for_carry_over_as_json():
    out = run(
        str(FIXTURES / "series_break_jiaoyu_2023.txt"),
        str(FIXTURES / "series_break_jiaoyu_2024.txt"),
        "--format",
        "json",
    )
    data = json.loads(out)
    assert [d["year"] for d in data] == [2023, 2024]
    assert data[0]["checks"] == []
    assert [(c["rule"], c["column"], c["expected"], c["found"]) for c in data[1]["checks"]] == [
        ("T2_in_force_change", "现行有效件数", 16, 20),
        ("cross_year", "自然人", 3, 2),
        ("cross_year", "总计", 4, 3),
    ]
    cells = {(c["section"], c["row"], c["column"]): c["value"] for c in data[1]["cells"]}
    assert cells[("二", "行政事业性收费", "本年收费金额（单位：万元）")] == "1.2"


def test_html_and_missing_files():
    out = run(str(FIXTURES / "clean_html_renshe_2024.html"))
    assert "机关：东川县人力资源和社会保障局  年度：2024" in out
    assert "二\t行政许可\t本年处理决定数量\t1203" in out
    with pytest.raises(CommandError, match="找不到文件"):
        run("/nonexistent/report.txt")

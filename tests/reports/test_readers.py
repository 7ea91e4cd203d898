"""Reading published reports from .docx (with merged cells), web pages and text files."""

from io import BytesIO
from pathlib import Path

import pytest
from docx import Document as new_document

from gongkai.reports.readers import UnreadableReport, docx_text, html_text, report_text
from gongkai.rules.annual_report_text import parse_report_text, validate

FIXTURES = Path(__file__).parent / "fixtures"


def test_saved_web_page_with_rowspans_and_colspans():
    report = parse_report_text(report_text(FIXTURES / "clean_html_renshe_2024.html"))
    assert (report.organization, report.year) == ("东川县人力资源和社会保障局", 2024)
    assert report.figures.active.decisions == {"行政许可": 1203, "行政处罚": 7, "行政强制": 0}
    assert report.figures.requests.get("一、本年新收政府信息公开申请数量", "总计") == 16
    assert report.figures.requests.get("3.要求提供公开出版物", "自然人") == 1
    assert report.figures.reviews.get("行政诉讼 / 复议后起诉", "结果维持") == 1
    assert validate(report) == []


def test_html_drops_scripts_and_styles():
    text = html_text(
        "<style>td{}</style><script>var a = 1 2 3;</script><p>正文</p><table><tr><td>a</td><td>1</td></tr></table>"
    )
    assert text == "正文\n| a | 1 |"


def a_docx_made_in_word_style() -> bytes:
    """A report typed the way offices do: a title, section 三 as one table with merged headers."""
    document = new_document()
    document.add_paragraph("西岭县石桥镇人民政府2024年政府信息公开工作年度报告")
    document.add_paragraph("三、收到和处理政府信息公开申请情况")
    table = document.add_table(rows=3 + 25, cols=10)
    table.cell(0, 0).merge(
        table.cell(2, 2)
    ).text = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    table.cell(0, 3).merge(table.cell(0, 9)).text = "申请人情况"
    table.cell(1, 3).merge(table.cell(2, 3)).text = "自然人"
    table.cell(1, 4).merge(table.cell(1, 8)).text = "法人或其他组织"
    table.cell(1, 9).merge(table.cell(2, 9)).text = "总计"
    for c, label in enumerate(
        ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"], start=4
    ):
        table.cell(2, c).text = label
    from gongkai.rules.annual_report import LAYOUT_2021

    for index, label in enumerate(LAYOUT_2021.rows):
        r = 3 + index
        table.cell(r, 0).merge(table.cell(r, 2)).text = label
        values = (
            [1, 0, 0, 0, 0, 0, 1] if label.startswith(("一、", "（一）", "（七）")) else [0] * 7
        )
        for c, value in enumerate(values, start=3):
            table.cell(r, c).text = (
                "" if value == 0 and c == 5 else str(value)
            )  # an empty cell is 0
    data = BytesIO()
    document.save(data)
    return data.getvalue()


def test_docx_with_merged_cells_and_empty_cells():
    text = docx_text(BytesIO(a_docx_made_in_word_style()))
    assert "| 一、本年新收政府信息公开申请数量 | 1 | 0 |  | 0 | 0 | 0 | 1 |" in text
    report = parse_report_text(text)
    assert report.figures.requests.get("一、本年新收政府信息公开申请数量", "自然人") == 1
    assert report.figures.requests.get("一、本年新收政府信息公开申请数量", "科研机构") == 0
    assert report.figures.requests.get("（七）总计", "总计") == 1
    assert [i.rule for i in report.issues] == [
        "read_missing_section",
        "read_missing_section",
    ]  # 二, 四


def test_gb18030_text_file(tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes(
        (FIXTURES / "clean_pipe_chengguan_2024.txt").read_text("utf-8").encode("gb18030")
    )
    assert parse_report_text(report_text(path)).organization == "东川县城关镇人民政府"


def test_unreadable_files(tmp_path):
    doc = tmp_path / "old.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0 old word")
    with pytest.raises(UnreadableReport, match="不支持旧版 Word"):
        report_text(doc)
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(UnreadableReport, match="无法打开该 Word 文件"):
        report_text(broken)


def test_pdf_made_by_libreoffice_from_our_docx():
    """Its text layer wraps labels, repeats the header on page 2 and reorders quoted words."""
    from tests.rules.test_annual_report_text import reference_requests

    report = parse_report_text(report_text(FIXTURES / "clean_libreoffice_chengguan_2024.pdf"))
    assert (report.organization, report.year) == ("东川县城关镇人民政府", 2024)
    assert report.figures.requests.cells == reference_requests()
    assert report.figures.active.decisions == {"行政许可": 45, "行政处罚": 12, "行政强制": 2}
    assert validate(report) == []


def test_pdf_without_text(tmp_path):
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    path = tmp_path / "scan.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    with pytest.raises(UnreadableReport, match="没有文字层"):
        report_text(path)

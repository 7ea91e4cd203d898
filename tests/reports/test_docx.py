"""The generated .docx, read back cell by cell, and opened by LibreOffice."""

import shutil
import subprocess
import zipfile
from io import BytesIO

import pytest
from docx import Document as open_docx
from pypdf import PdfReader

from gongkai.reports.docx import build_report_docx
from gongkai.reports.models import AnnualReport
from gongkai.reports.readers import docx_text
from gongkai.reports.selectors import report_figures
from gongkai.rules.annual_report_layout import report_tables
from gongkai.rules.annual_report_text import parse_report_text, validate


@pytest.fixture
def generated(demo_reports):
    report = AnnualReport.objects.get(organization=demo_reports.township, year=2025)
    figures = report_figures(report)
    data = build_report_docx(title=report.title, figures=figures, texts=report.texts)
    return report, figures, data


def test_every_table_cell_reads_back_at_its_place_with_its_merges(generated):
    _, figures, data = generated
    document = open_docx(BytesIO(data))
    layouts = list(report_tables(figures).values())
    assert len(document.tables) == 3
    compared = 0
    for table, layout in zip(document.tables, layouts, strict=True):
        assert (len(table.rows), len(table.columns)) == (len(layout.rows), layout.width)
        for r, c, spec in layout.placed():
            cell = table.cell(r, c)
            assert cell.text == spec.text, (layout.section, r, c)
            for dr in range(spec.rowspan):
                for dc in range(spec.colspan):
                    assert table.cell(r + dr, c + dc)._tc is cell._tc, (
                        layout.section,
                        r + dr,
                        c + dc,
                    )
            compared += 1
    # 二: 30 cells; 三: 10 header cells, 25 rows of 7 numbers and 30 labels; 四: 19 header cells, 15 numbers
    assert compared == 30 + (10 + 25 * 7 + 30) + (19 + 15)


def test_the_validator_reads_the_generated_docx_to_the_same_figures(generated):
    report, figures, data = generated
    parsed = parse_report_text(docx_text(BytesIO(data)))
    assert (parsed.organization, parsed.year, parsed.edition) == (
        "东川县城关镇人民政府",
        2025,
        "2021",
    )
    assert parsed.figures.requests.cells == figures.requests.cells
    assert parsed.figures.reviews.cells == figures.reviews.cells
    assert parsed.figures.active == figures.active
    assert validate(parsed) == []
    text = docx_text(BytesIO(data))
    assert report.problems in text
    assert text.index("五、存在的主要问题及改进情况") < text.index(report.problems)


def test_the_file_is_a_plain_wordprocessing_package(generated):
    *_, data = generated
    with zipfile.ZipFile(BytesIO(data)) as package:
        names = set(package.namelist())
        body = package.read("word/document.xml").decode()
    assert {"[Content_Types].xml", "word/document.xml", "word/styles.xml"} <= names
    assert body.count("<w:tbl>") == 3
    assert 'w:val="restart"' in body  # vertical merges of the header and of 三、本年度办理结果
    assert "<w:gridSpan " in body


@pytest.mark.skipif(not shutil.which("libreoffice"), reason="LibreOffice is not installed")
def test_libreoffice_converts_it_to_a_pdf_with_the_tables(generated, tmp_path):
    *_, data = generated
    source = tmp_path / "report.docx"
    source.write_bytes(data)
    subprocess.run(
        [
            "libreoffice",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    reader = PdfReader(tmp_path / "report.pdf")
    text = "".join(page.extract_text() for page in reader.pages)
    assert 1 <= len(reader.pages) <= 4
    for words in ("第二十条第（一）项", "申请人情况", "未经复议直接起诉", "结转下年度继续办理"):
        assert words.replace("（", "(").replace("）", ")") in text.replace("（", "(").replace(
            "）", ")"
        )

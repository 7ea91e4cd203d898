"""The report as a Word file in the national layout: six sections, tables with merged headers.

Built from ``gongkai.rules.annual_report_layout`` so it matches the web page cell for cell. Only
the styles every word processor has (Table Grid, Normal) are used, so it opens cleanly in Word,
WPS and LibreOffice.
"""

from __future__ import annotations

from io import BytesIO

from docx import Document as new_document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from gongkai.rules.annual_report import SECTION_TITLES, AnnualFigures
from gongkai.rules.annual_report_layout import LayoutTable, report_tables

BODY_FONT, TITLE_FONT, HEADING_FONT = "仿宋", "宋体", "黑体"
BODY_SIZE, TITLE_SIZE = Pt(16), Pt(22)  # 三号 and 二号, the sizes of official documents
TABLE_SIZES = {"二": Pt(10.5), "三": Pt(9), "四": Pt(9)}
TEXT_WIDTH_CM = 16.6
# Label columns of section 三 are wide enough for 不予公开 reasons; numbers share the rest.
LABEL_WIDTHS_CM = {"二": (4.6,), "三": (1.7, 1.9, 4.8), "四": ()}


def _font(run_or_style, name: str, size: Pt | None = None, *, bold: bool = False) -> None:
    font = run_or_style.font
    font.name, font.bold = name, bold
    if size is not None:
        font.size = size
    element = run_or_style.element if hasattr(run_or_style, "element") else run_or_style._element
    r_pr = element.get_or_add_rPr()
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = r_pr.makeelement(qn("w:rFonts"), {})
        r_pr.append(fonts)
    fonts.set(qn("w:eastAsia"), name)


def _paragraph(
    document,
    text: str,
    *,
    font: str = BODY_FONT,
    size=BODY_SIZE,
    bold=False,
    align=None,
    indent=True,
):
    paragraph = document.add_paragraph()
    if align is not None:
        paragraph.alignment = align
    if indent:
        paragraph.paragraph_format.first_line_indent = Pt(32)
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.line_spacing = Pt(28)
    _font(paragraph.add_run(text), font, size, bold=bold)
    return paragraph


def _widths(layout: LayoutTable) -> list[Cm]:
    labels = LABEL_WIDTHS_CM[layout.section]
    rest = (TEXT_WIDTH_CM - sum(labels)) / (layout.width - len(labels))
    return [Cm(w) for w in labels] + [Cm(rest)] * (layout.width - len(labels))


def _keep_together(row) -> None:
    """A row never breaks across pages and stays with the next one (header with its data)."""
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(tr_pr.makeelement(qn("w:cantSplit"), {}))
    for cell in row.cells:
        for paragraph in cell.paragraphs:
            paragraph.paragraph_format.keep_with_next = True


def _table(document, layout: LayoutTable):
    size = TABLE_SIZES[layout.section]
    table = document.add_table(rows=len(layout.rows), cols=layout.width)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = _widths(layout)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width
    header_rows = 3 if layout.section in ("三", "四") else 0
    for index, row in enumerate(table.rows):
        if index < header_rows:
            tr_pr = row._tr.get_or_add_trPr()
            tr_pr.append(tr_pr.makeelement(qn("w:tblHeader"), {}))  # repeated on every page
        if index < header_rows or layout.section == "四":
            _keep_together(row)
    for r, c, spec in layout.placed():
        cell = table.cell(r, c)
        if spec.rowspan > 1 or spec.colspan > 1:
            cell = cell.merge(table.cell(r + spec.rowspan - 1, c + spec.colspan - 1))
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        paragraph = cell.paragraphs[0]
        paragraph.paragraph_format.space_after = Pt(0)
        if spec.kind != "label" or (spec.colspan > 1 and layout.section != "三"):
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _font(paragraph.add_run(spec.text), BODY_FONT, size, bold=spec.kind == "head")
    return table


def build_report_docx(*, title: str, figures: AnnualFigures, texts: dict[str, str]) -> bytes:
    """``texts`` holds sections 一, 五 and 六; the tables come from ``figures``."""
    document = new_document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin = section.bottom_margin = Cm(2.5)
    _font(document.styles["Normal"], BODY_FONT, Pt(12))
    _paragraph(
        document,
        title,
        font=TITLE_FONT,
        size=TITLE_SIZE,
        bold=True,
        align=WD_ALIGN_PARAGRAPH.CENTER,
        indent=False,
    )
    _paragraph(
        document,
        f"本报告中所列数据统计期限为{figures.year}年1月1日至12月31日。",
    )
    tables = report_tables(figures)
    for no, heading in SECTION_TITLES.items():
        _paragraph(document, f"{no}、{heading}", font=HEADING_FONT)
        if no in tables:
            _table(document, tables[no])
        else:
            lines = [line.strip() for line in texts.get(no, "").splitlines() if line.strip()]
            for line in lines or ["无。"]:
                _paragraph(document, line)
    out = BytesIO()
    document.save(out)
    return out.getvalue()

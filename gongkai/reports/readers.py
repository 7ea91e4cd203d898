"""The text of a published annual report from a file: plain text, .docx, .pdf or a web page.

Tables come out one row per line with cells separated by `` | ``; a cell merged over several
columns is written once. The text then goes to ``gongkai.rules.annual_report_text``.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from typing import BinaryIO

from docx import Document as open_docx
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from pypdf import PdfReader

TEXT_SUFFIXES = {".txt", ".md", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".shtml"}


class UnreadableReport(ValueError):
    """The file is not a report we can read; the message says why, in Chinese."""


def report_text(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix == ".doc":
        raise UnreadableReport("不支持旧版 Word（.doc）文件，请另存为 .docx 后再检查。")
    if suffix in (".docx", ".pdf"):
        with path.open("rb") as handle:
            return docx_text(handle) if suffix == ".docx" else pdf_text(handle)
    text = decode(path.read_bytes())
    if suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and "<table" in text.lower()):
        return html_text(text)
    return text


def pdf_text(handle: BinaryIO) -> str:
    """The text layer of a PDF, page after page (a scanned report has none)."""
    try:
        reader = PdfReader(handle)
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
    except Exception as exc:  # pypdf raises many kinds for a damaged file
        raise UnreadableReport("无法读取该 PDF 文件，文件可能已损坏。") from exc
    if not text.strip():
        raise UnreadableReport("该 PDF 没有文字层（可能是扫描件），无法读取表格。")
    return text


def decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableReport("文件编码无法识别，请另存为 UTF-8 文本。")


def docx_text(handle: BinaryIO) -> str:
    try:
        document = open_docx(handle)
    except Exception as exc:  # python-docx raises several kinds for a damaged file
        raise UnreadableReport("无法打开该 Word 文件，文件可能已损坏或不是 .docx 格式。") from exc
    lines: list[str] = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            lines.append(Paragraph(child, document).text)
        elif child.tag == qn("w:tbl"):
            lines += table_lines(Table(child, document))
    return "\n".join(lines)


def table_lines(table: Table) -> list[str]:
    lines = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell is repeated once per grid column
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(cell.text.split()))
        lines.append("| " + " | ".join(cells) + " |")
    return lines


class _TableText(HTMLParser):
    _BLOCKS = frozenset({"p", "div", "br", "h1", "h2", "h3", "h4", "li", "section", "article"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.cells: list[str] | None = None
        self.cell: list[str] | None = None
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        elif tag == "tr":
            self._flush()
            self.cells = []
        elif tag in ("td", "th"):
            self.cell = []
        elif tag in self._BLOCKS and self.cell is None:
            self._flush()

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag in ("td", "th") and self.cell is not None and self.cells is not None:
            self.cells.append(" ".join("".join(self.cell).split()))
            self.cell = None
        elif tag == "tr" and self.cells is not None:
            self.lines.append("| " + " | ".join(self.cells) + " |")
            self.cells = None
        elif tag in self._BLOCKS and self.cell is None:
            self._flush()

    def handle_data(self, data):
        if self.skip:
            return
        if self.cell is not None:
            self.cell.append(data)
        elif self.cells is None:
            self.current.append(data)

    def _flush(self):
        text = " ".join("".join(self.current).split())
        if text:
            self.lines.append(text)
        self.current = []

    def text(self) -> str:
        self._flush()
        return "\n".join(self.lines)


def html_text(html: str) -> str:
    parser = _TableText()
    parser.feed(html)
    parser.close()
    return parser.text()

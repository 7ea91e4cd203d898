"""Text of uploaded files and masked copies of them, for the personal-information check.

Django-free (python-docx, openpyxl, pypdf), so a management command, a task or a test can
use it alike. Files are checked for size and zip bombs before any parser opens them.
"""

from __future__ import annotations

import re
import zipfile
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from html.parser import HTMLParser
from pathlib import Path

from docx import Document
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from openpyxl import load_workbook
from pypdf import PdfReader

from gongkai.rules.pii import KIND_LABELS, find_personal_info, find_personal_info_in_table
from gongkai.rules.pii_masking import DEFAULT_POLICY, MaskingPolicy, mask_text, mask_value

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
MAX_MEMBER_RATIO = 100
# Parts smaller than this cannot blow up memory whatever their ratio (tiny repetitive XML
# parts of ordinary files compress more than 100:1).
RATIO_CHECK_FROM = 1024 * 1024
SUPPORTED = (".txt", ".html", ".htm", ".docx", ".xlsx", ".pdf")


class UnsupportedFile(ValueError):
    """A file that is not read: wrong type, too large, unsafe or unreadable (message in 中文)."""


# --- safety ------------------------------------------------------------------------------------


def check_file(path: Path) -> str:
    """The lower-case suffix of a file that may be opened; raises UnsupportedFile otherwise."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise UnsupportedFile(
            f"不支持的文件类型：{suffix or '无扩展名'}（支持 txt、html、docx、xlsx、pdf）。"
        )
    if not path.is_file():
        raise UnsupportedFile(f"文件不存在：{path.name}。")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise UnsupportedFile(f"文件过大（{size / 1024 / 1024:.1f} MB），超过 20 MB 上限，未读取。")
    if suffix in (".docx", ".xlsx"):
        _check_zip(path)
    return suffix


def _check_zip(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise UnsupportedFile("文件已损坏或不是有效的 Office 文档。") from exc
    if sum(m.file_size for m in members) > MAX_UNZIPPED_BYTES:
        raise UnsupportedFile("文件解压后超过 200 MB，疑似压缩炸弹，已拒绝读取。")
    for m in members:
        ratio = m.file_size / max(m.compress_size, 1)
        if m.file_size >= RATIO_CHECK_FROM and ratio > MAX_MEMBER_RATIO:
            raise UnsupportedFile(f"文件中的 {m.filename} 压缩比异常，疑似压缩炸弹，已拒绝读取。")


# --- text extraction ---------------------------------------------------------------------------


def extract_text(path: Path) -> str:
    """Plain text of a file; table cells are separated by tabs and rows by newlines."""
    suffix = check_file(path)
    try:
        if suffix == ".txt":
            return _decode(path.read_bytes())
        if suffix in (".html", ".htm"):
            return html_to_text(_decode(path.read_bytes()))
        if suffix == ".docx":
            return _docx_text(path)
        if suffix == ".xlsx":
            return _xlsx_text(path)
        return _pdf_text(path)
    except UnsupportedFile:
        raise
    except Exception as exc:
        raise UnsupportedFile(f"文件无法解析（可能已损坏）：{path.name}。") from exc


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("gb18030", errors="replace")


_BLOCK_TAGS = (
    "p div br li ul ol table thead tbody tr h1 h2 h3 h4 h5 h6 section article header footer "
    "title dt dd blockquote pre"
)


class _HtmlText(HTMLParser):
    _BLOCKS = frozenset(_BLOCK_TAGS.split())
    _HIDDEN = frozenset({"script", "style", "noscript", "template"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0
        self.cells = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self._HIDDEN:
            self.hidden += 1
        elif tag in ("td", "th"):
            if self.cells:
                self.parts.append("\t")
            self.cells += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")
            if tag == "tr":
                self.cells = 0

    def handle_endtag(self, tag: str) -> None:
        if tag in self._HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in self._BLOCKS and tag != "tr":
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden and data.strip():
            self.parts.append(re.sub(r"\s+", " ", data))


def html_to_text(html: str) -> str:
    parser = _HtmlText()
    parser.feed(html)
    parser.close()
    lines = (
        "\t".join(c.strip() for c in line.split("\t")) for line in "".join(parser.parts).split("\n")
    )
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")


def _docx_text(path: Path) -> str:
    lines = []
    for block in Document(str(path)).iter_inner_content():
        if isinstance(block, Table):
            lines.extend("\t".join(_flat(c) for c in row) for row in _table_texts(block))
        else:
            lines.append(block.text)
    return "\n".join(lines)


def _xlsx_text(path: Path) -> str:
    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        sheets = []
        for sheet in workbook.worksheets:
            rows = sheet.iter_rows(values_only=True)
            lines = ("\t".join(_flat(_cell_text(v)) for v in row).rstrip("\t") for row in rows)
            sheets.append("\n".join(lines))
        return "\n\n".join(sheets)
    finally:
        workbook.close()


def _pdf_text(path: Path) -> str:
    reader = PdfReader(path)
    if reader.is_encrypted and not reader.decrypt(""):
        raise UnsupportedFile("PDF 文件已加密，无法读取。")
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def _flat(text: str) -> str:
    return text.replace("\t", " ").replace("\r", " ").replace("\n", " ")


# --- docx masking ------------------------------------------------------------------------------


def _table_texts(table: Table) -> list[list[str]]:
    return [
        ["\n".join(p.text for p in cell.paragraphs) for cell in row.cells] for row in table.rows
    ]


def _runs(paragraph: Paragraph) -> list[Run]:
    """Runs in reading order, including those inside hyperlinks."""
    runs = []
    for item in paragraph.iter_inner_content():
        runs.extend(item.runs if hasattr(item, "runs") else [item])
    return runs


def _mask_paragraph(paragraph: Paragraph, spans: Iterable[tuple[int, int, str]]) -> None:
    """Replace (start, end, replacement) spans of the paragraph text in its runs.

    A span inside one run is rewritten in place; a span over several runs is written into
    the first of them (keeping its formatting) and cut from the others.
    """
    runs = _runs(paragraph)
    texts = [r.text for r in runs]
    starts, pos = [], 0
    for t in texts:
        starts.append(pos)
        pos += len(t)
    for start, end, replacement in sorted(spans, reverse=True):
        first = _run_index(starts, texts, start)
        last = _run_index(starts, texts, end - 1)
        if first is None or last is None:
            continue
        a, b = start - starts[first], end - starts[last]
        if first == last:
            texts[first] = texts[first][:a] + replacement + texts[first][b:]
            continue
        texts[first] = texts[first][:a] + replacement
        for k in range(first + 1, last):
            texts[k] = ""
        texts[last] = texts[last][b:]
    for run, text in zip(runs, texts, strict=True):
        if run.text != text:
            run.text = text


def _run_index(starts: list[int], texts: list[str], pos: int) -> int | None:
    for i in range(len(starts) - 1, -1, -1):
        if starts[i] <= pos < starts[i] + len(texts[i]):
            return i
    return None


def _mask_paragraphs(paragraphs: list[Paragraph], policy: MaskingPolicy) -> int:
    """Detect over the paragraphs joined by newlines (so list headers give context)."""
    texts = ["".join(r.text for r in _runs(p)) for p in paragraphs]
    text = "\n".join(texts)
    per_paragraph: dict[int, list] = defaultdict(list)
    offsets, pos = [], 0
    for t in texts:
        offsets.append(pos)
        pos += len(t) + 1
    count = 0
    for f in find_personal_info(text):
        i = bisect_right(offsets, f.start) - 1
        if f.end <= offsets[i] + len(texts[i]):
            replacement = mask_value(f.kind, f.text, policy=policy)
            per_paragraph[i].append((f.start - offsets[i], f.end - offsets[i], replacement))
            count += 1
    for i, spans in per_paragraph.items():
        _mask_paragraph(paragraphs[i], spans)
    return count


def _mask_table(table: Table, policy: MaskingPolicy) -> int:
    """Mask a table with its header row as context; merged cells are masked once."""
    rows = [list(row.cells) for row in table.rows]
    findings = find_personal_info_in_table(_table_texts(table))
    by_cell: dict[int, tuple[object, list]] = {}
    for cf in findings:
        cell = rows[cf.row][cf.col]
        entry = by_cell.setdefault(id(cell._tc), (cell, []))
        if all((f.start, f.end) != (cf.finding.start, cf.finding.end) for f in entry[1]):
            entry[1].append(cf.finding)
    count = 0
    for cell, cell_findings in by_cell.values():
        lengths = [len("".join(r.text for r in _runs(p))) for p in cell.paragraphs]
        offset = 0
        for paragraph, length in zip(cell.paragraphs, lengths, strict=True):
            spans = [
                (f.start - offset, f.end - offset, mask_value(f.kind, f.text, policy=policy))
                for f in cell_findings
                if offset <= f.start and f.end <= offset + length
            ]
            _mask_paragraph(paragraph, spans)
            count += len(spans)
            offset += length + 1
    for row in table.rows:
        for cell in row.cells:
            for inner in cell.tables:
                count += _mask_table(inner, policy)
    return count


def mask_docx(src: Path, dst: Path, *, policy: MaskingPolicy = DEFAULT_POLICY) -> int:
    """Write a masked copy of a .docx (body, tables, headers and footers); return the count."""
    if check_file(src) != ".docx":
        raise UnsupportedFile("只能对 .docx 文件生成 Word 脱敏副本。")
    document = Document(str(src))
    count = _mask_paragraphs(list(document.paragraphs), policy)
    count += sum(_mask_table(t, policy) for t in document.tables)
    for section in document.sections:
        for part in (section.header, section.footer):
            if not part.is_linked_to_previous:
                count += _mask_paragraphs(list(part.paragraphs), policy)
                count += sum(_mask_table(t, policy) for t in part.tables)
    document.save(str(dst))
    return count


# --- xlsx masking ------------------------------------------------------------------------------


def mask_xlsx(src: Path, dst: Path, *, policy: MaskingPolicy = DEFAULT_POLICY) -> int:
    """Write a masked copy of a .xlsx, every sheet read as a table; return the count."""
    if check_file(src) != ".xlsx":
        raise UnsupportedFile("只能对 .xlsx 文件生成 Excel 脱敏副本。")
    workbook = load_workbook(src)
    count = 0
    for sheet in workbook.worksheets:
        cells = [list(row) for row in sheet.iter_rows()]
        texts = [[_masking_text(c.value) for c in row] for row in cells]
        grouped: dict[tuple[int, int], list] = defaultdict(list)
        for cf in find_personal_info_in_table(texts):
            grouped[(cf.row, cf.col)].append(cf.finding)
        for (r, c), findings in grouped.items():
            cells[r][c].value = mask_text(texts[r][c], findings, policy=policy)
            count += len(findings)
    workbook.save(dst)
    return count


def _masking_text(value: object) -> str:
    """Cell text to scan; formulas and dates are left alone."""
    if isinstance(value, str) and value.startswith("="):
        return ""
    if isinstance(value, datetime | date):
        return ""
    return _cell_text(value)


# --- scanning ------------------------------------------------------------------------------------


def _expand(paths: Iterable[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.suffix.lower() in SUPPORTED)
        else:
            yield path


def scan_paths(
    paths: Iterable[Path], *, policy: MaskingPolicy = DEFAULT_POLICY
) -> list[dict[str, object]]:
    """One dict per finding (file, kind, label, start, end, masked, confidence); offsets are in
    ``extract_text(file)``. A file that cannot be read gives one dict with ``error`` instead.
    Folders are scanned recursively for supported files."""
    out: list[dict[str, object]] = []
    for path in _expand(paths):
        try:
            text = extract_text(path)
        except UnsupportedFile as exc:
            out.append({"file": str(path), "error": str(exc)})
            continue
        for f in find_personal_info(text):
            out.append(
                {
                    "file": str(path),
                    "kind": f.kind,
                    "label": KIND_LABELS[f.kind],
                    "start": f.start,
                    "end": f.end,
                    "masked": mask_value(f.kind, f.text, policy=policy),
                    "confidence": f.confidence,
                }
            )
    return out

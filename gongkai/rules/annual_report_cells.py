"""Reading table cells out of text that was once a table.

Published annual reports reach us flattened in many ways: rows on one line separated by
spaces, ``|`` or tabs; one cell per line with blank lines for empty cells; labels wrapped over
two lines; full-width digits. Everything here works on text already passed through
``normalize`` and knows nothing of the report's meaning.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

_DROP = dict.fromkeys(map(ord, "“”‘’\"'「」『』\u200b\u200c\u200d\ufeff"), None)
_SEPARATORS = "|\t"
EMPTY_MARKS = frozenset({"-", "—", "–", "——", "--", "/", "无"})


def normalize(text: str) -> str:
    """NFKC (full-width digits and brackets to ASCII), quotes dropped, one kind of newline."""
    text = unicodedata.normalize("NFKC", text).translate(_DROP)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ")
    return re.sub(r"[ \u3000]+", " ", text)


def compact(text: str) -> str:
    """The text without spaces, separators or line breaks, for spotting words."""
    return re.sub(r"[\s|]+", "", text)


# A number standing alone: not part of a word, a numbering ("1.") or a date ("2024年").
_NUMBER = re.compile(
    r"(?<![0-9A-Za-z.,])[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![0-9A-Za-z.])(?!\s*[年月日号条款项%])"
    r"|(?<![^\s|])(?:-{1,2}|—{1,2}|–|/)(?![^\s|])"
)
_LABEL_CHARS = r"[\s|]*"
# Row numbering before a label: 1. / 1、 / (1) / (一) / 一、
PREFIX = r"(?:(?:\d{1,2}\s*[.、]|\(\s*\d{1,2}\s*\)|\(?\s*[一二三四五六七八九十]{1,2}\s*[)、.])\s*)"
# The rest of a label cell, up to the first number, separator or line break.
_TAIL = r"[^\d|\t\n\-—–/]*"


def label_pattern(core: str, *, numbered: bool = False) -> re.Pattern[str]:
    """A row label found by its distinctive ``core``, allowing breaks inside it."""
    body = _LABEL_CHARS.join(re.escape(ch) for ch in normalize(core))
    return re.compile(PREFIX + ("" if numbered else "?") + body + _TAIL)


def number_tokens(text: str) -> list[str]:
    return [m.group(0) for m in _NUMBER.finditer(text)]


def is_number(cell: str) -> bool:
    cell = cell.strip()
    return cell in EMPTY_MARKS or bool(
        re.fullmatch(r"[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?", cell)
    )


def to_value(cell: str) -> int | Decimal:
    """``"12"`` → 12, ``"12.5"`` → Decimal, empty or a dash → 0."""
    cell = cell.strip().lstrip("+").replace(",", "")
    if not cell or cell in EMPTY_MARKS:
        return 0
    if "." in cell:
        value = Decimal(cell)
        return int(value) if value == value.to_integral() else value
    return int(cell)


def read_cells(span: str, expected: int) -> tuple[list[str] | None, int]:
    """The ``expected`` cells that follow a row label, or None and how many numbers were seen.

    Tried in turn: the numbers alone (a row with no empty cells); the cells between ``|`` or
    tabs (an empty cell counts as 0); one cell per line, with or without blank paragraph lines.
    """
    tokens = number_tokens(span)
    if len(tokens) == expected:
        return tokens, len(tokens)
    for candidate in _separated(span):
        if len(candidate) == expected:
            return candidate, len(tokens)
    for candidate in (_by_line(span, paragraphs=True), _alternate(span), _by_line(span)):
        if len(candidate) == expected and any(candidate):
            return candidate, len(tokens)
    return None, len(tokens)


def _separated(span: str) -> list[list[str]]:
    """Cells between ``|`` or tabs: on the label's own line, else on the next line holding numbers.

    Blank cells at either end may be structure (a label spanning two columns, separators left at
    the end of the line) rather than zeros: variants drop them, leading ones first.
    """
    lines = span.split("\n")
    cells = _line_cells(lines[0], label_line=True) if _has_separator(lines[0]) else []
    if not cells:
        found = [line for line in lines[1:] if _has_separator(line) and number_tokens(line)]
        cells = _line_cells(found[0], label_line=False) if found else []
    if not cells:
        return []
    shape = "".join("x" if c else " " for c in cells)
    leading, trailing = len(shape) - len(shape.lstrip()), len(shape) - len(shape.rstrip())
    return [
        cells[i : len(cells) - j]
        for i in range(leading, -1, -1)
        for j in range(trailing + 1)
        if i + j <= len(cells)
    ]


def _line_cells(line: str, *, label_line: bool) -> list[str]:
    pieces = [p.strip() for p in re.split(r"[|\t]", line)]
    if label_line or not pieces[0] or not is_number(pieces[0]):
        pieces = pieces[1:]  # the rest of the label cell, or what stands before the first "|"
    if line.rstrip().endswith("|") and pieces:
        pieces = pieces[:-1]  # nothing after the closing "|"
    cells = [p for p in pieces if not p or is_number(p)]
    if not any(cells) and any(pieces):
        return []  # a line of text cells (a header), not a row of numbers
    return cells


def _has_separator(line: str) -> bool:
    return any(sep in line for sep in _SEPARATORS)


def _by_line(span: str, *, paragraphs: bool = False) -> list[str]:
    """One cell per line. With ``paragraphs``, a blank line after a filled cell is spacing."""
    items = [line.strip() for line in span.split("\n")][1:]
    cells: list[str] = []
    in_label, skip_blank = True, paragraphs
    for item in items:
        if item and not is_number(item):
            if not in_label:
                break
            skip_blank = paragraphs  # the wrapped end of the label, then its paragraph break
            continue
        if not item and skip_blank:
            skip_blank = False
            continue
        in_label = False
        cells.append(item)
        skip_blank = paragraphs and bool(item)
    while cells and not cells[-1]:
        cells.pop()
    return cells


def _alternate(span: str) -> list[str]:
    """One cell per paragraph, empty ones included: every other line is the spacing."""
    items = [line.strip() for line in span.split("\n")][1:]
    while items and items[0] and not is_number(items[0]):
        items = items[2:]  # the wrapped end of the label and its spacing
    cells: list[str] = []
    for item in items[1::2]:
        if item and not is_number(item):
            break
        cells.append(item)
    while cells and not cells[-1]:
        cells.pop()
    return cells

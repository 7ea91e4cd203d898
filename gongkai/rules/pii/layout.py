"""Lines, table rows and cells of a text: spans found without a Python loop where possible."""

from __future__ import annotations

import re
from functools import cache
from itertools import accumulate

_TOKEN_RE = re.compile(r"\S+")
_PLUS_ONE = (1).__add__
_MINUS_ONE = (-1).__add__


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _split(line: str, sep: str | None) -> list[tuple[int, int]]:
    """Cell spans within a table line (not stripped); ``sep`` None splits on whitespace runs."""
    if sep is None:
        return [m.span() for m in _TOKEN_RE.finditer(line)]
    parts = line.split(sep)
    ends = list(accumulate(map(_PLUS_ONE, map(len, parts))))
    spans = list(zip([0, *ends[:-1]], map(_MINUS_ONE, ends), strict=True))
    if sep == "|":
        if not parts[-1].strip():
            spans.pop()
        if spans and not parts[0].strip():
            spans.pop(0)
    return spans


# The rows of a table: the lines after its header that still have cells.
_ROWS_RE = {
    "\t": re.compile(r"(?:[^\n]*\t[^\n]*(?:\n|\Z))*"),
    "|": re.compile(r"(?:[^\n]*\|[^\n]*\|[^\n]*(?:\n|\Z))*"),
    None: re.compile(r"(?:[ \t\u3000]*\S+[ \t\u3000]+\S[^\n]*(?:\n|\Z))*"),
}


@cache
def _column_pattern(sep: str | None, col: int) -> re.Pattern[str]:
    """The ``col``-th cell of every row, found by the regex engine rather than a Python loop.

    Each match takes the rest of its row too, so the search resumes at the next line instead of
    trying ``^`` at every position of the cells after the one wanted.
    """
    if sep is None:
        return re.compile(rf"(?m)^[ \t\u3000]*(?:\S+[ \t\u3000]+){{{col}}}(\S+)[^\n]*")
    cell = rf"[^{re.escape(sep)}\n]*"
    return re.compile(rf"(?m)^(?:{cell}{re.escape(sep)}){{{col}}}({cell})[^\n]*")

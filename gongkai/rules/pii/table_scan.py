"""The state of one detection run, and the person tables (姓名 columns) found in its text."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from gongkai.rules.pii.findings import (
    _BY_SPAN,
    _START,
    _Hit,
)
from gongkai.rules.pii.headers import (
    _vertical_role,
    header_role,
)
from gongkai.rules.pii.layout import (
    _ROWS_RE,
    _column_pattern,
    _line_end,
    _split,
)
from gongkai.rules.pii.names import (
    _ethnic_name,
    name_confidence,
)
from gongkai.rules.pii.patterns import (
    _HEADER_HIT_RE,
    _NAME_TOKEN_RE,
    _SPACED_NAME_RE,
    _ascii_digits,
    _cut_fine,
)


@dataclass(frozen=True)
class _Table:
    """A table whose header names a person column; rows are text[start:end]."""

    start: int
    end: int
    sep: str | None  # "\t", "|", None for whitespace-aligned, "\n" for one cell per line
    roles: tuple[str | None, ...]
    lead: int = 0  # separators before the first cell ("| 1 | 张三 |")


class _TableScan:
    """A run over a text: its hits so far, and the person tables that give them context."""

    def __init__(self, text: str, *, tab_table: bool = False) -> None:
        self.source = text
        self.text = _ascii_digits(text)  # what is scanned; findings quote ``source``
        self.tab_table = tab_table
        self.found: list[_Hit] = []
        self.free: list[_Hit] = []  # hits outside person tables, set by _names
        self.deferred: list[tuple[_Hit, str | None]] = []
        self.tables: list[_Table] = []
        self.table_starts: list[int] = []
        self.header_hits: list[int] = []  # where 姓名/身份证…-like words start, set by _tables

    def _add(self, kind: str, start: int, end: int, confidence: float) -> None:
        self.found.append((kind, start, end, confidence))

    def _outside_tables(self) -> list[_Hit]:
        """Hits outside person tables, in text order; ``found`` is sorted in place on the way
        (stable, so the final resolution sees ties in the order they were found)."""
        hits = self.found
        hits.sort(key=_BY_SPAN)
        if not self.tables:
            return hits[:]
        out: list[_Hit] = []
        lo = 0
        for table in self.tables:
            first = bisect_left(hits, table.start, lo, key=_START)
            out += hits[lo:first]
            lo = bisect_left(hits, table.end, first, key=_START)
        out += hits[lo:]
        return out

    def _outside_table_spans(self) -> list[tuple[int, int]]:
        spans, pos = [], 0
        for table in self.tables:
            spans.append((pos, table.start))
            pos = table.end
        spans.append((pos, len(self.text)))
        return spans

    def _table_of(self, pos: int) -> _Table | None:
        i = bisect_right(self.table_starts, pos) - 1
        if i < 0:
            return None
        table = self.tables[i]
        return table if pos < table.end else None

    def _in_person_table(self, pos: int) -> bool:
        i = bisect_right(self.table_starts, pos) - 1
        return i >= 0 and pos < self.tables[i].end

    def _role_at(self, pos: int) -> str | None:
        """Role of the column (id/phone/address/bank/code/…) whose cell holds ``pos``."""
        i = bisect_right(self.table_starts, pos) - 1
        if i < 0:
            return None
        table = self.tables[i]
        if pos >= table.end:
            return None
        text, sep, roles = self.text, table.sep, table.roles
        if sep == "\n":
            col = text.count("\n", table.start, pos) % len(roles)
        else:
            before = text[text.rfind("\n", 0, pos) + 1 : pos]
            col = len(before.split()) if sep is None else before.count(sep) - table.lead
        role = roles[col] if 0 <= col < len(roles) else None
        return None if role == "name" or role == "other" else role

    # tables ----------------------------------------------------------------------------------

    def _tables(self) -> None:
        text, done = self.text, 0
        for m in _HEADER_HIT_RE.finditer(text):
            self.header_hits.append(m.start())
            if m.start() >= done:
                start = text.rfind("\n", 0, m.start()) + 1
                done = self._table_at(start, _line_end(text, m.end()))

    def _table_at(self, start: int, end: int) -> int:
        text = self.text
        line = text[start:end]
        sep = "\t" if self.tab_table or "\t" in line else "|" if line.count("|") >= 2 else None
        header = _split(line, sep)
        if len(header) < 2:
            return self._vertical_table(start, end)
        roles = tuple(header_role(line[s:e]) for s, e in header)
        if sum(r is None for r in roles) > 1 or "name" not in roles:
            return end
        rows_end = _ROWS_RE[sep].match(text, min(end + 1, len(text))).end()
        lead = int(sep == "|" and line.lstrip().startswith("|"))
        self._register(_Table(end + 1, rows_end, sep, roles, lead))
        return rows_end

    def _vertical_table(self, start: int, end: int) -> int:
        """HTML tables flattened to one cell per line: a block of header lines, then cells."""
        text = self.text
        while start > 1:
            prev = text.rfind("\n", 0, start - 1) + 1
            if _vertical_role(text[prev : start - 1]) is None:
                break
            start = prev
        header, pos = [], start
        while pos < len(text):
            line_end = _line_end(text, pos)
            role = _vertical_role(text[pos:line_end])
            if role is None:
                break
            header.append(role)
            pos = line_end + 1
        if len(header) < 3 or "name" not in header:
            return end
        rows_start = row_end = pos
        while pos < len(text):
            for _ in header:
                line_end = _line_end(text, pos)
                if pos >= len(text) or line_end == pos or line_end - pos > 60:
                    break
                pos = line_end + 1
            else:
                row_end = pos
                continue
            break
        self._register(_Table(rows_start, row_end, "\n", tuple(header)))
        return row_end

    def _register(self, table: _Table) -> None:
        """Record a table, then read its name and address columns."""
        if table.end <= table.start:
            return
        self.tables.append(table)
        self.table_starts.append(table.start)
        column = table.sep is not None
        for i, role in enumerate(table.roles):
            if role == "name":
                self._name_cells(self._column_cells(table, i), column=column)
            elif role == "address":
                self._address_cells(self._column_cells(table, i))

    def _column_cells(self, table: _Table, col: int) -> list[tuple[int, int]]:
        if table.sep == "\n":
            text, pos, width = self.text, table.start, len(table.roles)
            cells = []
            for i, line in enumerate(text[table.start : table.end].split("\n")):
                if i % width == col:
                    cells.append((pos, pos + len(line)))
                pos += len(line) + 1
            return cells
        pattern = _column_pattern(table.sep, col + table.lead)
        return [m.span(1) for m in pattern.finditer(self.text, table.start, table.end)]

    def _name_cells(self, cells: list[tuple[int, int]], *, column: bool) -> None:
        text, found = self.text, self.found
        for start, end in cells:
            start, end, cell = _trimmed(text, start, end)
            if not cell:
                continue
            if (len(cell) <= 4 and cell.isalpha()) or _SPACED_NAME_RE.fullmatch(cell):
                conf = name_confidence(cell, column=column)
                if conf:
                    found.append(("name", start, end, conf))
                continue
            for m in _NAME_TOKEN_RE.finditer(cell):
                token = m.group()
                conf = name_confidence(token, column=column) or _ethnic_name(token, column=column)
                if conf:
                    found.append(("name", start + m.start(), start + m.end(), conf))

    def _address_cells(self, cells: list[tuple[int, int]]) -> None:
        text, found = self.text, self.found
        for start, end in cells:
            start, end, cell = _trimmed(text, start, end)
            cut = _cut_fine(cell)
            if cut is not None:
                found.append(("address", start + cut, end, 0.9))


def _trimmed(text: str, start: int, end: int) -> tuple[int, int, str]:
    """A cell's span and text without the spaces around it."""
    cell = text[start:end]
    if cell[:1].isspace() or cell[-1:].isspace():
        start += len(cell) - len(cell.lstrip())
        cell = cell.strip()
        end = start + len(cell)
    return start, end, cell

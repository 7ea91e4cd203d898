"""The state of one detection run, and the person tables (姓名 columns) found in its text."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from gongkai.rules.pii.findings import (
    _BY_SPAN,
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
        self.text = text
        self.tab_table = tab_table
        self.found: list[_Hit] = []
        self.free: list[_Hit] = []  # hits outside person tables, set by _names
        self.deferred: list[tuple[_Hit, str | None]] = []
        self.tables: list[_Table] = []
        self.table_starts: list[int] = []

    def _add(self, kind: str, start: int, end: int, confidence: float) -> None:
        self.found.append(_Hit(kind, start, end, confidence))

    def _outside_tables(self) -> list[_Hit]:
        """Hits outside person tables, by one sweep over hits and tables in text order."""
        hits = sorted(self.found, key=_BY_SPAN)
        if not self.tables:
            return hits
        out, tables, t = [], self.tables, 0
        for hit in hits:
            while t < len(tables) and tables[t].end <= hit.start:
                t += 1
            if t == len(tables) or hit.start < tables[t].start:
                out.append(hit)
        return out

    def _table_of(self, pos: int) -> _Table | None:
        i = bisect_right(self.table_starts, pos) - 1
        return self.tables[i] if i >= 0 and pos < self.tables[i].end else None

    def _in_person_table(self, pos: int) -> bool:
        return self._table_of(pos) is not None

    def _role_at(self, pos: int) -> str | None:
        """Role of the column (id/phone/address/bank/code/…) whose cell holds ``pos``."""
        table = self._table_of(pos)
        if table is None:
            return None
        text = self.text
        if table.sep == "\n":
            col = text.count("\n", table.start, pos) % len(table.roles)
        else:
            before = text[text.rfind("\n", 0, pos) + 1 : pos]
            col = len(before.split()) if table.sep is None else before.count(table.sep) - table.lead
        role = table.roles[col] if 0 <= col < len(table.roles) else None
        return None if role in ("name", "other") else role

    # tables ----------------------------------------------------------------------------------

    def _tables(self) -> None:
        text, done = self.text, 0
        for m in _HEADER_HIT_RE.finditer(text):
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
            if role in ("name", "address"):
                for start, end in self._column_cells(table, i):
                    if role == "name":
                        self._name_cell(start, end, column=column)
                    else:
                        self._address_cell(start, end)

    def _column_cells(self, table: _Table, col: int) -> Iterator[tuple[int, int]]:
        if table.sep == "\n":
            text, pos, width = self.text, table.start, len(table.roles)
            for i, line in enumerate(text[table.start : table.end].split("\n")):
                if i % width == col:
                    yield pos, pos + len(line)
                pos += len(line) + 1
            return
        pattern = _column_pattern(table.sep, col + table.lead)
        for m in pattern.finditer(self.text, table.start, table.end):
            yield m.span(1)

    def _name_cell(self, start: int, end: int, *, column: bool) -> bool:
        cell = self.text[start:end]
        if cell[:1].isspace() or cell[-1:].isspace():
            start += len(cell) - len(cell.lstrip())
            cell = cell.strip()
            end = start + len(cell)
        if not cell:
            return False
        if (len(cell) <= 4 and cell.isalpha()) or _SPACED_NAME_RE.fullmatch(cell):
            conf = name_confidence(cell, column=column)
            if conf:
                self._add("name", start, end, conf)
            return bool(conf)
        named = False
        for m in _NAME_TOKEN_RE.finditer(cell):
            token = m.group()
            conf = name_confidence(token, column=column) or _ethnic_name(token, column=column)
            if conf:
                self._add("name", start + m.start(), start + m.end(), conf)
                named = True
        return named

    def _address_cell(self, start: int, end: int) -> None:
        cell = self.text[start:end]
        start += len(cell) - len(cell.lstrip())
        end = start + len(cell.strip())
        cut = _cut_fine(self.text[start:end])
        if cut is not None:
            self._add("address", start + cut, end, 0.9)

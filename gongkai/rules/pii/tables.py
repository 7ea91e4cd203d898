"""Personal information per cell of a table given as rows of values (Word, Excel)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from gongkai.rules.pii.findings import (
    CellFinding,
    Finding,
)
from gongkai.rules.pii.scan import (
    _Scan,
)


def find_personal_info_in_table(rows: Sequence[Sequence[object]]) -> list[CellFinding]:
    """Findings per cell of a table whose header row guides detection (姓名, 身份证号 …).

    Cells are joined with tabs and newlines and scanned as one text, so the header of each
    column gives its cells their context; offsets come back relative to each cell.
    """
    clean = [[_flat(c) for c in row] for row in rows]
    starts: list[int] = []
    where: list[tuple[int, int, int]] = []
    pos = 0
    for r, row in enumerate(clean):
        for c, cell in enumerate(row):
            starts.append(pos)
            where.append((r, c, len(cell)))
            pos += len(cell) + 1
        if not row:
            pos += 1
    text = "\n".join("\t".join(row) for row in clean)
    out = []
    for f in _Scan(text, tab_table=True).run():
        i = bisect_right(starts, f.start) - 1
        r, c, size = where[i]
        offset = starts[i]
        if f.end <= offset + size:
            local = Finding(f.kind, f.start - offset, f.end - offset, f.text, f.confidence)
            out.append(CellFinding(r, c, local))
    return out


def _flat(cell: object) -> str:
    text = "" if cell is None else str(cell)
    return text.replace("\t", " ").replace("\r", " ").replace("\n", " ")

"""What parsing a 标准目录 sheet yields: rows read, merged or rejected, and catalog elements."""

from __future__ import annotations

from dataclasses import dataclass, field

from gongkai.rules.catalog_table.labels import (
    AUDIENCES,
    MODES,
)


class CatalogTableError(ValueError):
    """A sheet holds no recognizable catalog header; ``message`` is for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class ParsedRow:
    sheet: str
    row_number: int
    status: str  # "read" | "merged" | "rejected"
    reason: str
    element: dict | None


@dataclass
class ParsedTable:
    sheet: str
    header_rows: int
    # role -> 0-based column; sub-columns are "audience:全社会", "channels:政府网站"…
    columns: dict[str, int]
    rows: list[ParsedRow] = field(default_factory=list)

    @property
    def elements(self) -> list[dict]:
        return [row.element for row in self.rows if row.status == "read" and row.element]


def to_element(record: dict) -> dict:
    """The element keys of a catalog record (e.g. a JSON guideline item), with contract defaults."""
    return {
        "level1": record.get("level1") or "",
        "level2": record.get("level2") or "",
        "level3": record.get("level3") or "",
        "content": record.get("content") or "",
        "basis": list(record.get("basis") or []),
        "time_limit": record.get("time_limit") or "",
        "time_limit_working_days": record.get("time_limit_working_days"),
        "subject": record.get("subject") or "",
        "channels": list(record.get("channels") or []),
        "audience": record.get("audience") or AUDIENCES[0],
        "mode": record.get("mode") or MODES[0],
        "levels": list(record.get("levels") or []),
        "note": record.get("note") or "",
    }

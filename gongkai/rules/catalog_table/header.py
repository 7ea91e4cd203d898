"""Finding the 标准目录 header rows of a grid and the role of each column."""

from __future__ import annotations

from gongkai.rules.catalog_table.labels import (
    _CHANNEL_NAMES,
    _GROUPS,
    _HEADERS,
    _MAIN_ROLES,
    _NAME_ROLES,
    OTHER_CHANNEL,
    _norm,
    _without_paren,
)


def _header_role(label: str, parent: str | None) -> str | None:
    key = _norm(label)
    if not key:
        return None
    if parent in _GROUPS:
        names = _GROUPS[parent]
        value = names.get(key) or names.get(_without_paren(key))
        if value:
            return f"{parent}:{value}"
        if parent == "channels" and key not in _HEADERS:
            return f"channels:{label.strip()}"
    role = _HEADERS.get(key) or _HEADERS.get(_without_paren(key))
    if role:
        return role
    for group in ("audience", "mode", "levels"):
        if key in _GROUPS[group]:
            return f"{group}:{_GROUPS[group][key]}"
    channel = _CHANNEL_NAMES.get(key)
    return f"channels:{channel}" if channel and channel != OTHER_CHANNEL else None


_HEADER_SCAN_ROWS = 30
_MAX_HEADER_ROWS = 3


def _cell(grid: list[list[str]], r: int, c: int) -> str:
    row = grid[r]
    return (row[c] or "") if c < len(row) else ""


def _find_header(grid: list[list[str]]) -> int | None:
    for r, row in enumerate(grid[:_HEADER_SCAN_ROWS]):
        roles = {_header_role(value or "", None) for value in row} & _MAIN_ROLES
        if len(roles) >= 3 and roles & {"content", *_NAME_ROLES}:
            return r
    return None


def _header_layout(grid: list[list[str]], top: int) -> tuple[int, dict[int, str]]:
    """Number of header rows and the role of each column."""
    width = max(len(row) for row in grid[top : top + _MAX_HEADER_ROWS])
    top_roles = [_header_role(_cell(grid, top, c), None) for c in range(width)]
    groups: list[str | None] = []
    left: str | None = None
    for c, role in enumerate(top_roles):
        if role is not None or _cell(grid, top, c).strip():
            left = role
        # An unmerged group header leaves the cells on its right empty.
        groups.append(role if role is not None else left)
    count = 1
    while count < _MAX_HEADER_ROWS and top + count < len(grid):
        labels = [(c, _cell(grid, top + count, c)) for c in range(width)]
        labels = [(c, label) for c, label in labels if label.strip()]
        if not labels or not all(_header_role(label, groups[c]) for c, label in labels):
            break
        count += 1
    roles: dict[int, str] = {}
    for c in range(width):
        role = top_roles[c]
        for k in range(1, count):
            sub = _cell(grid, top + k, c)
            if sub.strip() and _norm(sub) != _norm(_cell(grid, top + k - 1, c)):
                role = _header_role(sub, groups[c]) or role
        if role:
            roles[c] = role
    return count, roles


def _is_header_like(texts: list[str]) -> bool:
    labels = [text for text in texts if text]
    return len(labels) >= 2 and all(
        _header_role(text, None) or _norm(text) == OTHER_CHANNEL for text in labels
    )

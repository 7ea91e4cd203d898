"""Reading the rows under a 标准目录 header into elements: 同上, continuation rows, rejections."""

from __future__ import annotations

from dataclasses import dataclass, field

from gongkai.rules.catalog_table.cells import (
    _NOTE_ROW_RE,
    _choose,
    _is_same_as_above,
    _is_ticked,
    _join_lines,
    _labels_in,
    _snippet,
    parse_channels,
    parse_time_limit_days,
    split_basis,
)
from gongkai.rules.catalog_table.header import (
    _cell,
    _find_header,
    _header_layout,
    _is_header_like,
)
from gongkai.rules.catalog_table.labels import (
    _GROUPS,
    _NAME_ROLES,
    AUDIENCES,
    CHANNELS,
    LEVELS,
    MODES,
)
from gongkai.rules.catalog_table.results import (
    CatalogTableError,
    ParsedRow,
    ParsedTable,
)


@dataclass
class _Reader:
    sheet: str
    columns: dict[str, int]
    filled: set[tuple[int, int]]
    current: ParsedRow | None = None
    previous: dict[int, str] = field(default_factory=dict)
    level1: str = ""

    def row(self, grid: list[list[str]], r: int) -> ParsedRow | None:
        n = r + 1
        texts = [(value or "").strip() for value in grid[r]]
        values = [text for text in texts if text]
        if not values:
            return None
        names = {self.columns[k] for k in ("seq", *_NAME_ROLES) if k in self.columns}
        if _NOTE_ROW_RE.match(values[0]) and all(
            texts[c] in ("", values[0]) for c in names if c < len(texts)
        ):
            return self._reject(n, f"第{n}行是表格注释，不是公开事项：{_snippet(values[0])}")
        if len(set(values)) == 1 and len(values) >= 3:
            return self._reject(
                n, f"第{n}行是跨列的标题或说明（{_snippet(values[0])}），不是公开事项"
            )
        if _is_header_like(texts):
            return self._reject(n, f"第{n}行是重复的表头，已跳过")
        cell = {c: texts[c] if c < len(texts) else "" for c in self.columns.values()}
        own = {c for c, text in cell.items() if text and (r, c) not in self.filled}
        body = {self.columns[k] for k in ("content", "basis", "note") if k in self.columns}
        if self.current is not None and not own - body:
            return self._merge(n, {c: _cell(grid, r, c) for c in own})
        resolved = {
            c: self.previous.get(c, "") if _is_same_as_above(text) else _cell(grid, r, c)
            for c, text in cell.items()
        }
        return self._item(n, resolved)

    def _value(self, resolved: dict[int, str], role: str) -> str:
        return resolved[self.columns[role]] if role in self.columns else ""

    def _reject(self, n: int, reason: str) -> ParsedRow:
        return ParsedRow(self.sheet, n, "rejected", reason, None)

    def _merge(self, n: int, own: dict[int, str]) -> ParsedRow:
        assert self.current is not None
        assert self.current.element is not None
        element = self.current.element
        for c, text in own.items():
            if _is_same_as_above(text):
                continue
            self.previous[c] = f"{self.previous.get(c, '')}\n{text}"
            if c == self.columns.get("content"):
                element["content"] = _join_lines(f"{element['content']}\n{text}", "；")
            elif c == self.columns.get("basis"):
                element["basis"] += [b for b in split_basis(text) if b not in element["basis"]]
            else:
                element["note"] = _join_lines(f"{element['note']}\n{text}", "；")
        m = self.current.row_number
        name = element["level3"] or element["level2"] or element["level1"]
        return ParsedRow(
            self.sheet, n, "merged", f"第{n}行是续行，已并入第{m}行的事项“{name}”", None
        )

    def _item(self, n: int, resolved: dict[int, str]) -> ParsedRow:
        level1, level2, level3 = (
            _join_lines(self._value(resolved, k), "") for k in ("level1", "level2", "level3")
        )
        content = _join_lines(self._value(resolved, "content"), "；")
        basis = split_basis(self._value(resolved, "basis"))
        if not (level1 or level2 or level3 or content):
            return self._reject(n, f"第{n}行缺少公开事项和公开内容，无法识别为事项")
        if level1 and not (level2 or level3 or content or basis) and "level2" in self.columns:
            self.level1 = level1
            return self._reject(
                n, f"第{n}行只有一级事项“{level1}”，已作为下方事项的一级事项，本行不是事项"
            )
        if level1:
            self.level1 = level1
        elif "level1" in self.columns:
            level1 = self.level1
        notes = [_join_lines(self._value(resolved, "note"), "；")]
        problems: list[str] = []
        channels, unknown_channels = self._channels(resolved)
        if unknown_channels:
            notes.append("其他渠道：" + "、".join(unknown_channels))
        audience, other_audience, has_audience = self._group(resolved, "audience")
        if other_audience:
            notes.append("公开对象：" + "、".join(other_audience))
        audience = audience or (["特定群体"] if other_audience else [])
        mode, other_mode, has_mode = self._group(resolved, "mode")
        levels, other_levels, _ = self._group(resolved, "levels")
        if other_levels:
            notes.append("公开层级：" + "、".join(other_levels))
        if has_audience and not audience:
            problems.append("公开对象未勾选或无法识别")
        if has_mode and not mode:
            detail = "、".join(other_mode)
            problems.append("公开方式未勾选或无法识别" + (f"（{detail}）" if detail else ""))
        if problems:
            return self._reject(n, f"第{n}行" + "；".join(problems))
        time_limit = _join_lines(self._value(resolved, "time_limit"), "")
        element = {
            "level1": level1,
            "level2": level2,
            "level3": level3,
            "content": content,
            "basis": basis,
            "time_limit": time_limit,
            "time_limit_working_days": parse_time_limit_days(time_limit),
            "subject": _join_lines(self._value(resolved, "subject"), "、"),
            "channels": channels,
            # A row ticking both keeps the wider value: 全社会 over 特定群体, 主动 over 依申请.
            "audience": next((a for a in AUDIENCES if a in audience), AUDIENCES[0]),
            "mode": next((m for m in MODES if m in mode), MODES[0]),
            "levels": [level for level in LEVELS if level in levels],
            "note": "；".join(note for note in notes if note),
        }
        self.current = ParsedRow(self.sheet, n, "read", "", element)
        self.previous = resolved
        return self.current

    def _ticked_labels(self, resolved: dict[int, str], group: str) -> tuple[list[str], bool]:
        labels: list[str] = []
        present = group in self.columns
        if present:
            labels += _labels_in(self._value(resolved, group))
        for role, c in self.columns.items():
            if role.startswith(f"{group}:"):
                present = True
                if _is_ticked(resolved[c]):
                    labels.append(role.partition(":")[2])
        return labels, present

    def _group(self, resolved: dict[int, str], group: str) -> tuple[list[str], list[str], bool]:
        labels, present = self._ticked_labels(resolved, group)
        known, unknown = _choose(labels, _GROUPS[group])
        return known, unknown, present

    def _channels(self, resolved: dict[int, str]) -> tuple[list[str], list[str]]:
        labels, _ = self._ticked_labels(resolved, "channels")
        found: list[str] = []
        unknown: list[str] = []
        for label in labels:
            channels, details = parse_channels(f"■{label}")
            found += channels
            unknown += [detail for detail in details if detail not in unknown]
        return [c for c in CHANNELS if c in found], unknown


def parse_catalog_grid(
    grid: list[list[str]], *, sheet: str, filled: set[tuple[int, int]] | None = None
) -> ParsedTable:
    """Parse one sheet. ``filled`` holds the (row, column) cells, 0-based, copied from a merge."""
    top = _find_header(grid)
    if top is None:
        raise CatalogTableError(
            f"工作表“{sheet}”中没有找到标准目录的表头（应有“公开事项”“公开内容”“公开依据”"
            "“公开时限”等列）"
        )
    count, roles = _header_layout(grid, top)
    columns: dict[str, int] = {}
    for c, role in roles.items():
        columns.setdefault(role, c)
    if "item" in columns and not {"level1", "level2", "level3"} & columns.keys():
        columns["level1"] = columns.pop("item")
    reader = _Reader(sheet=sheet, columns=columns, filled=filled or set())
    table = ParsedTable(sheet=sheet, header_rows=count, columns=columns)
    for r in range(top + count, len(grid)):
        parsed = reader.row(grid, r)
        if parsed is not None:
            table.rows.append(parsed)
    return table

"""Read a 政务公开事项标准目录 table, given as a grid of cell strings, into catalog elements.

The layout is the 标准目录 table of the 26 pilot-domain guidelines (e.g. 民办函〔2019〕52号):
公开事项 (一级/二级事项), 公开内容(要素), 公开依据, 公开时限, 公开主体, 公开渠道和载体, 公开对象,
公开方式, 公开层级. County sites publish it with merged cells, ■/□ marks, Wingdings artefacts
(R, £), 同上, title rows and footnotes; this module reads those variants. The caller fills merged
ranges with their top-left value and passes the set of cells it filled that way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# The 公开渠道和载体 checklist of the guidelines' 标准目录 (e.g. 民办函〔2019〕52号), in its order.
CHANNELS: tuple[str, ...] = (
    "政府网站",
    "政府公报",
    "两微一端",
    "发布会/听证会",
    "广播电视",
    "纸质媒体",
    "公开查阅点",
    "政务服务中心",
    "便民服务站",
    "入户/现场",
    "社区/企事业单位/村公示栏(电子屏)",
    "精准推送",
    "其他",
)
OTHER_CHANNEL = "其他"
AUDIENCES: tuple[str, ...] = ("全社会", "特定群体")
MODES: tuple[str, ...] = ("主动", "依申请")
LEVELS: tuple[str, ...] = ("县级", "乡级", "村级")
ELEMENT_KEYS: tuple[str, ...] = (
    "level1",
    "level2",
    "level3",
    "content",
    "basis",
    "time_limit",
    "time_limit_working_days",
    "subject",
    "channels",
    "audience",
    "mode",
    "levels",
    "note",
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


# --- cell vocabulary -------------------------------------------------------------------------

_WIDE = str.maketrans({"（": "(", "）": ")", "／": "/", "：": ":"})
_SPACE_RE = re.compile(r"\s+")


def _norm(text: str) -> str:
    return _SPACE_RE.sub("", text).translate(_WIDE).rstrip(":")


def _without_paren(key: str) -> str:
    return re.sub(r"\([^()]*\)$", "", key)


def _vocabulary(table: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {_norm(name): value for value, names in table.items() for name in (value, *names)}


_HEADERS = _vocabulary(
    {
        "seq": ("序号", "编号"),
        "item": ("公开事项", "事项", "事项名称", "公开事项名称"),
        "level1": ("一级事项", "一级", "一级事项名称"),
        "level2": ("二级事项", "二级", "二级事项名称"),
        "level3": ("三级事项", "三级", "三级事项名称"),
        "content": ("公开内容(要素)", "公开内容", "公开内容要素", "事项内容", "公开要素"),
        "basis": ("公开依据", "依据"),
        "time_limit": ("公开时限", "时限"),
        "subject": ("公开主体", "责任主体", "公开责任主体"),
        "channels": ("公开渠道和载体", "公开渠道及载体", "公开渠道", "公开载体", "渠道和载体"),
        "audience": ("公开对象",),
        "mode": ("公开方式",),
        "levels": ("公开层级", "层级"),
        "note": ("备注",),
    }
)
_AUDIENCE_NAMES = _vocabulary({"全社会": ("社会公众",), "特定群体": ("特定群众", "特定对象")})
_MODE_NAMES = _vocabulary({"主动": ("主动公开",), "依申请": ("依申请公开",)})
_LEVEL_NAMES = _vocabulary(
    {
        "县级": ("县", "县(市、区)级", "县(市、区)", "县(区)级", "县(市)级", "县区级", "区级"),
        "乡级": (
            "乡",
            "乡镇(街道)级",
            "乡(镇)级",
            "乡镇级",
            "乡镇",
            "乡镇(街道)",
            "镇级",
            "街道级",
        ),
        "村级": ("村", "村(社区)级", "村(居)级", "村(社区)", "社区级"),
    }
)
_CHANNEL_NAMES = _vocabulary(
    {
        "政府网站": ("政府门户网站",),
        "发布会/听证会": ("发布会听证会", "新闻发布会/听证会"),
        "入户/现场": ("入户现场",),
        "社区/企事业单位/村公示栏(电子屏)": ("社区/企事业单位/村公示栏",),
    }
    | dict.fromkeys(CHANNELS, ())
)
_GROUPS = {
    "audience": _AUDIENCE_NAMES,
    "mode": _MODE_NAMES,
    "levels": _LEVEL_NAMES,
    "channels": _CHANNEL_NAMES,
}
_MAIN_ROLES = frozenset(_HEADERS.values()) - {"seq", "note"}
_NAME_ROLES = ("item", "level1", "level2", "level3")

_TICK_MARKS = "■☑√✓✔●þ"
_EMPTY_MARKS = "□☐£○"
# R and £ are Wingdings 2 boxes (ticked / empty) that lost their font when copied.
_MARK_RE = re.compile(rf"([{_TICK_MARKS}{_EMPTY_MARKS}]|(?<![A-Za-z])R(?=[\u4e00-\u9fff]))")
_UNTICKED_TEXT = frozenset({"否", "无", "×", "✗", "✘", "/", "-", "—", "0", "不适用"})
_SAME_AS_ABOVE = frozenset({"同上", "同上。", "同上栏", "同前"})
_NOTE_ROW_RE = re.compile(r"^(注明?|说明|备注|附注|填表说明)\s*([:：]|\d|[一二三四五]、|$)")
_END_PUNCT = "；;。，,、：:！？"
_LIST_SPLIT_RE = re.compile(r"[、，,；;\n]+|\s+")


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


def _is_same_as_above(text: str) -> bool:
    return text[:1] == "同" and _norm(text) in _SAME_AS_ABOVE


def _is_ticked(text: str) -> bool:
    mark = text.strip()
    return bool(mark) and mark not in _UNTICKED_TEXT and mark[0] not in _EMPTY_MARKS


def _labels_in(text: str) -> list[str]:
    """Labels ticked in a cell: the ■ ones when it carries marks, else every listed label."""
    parts = _MARK_RE.split(text)
    if len(parts) == 1:
        text = re.sub(r"\s+(?=[(（])", "", text)
        return [part for part in _LIST_SPLIT_RE.split(text) if part]
    labels = []
    for mark, label in zip(parts[1::2], parts[2::2], strict=True):
        label = label.strip(" \t\n\u3000、，,；;")
        if label and mark not in _EMPTY_MARKS:
            labels.append(label)
    return labels


def _channel_of(label: str) -> tuple[str, str]:
    """(standard channel, detail kept for the note) for one ticked channel label."""
    key = _norm(label)
    if key in _CHANNEL_NAMES:
        return _CHANNEL_NAMES[key], ""
    other = re.match(r"^其他[(:](.+?)\)?$", key)
    if other:
        return OTHER_CHANNEL, other.group(1)
    if _without_paren(key) in _CHANNEL_NAMES:
        return _CHANNEL_NAMES[_without_paren(key)], ""
    return OTHER_CHANNEL, label.strip()


def parse_channels(text: str) -> tuple[list[str], list[str]]:
    """Standard channels ticked in one cell, in template order, and the unknown labels."""
    found: set[str] = set()
    unknown: list[str] = []
    for label in _labels_in(text):
        parts = [label]
        if "/" in label and _norm(label) not in _CHANNEL_NAMES:
            pieces = label.split("/")
            if all(_norm(piece) in _CHANNEL_NAMES for piece in pieces):
                parts = pieces
        for part in parts:
            channel, detail = _channel_of(part)
            found.add(channel)
            if detail:
                unknown.append(detail)
    return [c for c in CHANNELS if c in found], unknown


_CN_DIGITS = dict(zip("零一二两三四五六七八九", (0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9), strict=True))
_WORKDAYS_RE = re.compile(r"(\d+|[一二两三四五六七八九十]+)\s*个?\s*工作日")


def _number(text: str) -> int:
    if text.isdigit():
        return int(text)
    tens, ten, ones = text.partition("十")
    if not ten:
        return _CN_DIGITS[text] if len(text) == 1 else 0
    return _CN_DIGITS.get(tens, 1) * 10 + _CN_DIGITS.get(ones, 0)


def parse_time_limit_days(text: str) -> int | None:
    """Working days of a 公开时限; None for 及时/实时/长期 or calendar-day limits."""
    # 《政府信息公开条例》第二十六条: 主动公开 within 20 working days of forming or changing the
    # information; catalogs write this and other limits as free text, the first "N个工作日" rules.
    match = _WORKDAYS_RE.search(text or "")
    if match is None:
        return None
    return _number(match.group(1)) or None


def split_basis(text: str) -> list[str]:
    """公开依据 entries: one per line, and one per 《》 title within a line."""
    entries: list[str] = []
    for line in text.split("\n"):
        line = re.sub(r"^\s*(\d+[.、．)）]|[（(]\d+[)）]|[①-⑳])\s*", "", line)
        for entry in _split_titles(line):
            entry = re.sub(r"(?:[\s、，,；;。]|以及|和|及|与)+$", "", entry.strip())
            if entry and entry not in entries:
                entries.append(entry)
    return entries


def _split_titles(line: str) -> list[str]:
    parts, current, depth = [], "", 0
    for char in line:
        if char == "《" and depth == 0 and "》" in current:
            parts.append(current)
            current = ""
        if char in "(（":
            depth += 1
        elif char in ")）" and depth:
            depth -= 1
        if char in "；;" and depth == 0:
            parts.append(current)
            current = ""
            continue
        current += char
    return [*parts, current]


def _join_lines(text: str, sep: str) -> str:
    joined = ""
    for line in (ln.strip() for ln in text.split("\n")):
        if not line:
            continue
        if joined and sep and joined[-1] not in _END_PUNCT and line[0] not in _END_PUNCT:
            joined += sep
        joined += line
    return joined


def _snippet(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 30 else text[:30] + "…"


# --- the table -------------------------------------------------------------------------------

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


def _choose(labels: list[str], names: dict[str, str]) -> tuple[list[str], list[str]]:
    """Standard values named by ticked labels, and the labels that name none."""
    known: list[str] = []
    unknown: list[str] = []
    for label in labels:
        key = _norm(label)
        values = [names.get(key) or names.get(_without_paren(key))]
        if not values[0] and "/" in key:
            values = [names.get(piece) for piece in key.split("/")]
        if not all(values):
            values = [value for value in dict.fromkeys(names.values()) if value in key]
        known.extend(value for value in values if value)
        if not any(values):
            unknown.append(label.strip())
    return known, unknown


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

"""Read a 任务分工 table (工作任务分工和进度安排) into tasks: deadlines and responsible units.

The shape is that of the attachments to the provincial and municipal implementation plans of
国办发〔2019〕54号: 序号, 工作任务, 具体事项, 主管责任单位, 主体责任单位, 指导责任单位, 完成时间,
with the 序号 and 工作任务 cells merged over the rows of their group and the header repeated on
every printed page. Deadlines are written as prose (2020年8月底前, 〔2021年12月底前完成〕,
持续推进) and units as free text (各县(市、区)和乡镇政府(街道办), 市直各有关部门、市营商局);
this module reads both without knowing any organization: matching units to bodies is the caller's.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class TaskTableError(ValueError):
    """A sheet holds no recognizable 任务分工 header; ``message`` is for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# --- deadlines -------------------------------------------------------------------------------


class DeadlineKind(StrEnum):
    DATE = "date"
    ONGOING = "ongoing"  # 持续推进、长期坚持: no date, never overdue
    MISSING = "missing"  # the cell is empty
    UNREADABLE = "unreadable"


@dataclass(frozen=True)
class Deadline:
    text: str
    kind: DeadlineKind
    day: date | None = None
    note: str = ""  # how an ambiguous phrase was read, for the preview
    problem: str = ""  # why it could not be read (UNREADABLE only)

    @property
    def label(self) -> str:
        if self.kind == DeadlineKind.DATE and self.day:
            return f"{self.day.year}年{self.day.month}月{self.day.day}日"
        if self.kind == DeadlineKind.ONGOING:
            return "持续推进（无完成时间）"
        if self.kind == DeadlineKind.MISSING:
            return "未填写"
        return "无法识别"


_CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4}
_CN_DIGITS |= {"五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_NUMBER_RE = re.compile(r"[〇零一二两三四五六七八九十]+")
_ONGOING_RE = re.compile(
    r"持续|长期|常态|经常性|定期|随时|适时|及时|逐步|每年|每季|每月|年度内|按要求|按规定|根据"
)
_BRACKETS = str.maketrans({"〔": "(", "〕": ")", "【": "(", "】": ")", "［": "(", "］": ")"})
_Y = r"(?P<y>\d{4})\s*"
_DAY_RE = re.compile(_Y + r"[年./-]\s*(?P<m>\d{1,2})\s*[月./-]\s*(?P<d>\d{1,2})(?!\d)\s*[日号]?")
_MONTH_END_RE = re.compile(_Y + r"年\s*(?P<m>\d{1,2})\s*月?\s*(?:份)?\s*(?:底|末)")
_MONTH_PART_RE = re.compile(_Y + r"年\s*(?P<m>\d{1,2})\s*月\s*(?P<part>上旬|中旬|下旬)")
_MONTH_BEFORE_RE = re.compile(_Y + r"年\s*(?P<m>\d{1,2})\s*月\s*(?:份)?\s*(?:以前|之前|前)")
_MONTH_RE = re.compile(_Y + r"(?:年\s*|[./-])(?P<m>\d{1,2})(?!\d)\s*(?:月(?!\s*\d))?(?![./-]?\d)")
_HALF_RE = re.compile(_Y + r"年\s*(?P<half>上半年|年中|下半年|年底|年末|底|末)")
_QUARTER_RE = re.compile(_Y + r"年\s*(?:第)?\s*(?P<q>[1-4一二三四])\s*季度")
_YEAR_BEFORE_RE = re.compile(_Y + r"年\s*(?:以前|之前|前)")
_YEAR_RE = re.compile(_Y + r"年(?!\s*\d)")


def _normalize(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").translate(_BRACKETS)
    return re.sub(r"\s+", " ", text).strip()


def _normalize_cell(text: str) -> str:
    """Like ``_normalize`` but keeps line breaks, which separate units in a cell."""
    lines = [_normalize(line) for line in (text or "").splitlines()]
    return "\n".join(line for line in lines if line)


def _arabic(text: str) -> str:
    """Chinese numerals in dates (二〇二一年十二月) as digits."""

    def convert(match: re.Match) -> str:
        chars = match.group(0)
        if "十" not in chars:
            return "".join(str(_CN_DIGITS[c]) for c in chars)
        tens, _, ones = chars.partition("十")
        value = (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0))
        return str(value)

    return _CN_NUMBER_RE.sub(convert, text)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


class _BadDate(ValueError):
    pass


def _checked(year: int, month: int, day: int | None = None) -> date:
    if not 1 <= month <= 12:
        raise _BadDate(f"月份“{month}”不在1–12之间")
    if day is None:
        return _month_end(year, month)
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise _BadDate(f"{year}年{month}月没有{day}日") from exc


def _candidates(text: str) -> list[tuple[int, date, str]]:
    """Every date phrase in ``text`` as (position, last day, note about how it was read)."""
    found: list[tuple[int, date, str]] = []
    taken: list[tuple[int, int]] = []

    def free(match: re.Match) -> bool:
        start, end = match.span()
        return all(end <= a or start >= b for a, b in taken)

    def add(match: re.Match, day: date, note: str = "") -> None:
        taken.append(match.span())
        found.append((match.start(), day, note))

    for m in _DAY_RE.finditer(text):
        add(m, _checked(int(m["y"]), int(m["m"]), int(m["d"])))
    for m in _MONTH_PART_RE.finditer(text):
        if free(m):
            year, month = int(m["y"]), int(m["m"])
            end = {"上旬": 10, "中旬": 20}.get(m["part"])
            add(m, _checked(year, month, end) if end else _checked(year, month))
    for m in _MONTH_END_RE.finditer(text):
        if free(m):
            add(m, _checked(int(m["y"]), int(m["m"])))
    for m in _MONTH_BEFORE_RE.finditer(text):
        if free(m):
            year, month = int(m["y"]), int(m["m"])
            _checked(year, month)
            day = _month_end(year - 1, 12) if month == 1 else _month_end(year, month - 1)
            note = f"“{m.group(0).strip()}”按{month}月1日之前理解，即{day.month}月{day.day}日前"
            add(m, day, note)
    for m in _QUARTER_RE.finditer(text):
        if free(m):
            quarter = int(m["q"]) if m["q"].isdigit() else _CN_DIGITS[m["q"]]
            add(m, _month_end(int(m["y"]), quarter * 3))
    for m in _HALF_RE.finditer(text):
        if free(m):
            month = 6 if m["half"] in {"上半年", "年中"} else 12
            add(m, _month_end(int(m["y"]), month))
    for m in _MONTH_RE.finditer(text):
        if free(m):
            add(m, _checked(int(m["y"]), int(m["m"])))
    for m in _YEAR_BEFORE_RE.finditer(text):
        if free(m):
            year = int(m["y"])
            add(m, date(year - 1, 12, 31), f"“{m.group(0).strip()}”按{year}年1月1日之前理解")
    for m in _YEAR_RE.finditer(text):
        if free(m):
            add(m, date(int(m["y"]), 12, 31))
    return sorted(found)


def parse_deadline(text: str) -> Deadline:
    """The last day a task may be completed on, read from a 完成时间 cell.

    A month without a day means its last day (2020年8月底前 → 2020-08-31, also 2022年9底前);
    several dates mean the latest; 持续推进/长期坚持 without a date is ongoing.
    """
    original = (text or "").strip()
    if not original:
        return Deadline(text=original, kind=DeadlineKind.MISSING)
    normalized = _arabic(_normalize(original))
    try:
        found = _candidates(normalized)
    except _BadDate as exc:
        return Deadline(
            text=original,
            kind=DeadlineKind.UNREADABLE,
            problem=f"完成时间“{original}”无法识别：{exc}。",
        )
    if found:
        day = max(d for _, d, _ in found)
        notes = [note for _, d, note in found if note and d == day]
        if len({d for _, d, _ in found}) > 1:
            notes.append(f"含多个时间节点，以最晚的{day.year}年{day.month}月{day.day}日为完成时间")
        return Deadline(text=original, kind=DeadlineKind.DATE, day=day, note="；".join(notes))
    if _ONGOING_RE.search(normalized):
        return Deadline(text=original, kind=DeadlineKind.ONGOING)
    return Deadline(
        text=original,
        kind=DeadlineKind.UNREADABLE,
        problem=f"完成时间“{original}”无法识别：应写作“2020年8月底前”“2021年6月30日”或“持续推进”。",
    )


# --- responsible units -----------------------------------------------------------------------


class Collective(StrEnum):
    """A phrase meaning every body of a kind in scope (各县(市、区)人民政府 …)."""

    CITY_GOVERNMENTS = "city_governments"
    COUNTY_GOVERNMENTS = "county_governments"
    TOWNSHIP_GOVERNMENTS = "township_governments"
    VILLAGE_COMMITTEES = "village_committees"
    PROVINCE_DEPARTMENTS = "province_departments"
    CITY_DEPARTMENTS = "city_departments"
    COUNTY_DEPARTMENTS = "county_departments"
    DEPARTMENTS = "departments"


COLLECTIVE_LABELS = {
    Collective.CITY_GOVERNMENTS: "各设区市人民政府",
    Collective.COUNTY_GOVERNMENTS: "各县(市、区)人民政府",
    Collective.TOWNSHIP_GOVERNMENTS: "各乡镇人民政府(街道办事处)",
    Collective.VILLAGE_COMMITTEES: "各村(居)民委员会",
    Collective.PROVINCE_DEPARTMENTS: "省直各有关部门",
    Collective.CITY_DEPARTMENTS: "市直各有关部门",
    Collective.COUNTY_DEPARTMENTS: "县直各有关部门",
    Collective.DEPARTMENTS: "各有关部门",
}

_PLURAL_FORMS = r"县\(市、?区\)|县\(市\)区|县\(市、区、旗\)|县市区|县区|区县"
_PLURAL_COUNTY = f"(?:{_PLURAL_FORMS})"
_COUNTY = rf"(?:{_PLURAL_FORMS}|县\(市\)|县\(区\)|县|区)"
_TOWNSHIP = r"(?:乡镇|乡\(镇\)|乡、镇|乡镇\(街道\)|乡镇街道)"
_GOV = r"(?:人民)?(?:政府)?(?:办公室)?"
_COLLECTIVE_PATTERNS: list[tuple[re.Pattern, Collective]] = [
    (
        re.compile(r"^各(?:设区的?)?市(?:人民)?(?:政府)?(?:办公室|办公厅)?$"),
        Collective.CITY_GOVERNMENTS,
    ),
    (re.compile(r"^各?设区市(?:人民)?政府(?:办公室|办公厅)?$"), Collective.CITY_GOVERNMENTS),
    (
        re.compile(r"^(?:各" + _COUNTY + "|" + _PLURAL_COUNTY + r")(?:级)?" + _GOV + "$"),
        Collective.COUNTY_GOVERNMENTS,
    ),
    (
        re.compile(
            r"^(?:各?" + _TOWNSHIP + r"|各[乡镇])" + _GOV + r"(?:\(?、?街道(?:办事处|办)?\)?)?$"
        ),
        Collective.TOWNSHIP_GOVERNMENTS,
    ),
    (re.compile(r"^各?街道(?:办事处|办)$|^各街道$"), Collective.TOWNSHIP_GOVERNMENTS),
    (
        re.compile(
            r"^(?:各村(?:\(居\)|\(社区\)|居)?|村\(居\)|村\(社区\))(?:民)?(?:委员会|委会|两委)?$"
        ),
        Collective.VILLAGE_COMMITTEES,
    ),
    (
        re.compile(r"^省(?:直|政府)?(?:各)?(?:有关|相关)?(?:各)?(?:部门|单位)$"),
        Collective.PROVINCE_DEPARTMENTS,
    ),
    (
        re.compile(r"^市(?:直|政府)?(?:各)?(?:有关|相关)?(?:各)?(?:部门|单位)$"),
        Collective.CITY_DEPARTMENTS,
    ),
    (
        re.compile(r"^[县区](?:直|政府)?(?:各)?(?:有关|相关)?(?:各)?(?:部门|单位)$"),
        Collective.COUNTY_DEPARTMENTS,
    ),
    (re.compile(r"^(?:各|相关各|有关各)?(?:有关|相关)?(?:部门|单位)$"), Collective.DEPARTMENTS),
]
# A 和 separates two units only when each side reads as a unit on its own: 人力资源和社会保障局 stays.
_UNIT_SUFFIX_RE = re.compile(
    r"(?:局|委|办|厅|会|部|部门|政府|中心|院|站|所|处|室|队|社|公司|单位|集团)$"
)
_ROLE_WORDS_RE = re.compile(
    r"(?:按照?各自职[能责]分别|分别|共同)?(?:牵头落实|牵头|配合|负责|落实|参与)$|等$"
)
_PREFIX_RE = re.compile(r"^(?:责任单位|牵头单位|配合单位|责任部门)\s*[:：]?\s*")
_SEPARATORS = "、，,;；/\n"


@dataclass(frozen=True)
class UnitRef:
    """One responsible unit as written: a collective phrase, or the name of one body."""

    text: str
    collective: Collective | None = None

    @property
    def label(self) -> str:
        return COLLECTIVE_LABELS[self.collective] if self.collective else self.text


def _unit_key(text: str) -> str:
    return re.sub(r"\s+", "", _normalize(text))


def _split_top_level(text: str, separators: str) -> list[str]:
    """Split at separators outside parentheses: 各县(市、区) stays whole."""
    pieces: list[str] = []
    depth = 0
    current = ""
    for char in text:
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(depth - 1, 0)
        if char in separators and depth == 0:
            pieces.append(current)
            current = ""
        else:
            current += char
    pieces.append(current)
    return [piece.strip() for piece in pieces if piece.strip()]


def collective_of(text: str) -> Collective | None:
    key = _unit_key(text)
    for pattern, collective in _COLLECTIVE_PATTERNS:
        if pattern.match(key):
            return collective
    return None


def _balanced(piece: str) -> str:
    """Without the stray brackets a split left at either end."""
    piece = piece.strip(" .。")
    while piece.startswith("(") and piece.count("(") > piece.count(")"):
        piece = piece[1:].strip()
    while piece.endswith(")") and piece.count(")") > piece.count("("):
        piece = piece[:-1].strip()
    return _unwrapped(piece)


def _unwrapped(text: str) -> str:
    """Without brackets around the whole text: 〔责任单位：…，2021年底前完成〕."""
    while text.startswith("(") and text.endswith(")"):
        depth = 0
        for index, char in enumerate(text):
            depth += {"(": 1, ")": -1}.get(char, 0)
            if depth == 0 and index < len(text) - 1:
                return text
        text = text[1:-1].strip()
    return text


def _clean_unit(piece: str) -> str:
    piece = _PREFIX_RE.sub("", _balanced(piece))
    previous = None
    while previous != piece:
        previous = piece
        piece = _balanced(_ROLE_WORDS_RE.sub("", piece))
    return piece


def parse_units(text: str) -> list[UnitRef]:
    """The units named in a 责任单位 cell, in order, without duplicates.

    ``各县(市、区)和乡镇政府(街道办)`` is two collectives; ``人力资源和社会保障局`` stays one name:
    a ``和`` splits only when every part it separates is a collective phrase.
    """
    refs: list[UnitRef] = []
    for piece in _split_top_level(_unwrapped(_normalize_cell(text)), _SEPARATORS):
        piece = _clean_unit(piece)
        if not piece or _candidates_safe(piece):
            continue
        parts = _split_top_level(piece, "和及")
        collectives = [collective_of(part) for part in parts]
        if len(parts) > 1 and all(
            c or _UNIT_SUFFIX_RE.search(_unit_key(p))
            for p, c in zip(parts, collectives, strict=True)
        ):
            candidates = [
                UnitRef(text=p, collective=c) for p, c in zip(parts, collectives, strict=True)
            ]
        else:
            candidates = [UnitRef(text=piece, collective=collective_of(piece))]
        for ref in candidates:
            if all(_unit_key(ref.label) != _unit_key(r.label) for r in refs):
                refs.append(ref)
    return refs


def _candidates_safe(piece: str) -> bool:
    """Whether the piece is a date phrase (〔责任单位：…，2020年12月底前完成〕 carries both)."""
    try:
        return bool(_candidates(_arabic(piece)))
    except _BadDate:
        return True


def deadline_in_units(text: str) -> str:
    """The date phrase written inside a 责任单位 cell, or ""."""
    for piece in _split_top_level(_unwrapped(_normalize_cell(text)), _SEPARATORS):
        piece = _clean_unit(piece)
        if _candidates_safe(piece):
            return piece
    return ""


# --- the table -------------------------------------------------------------------------------


class Role(StrEnum):
    """The responsibility a unit bears for a task (the columns of the 任务分工 table)."""

    LEAD = "lead"  # 主管责任单位
    MAIN = "main"  # 主体责任单位: the bodies that do the work and report progress
    GUIDE = "guide"  # 指导责任单位
    COOPERATE = "cooperate"  # 配合单位


ROLE_LABELS = {
    Role.LEAD: "主管责任单位",
    Role.MAIN: "主体责任单位",
    Role.GUIDE: "指导责任单位",
    Role.COOPERATE: "配合单位",
}

_HEADER_NAMES: dict[str, tuple[str, ...]] = {
    "seq": ("序号", "编号", "序"),
    "group": ("工作任务", "重点任务", "主要任务", "任务类别", "任务名称", "任务"),
    "item": (
        "具体事项",
        "具体任务",
        "工作事项",
        "任务内容",
        "具体内容",
        "工作内容",
        "工作措施",
        "具体措施",
        "事项",
    ),
    Role.LEAD: ("主管责任单位", "主管单位", "主管部门"),
    Role.MAIN: (
        "主体责任单位",
        "责任单位",
        "牵头单位",
        "承办单位",
        "责任部门",
        "牵头部门",
        "责任主体",
    ),
    Role.GUIDE: ("指导责任单位", "指导单位", "指导部门"),
    Role.COOPERATE: ("配合单位", "配合部门", "协办单位", "协同单位"),
    "deadline": (
        "完成时间",
        "完成时限",
        "时间节点",
        "完成期限",
        "时限要求",
        "时限",
        "进度安排",
        "时间安排",
    ),
    "note": ("备注",),
}
_HEADER_ROLES = {_unit_key(name): role for role, names in _HEADER_NAMES.items() for name in names}
_ITEM_NUMBER_RE = re.compile(r"^\s*(?:\((\d{1,3})\)|(\d{1,3})\s*[)、.．]|(\d{1,3})\s+)\s*")
_NOTE_ROW_RE = re.compile(r"^(?:注|说明|备注|附|填表说明)\s*[:：0-9一二三]")
_HEADER_SCAN_ROWS = 30


@dataclass
class TaskRow:
    """One 具体事项 as read from the table; ``problems`` block the import, ``notes`` do not."""

    row_number: int
    group_seq: int | None
    group_title: str
    number: int | None
    title: str
    units: dict[str, list[UnitRef]]
    unit_texts: dict[str, str]
    deadline: Deadline
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class TaskTable:
    sheet: str
    columns: dict[str, int]
    rows: list[TaskRow] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (row number, why)


def _header_role(text: str) -> str | None:
    return _HEADER_ROLES.get(_unit_key(text).replace(":", ""))


def _find_header(grid: list[list[str]]) -> int | None:
    for r, row in enumerate(grid[:_HEADER_SCAN_ROWS]):
        roles = {_header_role(cell) for cell in row} - {None}
        if "deadline" in roles and roles & {"group", "item"} and len(roles) >= 3:
            return r
    return None


def _is_header_like(texts: list[str]) -> bool:
    labels = [text for text in texts if text]
    return len(labels) >= 3 and sum(bool(_header_role(text)) for text in labels) >= len(labels) - 1


def _cn_or_int(text: str) -> int | None:
    key = _arabic(_normalize(text)).strip(" .、()")
    return int(key) if key.isdigit() else None


def _split_item_number(text: str) -> tuple[int | None, str]:
    normalized = _normalize(text)
    match = _ITEM_NUMBER_RE.match(normalized)
    if not match:
        return None, normalized
    number = next(group for group in match.groups() if group)
    return int(number), normalized[match.end() :].strip()


class _Reader:
    """Row by row, carrying the 序号 and 工作任务 of a group down the rows it spans."""

    def __init__(self, columns: dict[str, int]) -> None:
        self.columns = columns
        self.group_seq: int | None = None
        self.group_title = ""
        self.number = 0

    def cell(self, row: list[str], role: str) -> str:
        c = self.columns.get(role)
        return (row[c] or "").strip() if c is not None and c < len(row) else ""

    def read(self, row: list[str], row_number: int) -> TaskRow:
        seq_text, group = self.cell(row, "seq"), _normalize(self.cell(row, "group"))
        if "item" not in self.columns:
            item_text, group = group, ""
        else:
            item_text = self.cell(row, "item")
        seq = _cn_or_int(seq_text) if seq_text else None
        if group and group != self.group_title:
            self.group_title = group
            self.group_seq = seq if seq is not None else (self.group_seq or 0) + 1
        elif seq is not None and "item" in self.columns and seq != self.group_seq:
            self.group_seq = seq
        number, title = _split_item_number(item_text)
        if number is None and "item" not in self.columns:
            number = seq
        self.number = number if number is not None else self.number + 1
        unit_texts = {role: self.cell(row, role) for role in Role if role in self.columns}
        deadline_text = self.cell(row, "deadline")
        notes: list[str] = []
        if not deadline_text:
            inline = next(filter(None, (deadline_in_units(t) for t in unit_texts.values())), "")
            if inline:
                deadline_text = inline
                notes.append(f"完成时间取自责任单位栏：“{inline}”")
        deadline = parse_deadline(deadline_text)
        units = {role: parse_units(text) for role, text in unit_texts.items()}
        parsed = TaskRow(
            row_number=row_number,
            group_seq=self.group_seq,
            group_title=self.group_title,
            number=self.number,
            title=title,
            units=units,
            unit_texts=unit_texts,
            deadline=deadline,
            notes=notes,
        )
        if not title:
            parsed.problems.append("缺少具体事项（任务内容）。")
        if deadline.kind == DeadlineKind.UNREADABLE:
            parsed.problems.append(deadline.problem)
        elif deadline.kind == DeadlineKind.MISSING:
            parsed.notes.append("未填写完成时间，按持续推进处理。")
        if deadline.note:
            parsed.notes.append(deadline.note)
        if not any(units.values()):
            parsed.problems.append("未填写任何责任单位。")
        elif Role.MAIN in self.columns and not units.get(Role.MAIN):
            parsed.notes.append("未填写主体责任单位，进度将无人报送。")
        return parsed


def parse_task_grid(grid: list[list[str]], *, sheet: str) -> TaskTable:
    """Parse one sheet of a 任务分工 table given as cell strings (merged cells already filled)."""
    top = _find_header(grid)
    if top is None:
        raise TaskTableError(
            f"工作表“{sheet}”中没有找到任务分工表的表头（应有“工作任务”或“具体事项”、"
            "“责任单位”和“完成时间”等列）"
        )
    columns: dict[str, int] = {}
    for c, text in enumerate(grid[top]):
        role = _header_role(text)
        if role and role not in columns:
            columns[role] = c
    if "item" not in columns and "group" not in columns:
        raise TaskTableError(f"工作表“{sheet}”缺少“具体事项”或“工作任务”列")
    table = TaskTable(sheet=sheet, columns=columns)
    reader = _Reader(columns)
    for r in range(top + 1, len(grid)):
        texts = [(cell or "").strip() for cell in grid[r]]
        values = [text for text in texts if text]
        if not values:
            continue
        if _is_header_like(texts):
            table.skipped.append((r + 1, "重复的表头行"))
            continue
        if _NOTE_ROW_RE.match(values[0]) and len(set(values)) == 1:
            table.skipped.append((r + 1, "表格说明"))
            continue
        table.rows.append(reader.read(grid[r], r + 1))
    return table

"""索引号: the index number a body gives each piece of government information it publishes.

A pattern names the organization code, the year and a yearly sequence number, e.g.
``{org_code}/{year}-{seq:05d}`` → ``QH01T01/2024-00017``. The sequence comes from a counter that
only grows, so a number once given is never given again.
"""

from __future__ import annotations

import re
from string import Formatter

# 《政府信息公开条例》第十二条: the 政府信息公开目录 lists each piece of information with its 索引.
DEFAULT_PATTERN = "{org_code}/{year}-{seq:05d}"
REQUIRED_FIELDS = frozenset({"org_code", "year", "seq"})
MAX_LENGTH = 64
_LITERAL = re.compile(r"[A-Za-z0-9\-/_.]*")
_SEQ_SPEC = re.compile(r"(?:0[1-9])?d?")
_RESERVED_STARTS = ("org/", "domain/", "d/", "feeds/")


class IndexPatternError(ValueError):
    """A pattern that cannot produce unique, URL-safe index numbers (message in Chinese)."""


def validate_pattern(pattern: str) -> None:
    """Raise IndexPatternError unless `pattern` names exactly what an index number needs."""
    if not pattern or len(pattern) > MAX_LENGTH:
        raise IndexPatternError(f"索引号格式不能为空，且不超过 {MAX_LENGTH} 个字符。")
    try:
        parts = list(Formatter().parse(pattern))
    except ValueError as exc:
        raise IndexPatternError("索引号格式中的花括号不成对。") from exc
    seen: set[str] = set()
    for literal, name, spec, conversion in parts:
        if not _LITERAL.fullmatch(literal):
            raise IndexPatternError("索引号格式中除占位符外只能使用字母、数字和 - / _ . 等符号。")
        if name is None:
            continue
        if name not in REQUIRED_FIELDS:
            raise IndexPatternError(
                f"索引号格式中不认识占位符 {{{name}}}，只能使用 {{org_code}}、{{year}}、{{seq}}。"
            )
        if name in seen:
            raise IndexPatternError(f"占位符 {{{name}}} 只能出现一次。")
        if conversion:
            raise IndexPatternError("占位符不能带 !r、!s 等转换。")
        if name == "seq" and not _SEQ_SPEC.fullmatch(spec or ""):
            raise IndexPatternError("序号只能写成 {seq} 或 {seq:05d} 这样的补零宽度。")
        if name != "seq" and spec:
            raise IndexPatternError(f"占位符 {{{name}}} 不能带格式说明。")
        seen.add(name)
    missing = REQUIRED_FIELDS - seen
    if missing:
        names = "、".join(f"{{{n}}}" for n in sorted(missing))
        raise IndexPatternError(f"索引号格式必须包含 {names}，才能保证索引号唯一。")
    if pattern.startswith(_RESERVED_STARTS) or pattern.startswith("/"):
        raise IndexPatternError("索引号格式不能以 / 、org/、domain/ 等网址保留字开头。")


def format_index_number(pattern: str, *, org_code: str, year: int, seq: int) -> str:
    """The index number for the `seq`-th piece of information of `year`; the pattern must be valid."""
    if seq < 1:
        raise IndexPatternError("序号从 1 开始。")
    value = pattern.format(org_code=org_code, year=year, seq=seq)
    if len(value) > MAX_LENGTH:
        raise IndexPatternError(f"生成的索引号超过 {MAX_LENGTH} 个字符，请缩短格式。")
    return value


def example(pattern: str, *, org_code: str, year: int) -> str:
    """What the first number of `year` looks like, for the settings page."""
    return format_index_number(pattern, org_code=org_code, year=year, seq=1)

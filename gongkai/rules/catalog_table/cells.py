"""Reading one cell: ■/□ ticks, 同上, channels, 公开时限 working days, 公开依据 entries."""

from __future__ import annotations

import re

from gongkai.rules.catalog_table.labels import (
    _CHANNEL_NAMES,
    CHANNELS,
    OTHER_CHANNEL,
    _norm,
    _without_paren,
)

_TICK_MARKS = "■☑√✓✔●þ"
_EMPTY_MARKS = "□☐£○"
# R and £ are Wingdings 2 boxes (ticked / empty) that lost their font when copied.
_MARK_RE = re.compile(rf"([{_TICK_MARKS}{_EMPTY_MARKS}]|(?<![A-Za-z])R(?=[\u4e00-\u9fff]))")
_UNTICKED_TEXT = frozenset({"否", "无", "×", "✗", "✘", "/", "-", "—", "0", "不适用"})
_SAME_AS_ABOVE = frozenset({"同上", "同上。", "同上栏", "同前"})
_NOTE_ROW_RE = re.compile(r"^(注明?|说明|备注|附注|填表说明)\s*([:：]|\d|[一二三四五]、|$)")
_END_PUNCT = "；;。，,、：:！？"
_LIST_SPLIT_RE = re.compile(r"[、，,；;\n]+|\s+")


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

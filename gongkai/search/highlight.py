"""Highlighted titles and snippets, escaped then marked, identical for every backend."""

import re
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

SNIPPET_CHARS = 120


def _pattern(terms: list[str]) -> re.Pattern | None:
    return _compiled(tuple(sorted({t for t in terms if t}, key=lambda t: (-len(t), t))))


@lru_cache(maxsize=512)
def _compiled(terms: tuple[str, ...]) -> re.Pattern | None:
    """Longest terms first, so 最低生活保障 is marked whole rather than as 低保 inside it."""
    if not terms:
        return None
    return re.compile("|".join(re.escape(escape(t)) for t in terms), re.IGNORECASE)


def mark(text: str, terms: list[str]) -> SafeString:
    escaped = escape(text)
    pattern = _pattern(terms)
    if pattern is None:
        return mark_safe(escaped)  # noqa: S308 - escaped above
    return mark_safe(pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", escaped))  # noqa: S308


def snippet(text: str, terms: list[str], *, size: int = SNIPPET_CHARS) -> SafeString:
    """A window of the text around the first term found, with every term marked."""
    text = " ".join(text.split())
    lowered = text.lower()
    positions = [lowered.find(t.lower()) for t in terms if t and t.lower() in lowered]
    start = max(0, min(positions) - size // 4) if positions else 0
    piece = text[start : start + size]
    prefix = "…" if start > 0 else ""
    suffix = "…" if start + size < len(text) else ""
    return mark_safe(f"{escape(prefix)}{mark(piece, terms)}{escape(suffix)}")  # noqa: S308

"""Plain-text helpers for drafts: numbered paragraphs."""

import re

_BLANKS = re.compile(r"[ \t\u3000]+")


def split_paragraphs(text: str) -> list[str]:
    """The draft's paragraphs, one per non-empty line, in order (numbered from 1 on the page)."""
    lines = (_BLANKS.sub(" ", line).strip() for line in text.replace("\r", "").split("\n"))
    return [line for line in lines if line]

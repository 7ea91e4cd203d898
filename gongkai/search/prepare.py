"""The CPU-heavy half of indexing (HTML to text, segmentation), Django-free so a pool can run it."""

import html
import re
from dataclasses import dataclass

from gongkai.search.segment import char_text, load_words, segmented_text
from gongkai.search.types import IndexedDocument

_TAG_BODY = r"""(?:[^>"']|"[^"]*"|'[^']*')*"""
_BLOCK_TAG = re.compile(
    r"<\s*/?\s*(?:p|div|h[1-6]|ul|ol|li|blockquote|hr|table|caption|thead|tbody|tfoot|tr|br)\b"
    + _TAG_BODY
    + ">",
    re.IGNORECASE,
)
_CELL_TAG = re.compile(r"<\s*t[dh]\b" + _TAG_BODY + ">", re.IGNORECASE)
_ANY_TAG = re.compile("<" + _TAG_BODY + ">")
_BLANK_LINES = re.compile(r"\n\s*\n+")


@dataclass(frozen=True)
class Prepared:
    """A document's plain text and the space-separated tokens the embedded index takes."""

    text: str
    title_tokens: str
    body_tokens: str
    title_chars: str
    body_chars: str


@dataclass(frozen=True)
class PreparedDocument(IndexedDocument):
    """An IndexedDocument whose tokens were computed ahead (in a pool) for the embedded index."""

    prepared: Prepared | None = None


def html_text(body: str) -> str:
    """The plain text of a sanitized body: blocks end a line, cells are tab-separated.

    Much cheaper than parsing the tree (documents.html.body_text) and gives the same words; the
    body was sanitized on save, so tags are well-formed and scripts are gone.
    """
    if not body:
        return ""
    text = _CELL_TAG.sub("\t", _BLOCK_TAG.sub("\n", body))
    text = html.unescape(_ANY_TAG.sub("", text))
    return _BLANK_LINES.sub("\n", text).replace("\n\t", "\n").strip()


def prepare(title: str, body: str, organization_name: str) -> Prepared:
    text = html_text(body)
    return Prepared(
        text=text,
        title_tokens=segmented_text(title),
        body_tokens=segmented_text(f"{organization_name} {text}"),
        title_chars=char_text(title),
        body_chars=char_text(text),
    )


def prepare_batch(rows: list[tuple[str, str, str]]) -> list[Prepared]:
    """(title, body HTML, organization name) rows, in a worker process."""
    return [prepare(*row) for row in rows]


def start_worker(words: list[str]) -> None:
    """Pool initializer: the parent's dictionary, since a worker cannot read the database."""
    load_words(words)

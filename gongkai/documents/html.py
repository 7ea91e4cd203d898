"""The body of a document: sanitized rich text, its plain text for checks, and masking in place.

The plain text keeps the shape the personal-information rules read: blocks end a line, table
cells are separated by tabs. Every run of text in it points back at the HTML node it came from,
so a finding can be masked inside the HTML without disturbing the markup around it.
"""

import re
from dataclasses import dataclass
from html import escape

import nh3
from lxml import etree
from lxml import html as lxml_html

from gongkai.rules.pii import Finding
from gongkai.rules.pii_masking import mask_value

ALLOWED_TAGS = frozenset(
    {
        "p", "br", "strong", "b", "em", "i", "u", "s", "sub", "sup", "span",
        "h2", "h3", "h4", "ul", "ol", "li", "blockquote", "hr",
        "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "a",
    }
)  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
}
_BLOCKS = frozenset(
    {"p", "div", "h2", "h3", "h4", "ul", "ol", "li", "blockquote", "hr", "table", "caption",
     "thead", "tbody", "tfoot", "tr"}
)  # fmt: skip
_CELLS = frozenset({"td", "th"})
_HAS_MARKUP = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9]*[\s/>]|/[a-zA-Z])")


def sanitize(body: str) -> str:
    """Keep only the allowed tags and attributes; links get rel=noopener and safe schemes only."""
    return nh3.clean(
        body,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()


def text_to_html(text: str) -> str:
    """Plain text (as typed or pasted from Excel) to paragraphs; tab-separated lines become a table."""
    blocks: list[str] = []
    rows: list[list[str]] = []

    def flush_rows() -> None:
        if not rows:
            return
        head, *rest = rows
        html_rows = ["<tr>" + "".join(f"<th>{escape(c)}</th>" for c in head) + "</tr>"]
        html_rows += [
            "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rest
        ]
        blocks.append("<table>" + "".join(html_rows) + "</table>")
        rows.clear()

    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if "\t" in line:
            rows.append([cell.strip() for cell in line.split("\t")])
            continue
        flush_rows()
        if line.strip():
            blocks.append(f"<p>{escape(line.strip())}</p>")
    flush_rows()
    return "".join(blocks)


def clean_body(body: str) -> str:
    """What a document stores: sanitized HTML, from HTML or from plain text."""
    body = (body or "").strip()
    if not body:
        return ""
    return sanitize(body if _HAS_MARKUP.search(body) else text_to_html(body))


@dataclass(frozen=True)
class _Run:
    start: int
    end: int
    node: etree._Element
    attr: str  # "text" or "tail"


@dataclass
class _Flattened:
    root: etree._Element
    text: str
    runs: list[_Run]


def _flatten(body: str) -> _Flattened:
    root = lxml_html.fragment_fromstring(body or "", create_parent="div")
    parts: list[str] = []
    runs: list[_Run] = []
    pos = 0

    def virtual(sep: str) -> None:
        nonlocal pos
        if sep == "\n" and (not parts or parts[-1].endswith("\n")):
            return
        parts.append(sep)
        pos += len(sep)

    def add(node: etree._Element, attr: str) -> None:
        nonlocal pos
        value = getattr(node, attr)
        if not value or (not value.strip() and "\n" in value):
            return
        runs.append(_Run(pos, pos + len(value), node, attr))
        parts.append(value)
        pos += len(value)

    def walk(node: etree._Element) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in _BLOCKS or tag == "br":
            virtual("\n")
        if tag in _CELLS and node.getprevious() is not None:
            virtual("\t")
        add(node, "text")
        for child in node:
            walk(child)
            add(child, "tail")
        if tag in _BLOCKS:
            virtual("\n")

    add(root, "text")
    for child in root:
        walk(child)
        add(child, "tail")
    return _Flattened(root=root, text="".join(parts).rstrip("\n"), runs=runs)


def body_text(body: str) -> str:
    """The plain text of a body, as the personal-information check reads it."""
    return _flatten(body).text if body else ""


def mask_body(body: str, findings: list[Finding]) -> str:
    """The body with each finding (offsets into `body_text(body)`) replaced by its masked form."""
    if not findings:
        return body
    flat = _flatten(body)
    ordered = sorted(findings, key=lambda f: f.start)
    for run in flat.runs:
        value = getattr(run.node, run.attr)
        out, cursor = [], run.start
        for finding in ordered:
            if finding.end <= run.start or finding.start >= run.end:
                continue
            begin = max(finding.start, run.start)
            out.append(value[cursor - run.start : begin - run.start])
            if finding.start >= run.start:
                out.append(mask_value(finding.kind, flat.text[finding.start : finding.end]))
            cursor = min(finding.end, run.end)
        if out:
            out.append(value[cursor - run.start :])
            setattr(run.node, run.attr, "".join(out))
    inner = escape(flat.root.text or "", quote=False) + "".join(
        lxml_html.tostring(child, encoding="unicode") for child in flat.root
    )
    return sanitize(inner)


def plain_summary(body: str, *, limit: int = 120) -> str:
    text = " ".join(body_text(body).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"

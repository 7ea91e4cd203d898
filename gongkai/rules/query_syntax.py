"""Parse what a citizen types into the portal search box: words, "phrases", -exclusions, 文号/索引号."""

import re
import unicodedata
from dataclasses import dataclass, field

MAX_QUERY_CHARS = 200
MAX_TERMS = 12

# GB/T 9704-2012《党政机关公文格式》7.2.3: 发文字号 = 机关代字 + 〔年份〕 + 发文顺序号.
_DOC_NO = re.compile(r"^[\u4e00-\u9fff]{1,12}[〔\[［(（]?\d{4}[〕\]］)）]?第?\d{1,5}号$")
_INDEX_NO = re.compile(r"^[0-9A-Za-z]{6,20}[/-][0-9A-Za-z/-]{3,40}$")
_BRACKETS = str.maketrans({"[": "〔", "]": "〕", "［": "〔", "］": "〕", "(": "〔", ")": "〕"})
_TOKEN = re.compile(r'(-?)"([^"]*)"|(\S+)')
_WORD_CHARS = re.compile(r"[\w\u3400-\u9fff〔〕/-]+")
_QUOTES = str.maketrans({"“": '"', "”": '"', "「": '"', "」": '"', "『": '"', "』": '"'})


@dataclass(frozen=True)
class ParsedQuery:
    raw: str
    words: list[str] = field(default_factory=list)
    phrases: list[str] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)
    doc_no: str = ""
    index_number: str = ""

    @property
    def is_empty(self) -> bool:
        return not (self.words or self.phrases or self.doc_no or self.index_number)

    @property
    def terms(self) -> list[str]:
        """Everything that must match: words then phrases."""
        return [*self.words, *self.phrases]

    def text(self) -> str:
        return " ".join(self.terms)


def normalize(text: str) -> str:
    """Full-width letters, digits and spaces become half-width (NFKC); CJK punctuation used in 文号 stays."""
    text = unicodedata.normalize("NFKC", text.translate(_QUOTES))
    return "".join(ch if ch.isprintable() else " " for ch in text)


def normalize_doc_no(text: str) -> str:
    """One spelling of a 文号: brackets → 〔〕, so 青发[2024]3号 finds 青发〔2024〕3号."""
    text = text.replace("（", "(").replace("）", ")")
    match = re.match(r"^(\D+?)[\[(〔]?(\d{4})[\])〕]?(第?\d+号)$", text.translate(_BRACKETS))
    if not match:
        return text
    return f"{match.group(1)}〔{match.group(2)}〕{match.group(3)}"


def _clean(piece: str) -> str:
    return " ".join(_WORD_CHARS.findall(piece)).strip()


def parse(raw: str) -> ParsedQuery:
    """Split a query; never raises, whatever the input. Unknown punctuation is dropped."""
    text = normalize(raw or "")[:MAX_QUERY_CHARS].strip()
    words: list[str] = []
    phrases: list[str] = []
    excluded: list[str] = []
    doc_no = index_number = ""
    compact = text.replace(" ", "")
    if _DOC_NO.match(compact.translate(_BRACKETS)) or _DOC_NO.match(compact):
        doc_no = normalize_doc_no(compact)
    elif _INDEX_NO.match(compact):
        index_number = compact
    for match in _TOKEN.finditer(text):
        negative, quoted, bare = match.group(1), match.group(2), match.group(3)
        if quoted is not None:
            target = excluded if negative else phrases
            cleaned = _clean(quoted)
        elif bare.startswith("-") and len(bare) > 1:
            target, cleaned = excluded, _clean(bare[1:])
        else:
            target, cleaned = words, _clean(bare)
        for part in cleaned.split(" ") if target is not phrases else [cleaned]:
            if part and part not in target and len(words) + len(phrases) < MAX_TERMS:
                target.append(part)
    return ParsedQuery(
        raw=text,
        words=words,
        phrases=phrases,
        excluded=excluded,
        doc_no=doc_no,
        index_number=index_number,
    )

"""What detection reports (kinds, findings) and how overlapping hits are resolved."""

from __future__ import annotations

from dataclasses import dataclass
from operator import itemgetter

# 《个人信息保护法》第四条、第二十八条: names, ID numbers, phone numbers, addresses and
# financial accounts of identified persons are personal (partly sensitive) information.
KIND_LABELS: dict[str, str] = {
    "id_card": "居民身份证号码",
    "mobile": "手机号码",
    "landline": "固定电话号码",
    "bank_card": "银行卡号",
    "email": "电子邮箱",
    "address": "详细住址",
    "name": "姓名",
    "passport": "护照号码",
    "hk_macau_permit": "港澳通行证号码",
}


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int
    text: str
    confidence: float


@dataclass(frozen=True)
class CellFinding:
    """A finding inside one table cell; ``finding`` offsets are relative to the cell text."""

    row: int
    col: int
    finding: Finding


# A hit is (kind, start, end, confidence): a plain tuple, as a dense table makes tens of
# thousands per megabyte and a NamedTuple's Python-level __new__ would cost more than the rest.
_Hit = tuple[str, int, int, float]

_START = itemgetter(1)
_BY_SPAN = itemgetter(1, 2)
_new = object.__new__
_set_attr = object.__setattr__


def _findings(text: str, hits: list[_Hit]) -> list[Finding]:
    """Findings for resolved hits, with their text."""
    out = []
    for kind, start, end, confidence in hits:
        # A frozen dataclass's __init__ sets each field through object.__setattr__; handing
        # the new instance its whole __dict__ at once is several times faster.
        f = _new(Finding)
        _set_attr(
            f,
            "__dict__",
            {
                "kind": kind,
                "start": start,
                "end": end,
                "text": text[start:end],
                "confidence": confidence,
            },
        )
        out.append(f)
    return out


def _resolve(found: list[_Hit]) -> list[_Hit]:
    """Sorted, non-overlapping: of two overlapping findings the surer, then the longer, wins."""
    kept: list[_Hit] = []
    for hit in sorted(found, key=_BY_SPAN):
        if kept and hit[1] < kept[-1][2]:
            _, start, end, confidence = hit
            _, last_start, last_end, last_confidence = kept[-1]
            if (confidence, end - start) > (last_confidence, last_end - last_start):
                kept[-1] = hit
            continue
        kept.append(hit)
    return kept

"""What detection reports (kinds, findings) and how overlapping hits are resolved."""

from __future__ import annotations

from dataclasses import dataclass
from operator import itemgetter
from typing import NamedTuple

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


def _finding(kind: str, start: int, end: int, text: str, confidence: float) -> Finding:
    # A frozen dataclass's __init__ goes through object.__setattr__ per field; filling the
    # instance __dict__ directly is three times faster, which matters for dense 公示 tables.
    f = object.__new__(Finding)
    f.__dict__.update(kind=kind, start=start, end=end, text=text, confidence=confidence)
    return f


class _Hit(NamedTuple):
    kind: str
    start: int
    end: int
    confidence: float


_BY_SPAN = itemgetter(1, 2)


def _resolve(found: list[_Hit]) -> list[_Hit]:
    """Sorted, non-overlapping: of two overlapping findings the surer, then the longer, wins."""
    kept: list[_Hit] = []
    for f in sorted(found, key=_BY_SPAN):
        if kept and f.start < kept[-1].end:
            last = kept[-1]
            if (f.confidence, f.end - f.start) > (last.confidence, last.end - last.start):
                kept[-1] = f
            continue
        kept.append(f)
    return kept

"""Masking (去标识化) of personal information found by :mod:`gongkai.rules.pii`.

The default policy follows what Chinese government 公示 lists commonly publish: enough to let
the person concerned recognise the entry, not enough to identify or contact anyone else.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from gongkai.rules.pii import DOUBLE_SURNAMES, Finding


@dataclass(frozen=True)
class KeepEnds:
    """Keep ``head`` leading and ``tail`` trailing letters/digits; separators always stay."""

    head: int
    tail: int


@dataclass(frozen=True)
class MaskingPolicy:
    mask_char: str = "*"
    # GB/T 35273-2020《信息安全技术 个人信息安全规范》3.15 去标识化 and GB/T 37964-2019
    # 《个人信息去标识化指南》 (suppression of part of an identifier): keep the 6-digit
    # region code and the last 4, hide the birth date and sequence: 110105********1234.
    id_card: KeepEnds = KeepEnds(6, 4)
    # 138****1234, the form telecom operators and 公示 lists use.
    mobile: KeepEnds = KeepEnds(3, 4)
    # The area code is always kept; ``tail`` applies to the local number: 0816-***4567.
    landline: KeepEnds = KeepEnds(0, 4)
    bank_card: KeepEnds = KeepEnds(0, 4)
    # The document letter and the last 2: E******78 / C******78.
    passport: KeepEnds = KeepEnds(1, 2)
    hk_macau_permit: KeepEnds = KeepEnds(1, 2)
    # 张* / 欧阳**: the surname stays so neighbours can still check a 公示 list, as
    # 《最低生活保障审核确认办法》(民发〔2021〕57号) asks 公示 to protect privacy.
    name_keep_surname: bool = True
    # z***@163.com
    email_keep_first: int = 1
    # The part finer than 乡镇/街道 is replaced: 青龙镇*** .
    address_replacement: str = "***"
    skip_kinds: frozenset[str] = field(default_factory=frozenset)


DEFAULT_POLICY = MaskingPolicy()

_ALNUM = re.compile(r"[0-9A-Za-z０-９]")  # full-width digits are found like ASCII ones
_MOBILE_PREFIX = re.compile(r"^(?:(?:\+|00)86|86(?=[- ]?1\d{10}$))[- ]?")
_LOCAL_NUMBER = re.compile(r"\d{7,8}")
_AREA_CODE = re.compile(r"^(?:[(（]0\d{2,3}[)）][- ]?|0\d{2,3}[- ]?(?=\d{7,8}(?!\d)))")


def _keep_ends(text: str, keep: KeepEnds, char: str) -> str:
    positions = [m.start() for m in _ALNUM.finditer(text)]
    hidden = set(positions[keep.head : max(keep.head, len(positions) - keep.tail)])
    return "".join(char if i in hidden else c for i, c in enumerate(text))


def _mask_name(text: str, policy: MaskingPolicy) -> str:
    compact = text.replace(" ", "").replace("\u3000", "")
    keep = 0
    if policy.name_keep_surname:
        keep = 2 if compact[:2] in DOUBLE_SURNAMES and len(compact) > 2 else 1
    out, seen = [], 0
    for c in text:
        if c in " \u3000·•":
            out.append(c)
            continue
        out.append(c if seen < keep else policy.mask_char)
        seen += 1
    return "".join(out)


def _mask_email(text: str, policy: MaskingPolicy) -> str:
    local, _, domain = text.rpartition("@")
    return local[: policy.email_keep_first] + policy.mask_char * 3 + "@" + domain


def _mask_landline(text: str, policy: MaskingPolicy) -> str:
    """Area code kept, local number per policy, extension (-801 / 转801) hidden."""
    area = _AREA_CODE.match(text)
    cut = area.end() if area else 0
    local = _LOCAL_NUMBER.match(text, cut)
    end = local.end() if local else len(text)
    hidden_ext = _ALNUM.sub(policy.mask_char, text[end:])
    return text[:cut] + _keep_ends(text[cut:end], policy.landline, policy.mask_char) + hidden_ext


def _mask_mobile(text: str, policy: MaskingPolicy) -> str:
    prefix = _MOBILE_PREFIX.match(text)
    cut = prefix.end() if prefix else 0
    return text[:cut] + _keep_ends(text[cut:], policy.mobile, policy.mask_char)


def mask_value(kind: str, text: str, *, policy: MaskingPolicy = DEFAULT_POLICY) -> str:
    """The masked form of one finding's text."""
    if kind in policy.skip_kinds:
        return text
    if kind == "name":
        return _mask_name(text, policy)
    if kind == "address":
        return policy.address_replacement
    if kind == "email":
        return _mask_email(text, policy)
    if kind == "mobile":
        return _mask_mobile(text, policy)
    if kind == "landline":
        return _mask_landline(text, policy)
    keep = getattr(policy, kind, None)
    if not isinstance(keep, KeepEnds):
        raise ValueError(f"未知的个人信息类型：{kind}")
    return _keep_ends(text, keep, policy.mask_char)


def mask_text(
    text: str,
    findings: Iterable[Finding],
    *,
    policy: MaskingPolicy = DEFAULT_POLICY,
    keep: Collection[tuple[int, int]] = (),
) -> str:
    """``text`` with every finding masked, except those whose (start, end) is in ``keep``."""
    kept = set(keep)
    out, pos = [], 0
    for f in sorted(findings, key=lambda f: f.start):
        if (f.start, f.end) in kept or f.start < pos:
            continue
        out.append(text[pos : f.start])
        out.append(mask_value(f.kind, text[f.start : f.end], policy=policy))
        pos = f.end
    out.append(text[pos:])
    return "".join(out)

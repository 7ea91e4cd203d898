"""Regular expressions that find candidates, and where an address turns personal."""

from __future__ import annotations

import re

from gongkai.rules.pii.names import (
    _CJK,
    DOUBLE_SURNAMES,
    SURNAMES,
)

# 工业和信息化部《电信网编号计划》: mobiles 1[3-9]X + 8 digits; landlines 0 + 2–3 digit area
# code + 7–8 digit local number. ISO/IEC 7812: card numbers of 16–19 digits, Luhn checked.
_GLUE = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz/\\-._@")
# ASCII digits only (text is scanned with full-width digits made ASCII); the first three are
# spelt out so the regex engine can skip ahead to a digit instead of trying every position.
_NUM_TOKEN_RE = re.compile(
    r"[0-9][0-9][0-9](?:[0-9]{4,}|[0-9]{0,3}[- ][0-9]{3,})(?:[- ][0-9]{3,})*[Xx]?"
)
_NOT_BEFORE = _GLUE | {")", "）"}
_NOT_AFTER = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz@/-")
_PAREN_AREA_RE = re.compile(r"[(（]0\d{2,3}[)）]")
_STYLED_BODY = (
    r"(?P<grp>\d{4}(?:[ -]\d{4}){3}(?:[ -]?\d{1,3})?)"
    r"|(?P<mob>(?:(?:\+|00)?86[- ]?)?1[3-9]\d[- ]\d{4}[- ]\d{4})"
    r"|(?P<tel>(?:[(（]0\d{2,3}[)）][- ]?|0\d{2,3}[- ])\d{7,8}(?:(?:-|转)\d{1,6})?)"
)
_STYLED_RE = re.compile(rf"(?:{_STYLED_BODY})(?![0-9A-Za-z@/]|[.．]\d)")
_TOKEN_PART_RE = re.compile(rf"(?<![\d\-])(?:{_STYLED_BODY}|(?P<run>\d+[Xx]?))(?!\d)")
_MOBILE_PREFIX_RE = re.compile(r"(?:(?:\+|00)86[- ]?|86-)$")
_HEADER_HIT_RE = re.compile(
    r"姓\s*名|户主|申请人|救助对象|家庭成员|联系人|收款人|领款人|持卡人|身份证|身份号码|补贴对象"
    r"|供养对象|被救助人|监护人|享受对象"
)
_SPACED_NAME_RE = re.compile(rf"[{_CJK}](?:[ \u3000]*[{_CJK}]){{1,3}}")
_NAME_TOKEN_RE = re.compile(rf"[{_CJK}·•]+")
_SURNAME_FIRSTS = "".join(sorted(SURNAMES | {d[0] for d in DOUBLE_SURNAMES}))
_GENDER_RE = re.compile(rf"[男女](?![{_CJK}])")
_NAME_BEFORE_GENDER_RE = re.compile(
    rf"(?<![{_CJK}])([{_SURNAME_FIRSTS}][{_CJK}]{{1,3}})[ \t\u3000]*[，,、]?[ \t\u3000]*[（(]?$"
)
_GENDER_AFTER_RE = re.compile(rf"[ \t\u3000]*[，,、]?[ \t\u3000]*[（(]?[男女][）)]?(?![{_CJK}])")
_ETHNIC_BACK_RE = re.compile(rf"(?<![{_CJK}])[{_CJK}]{{1,8}}$")
_ETHNIC_FWD_RE = re.compile(rf"[{_CJK}]{{1,8}}")
_LABEL_NAME_RE = re.compile(
    r"(?:姓名|户主(?:姓名)?|申请人(?:姓名)?|救助对象(?:姓名)?|收款人|领款人|持卡人|监护人|被救助人)"
    rf"[：:\s]*([{_CJK}]{{2,4}})(?![{_CJK}])"
)
_BESIDE_RE = re.compile(
    rf"(?<![{_CJK}])([{_CJK}]{{2,4}})[\s,，、:：|]*"
    r"(?:(?:男|女|\d{1,3}岁|身份证(?:号码?)?|公民身份号码|证件号码?|联系电话|电话|手机(?:号码?)?"
    r"|银行卡号|卡号|账号)[\s,，、:：|]*)*$"
)
_ADDR_ANCHOR_RE = re.compile(
    rf"[0-9０-９一二三四五六七八九十]{{1,4}}(?:组|社|队|号|室|单元|栋|幢)|村民小组|村[{_CJK}]{{1,4}}?组"
)
_ADDR_LABEL_HIT_RE = re.compile(r"住址|家庭地址|户籍地址|居住地|住所|家住|现住")
_ADDR_BACK_RE = re.compile(rf"[{_CJK}0-9０-９#\-－]*$")
_ADDR_MORE_RE = re.compile(
    r"(?:[附之\-－]?[0-9０-９一二三四五六七八九十]+(?:组|社|队|号楼|号|室|单元|栋|幢|楼|层|户|座))*"
)
_FINE_RE = re.compile(r"村|社区|小区|路|街(?!道)|巷|弄|(?<!街)道|栋|幢|单元|组|苑|花园|公寓")
_ADMIN_RE = re.compile(r"省|自治区|市|州|盟|县|旗|(?<![社小园校])区|镇|乡|街道|办事处|住")
_EMAIL_LOCAL_RE = re.compile(r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9][A-Za-z0-9._%+\-]{0,63}$")
_EMAIL_DOMAIN_RE = re.compile(r"[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
# 出入境证件: 普通护照 E/G + 8 digits or E + letter + 7 digits; 往来港澳通行证 C + 8 digits
# or C + letter + 7 digits. Other shapes count only after a 护照/通行证 label or column.
_DOC_HIT_RE = re.compile(r"[A-Z][A-Z\d]\d{6,8}(?![0-9A-Za-z])")
_PERMIT_RE = re.compile(r"C\d{8}|C[A-Z]\d{7}")
_PASSPORT_RE = re.compile(r"[EG]\d{8}|E[A-Z]\d{7}")


# GB/T 35273-2020 附录A: 个人住址 is personal information; the 乡镇/街道 level is kept so a
# published list stays checkable, everything finer (村组、门牌、楼栋单元室) is the finding.
def _cut_fine(run: str) -> int | None:
    """Index where the part finer than 乡镇/街道 starts in an address, None if there is none."""
    fine = _FINE_RE.search(run)
    if not fine:
        return None
    cut = 0
    for m in _ADMIN_RE.finditer(run, 0, fine.start()):
        if m.end() < fine.start():
            cut = m.end()
    return cut if cut < len(run) else None


_WIDE_DIGITS = "０１２３４５６７８９"
_TO_ASCII_DIGITS = str.maketrans(_WIDE_DIGITS, "0123456789")


def _ascii_digits(text: str) -> str:
    """``text`` with full-width digits (common in Word documents) made ASCII; same offsets."""
    if any(d in text for d in _WIDE_DIGITS):
        return text.translate(_TO_ASCII_DIGITS)
    return text

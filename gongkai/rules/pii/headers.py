"""Roles of table header cells (姓名, 身份证号, 联系电话 …) that give a column its context."""

from __future__ import annotations

import re

from gongkai.rules.pii.names import (
    _words,
)

_NAME_HEADERS = frozenset(
    _words(
        "姓名 户主 申请人 救助对象 家庭成员 联系人 收款人 领款人 持卡人 补贴对象 "
        "供养对象 被救助人 监护人 户名 开户人 账户名 享受对象 救助人员 拟录用人员 人员"
    )
)
_ROLE_WORDS = (
    ("code", ("编号", "编码", "代码", "考号", "准考证", "文号", "合同号", "流水号")),
    ("id", ("身份证", "身份号码", "证件号")),
    ("passport", ("护照",)),
    ("permit", ("通行证",)),
    ("phone", ("电话", "手机", "联系方式")),
    ("email", ("邮箱", "电子邮件", "email", "Email", "E-mail")),
    ("address", ("住址", "地址", "居住地", "住所", "村组", "户籍地")),
    ("bank", ("卡号", "账号", "帐号", "存折", "一卡通")),
)
_ROLE_RE = re.compile("|".join(f"(?P<{role}>{'|'.join(words)})" for role, words in _ROLE_WORDS))
_HEADER_NOISE_RE = re.compile(r"[\s*＊]")
_DIGIT_RE = re.compile(r"\d")


def header_role(cell: str) -> str | None:
    """Role of a header cell: name/id/phone/address/bank/… , ``other`` or None (not a header)."""
    c = _HEADER_NOISE_RE.sub("", cell)
    if c in _NAME_HEADERS or (c.endswith("姓名") and len(c) <= 8):
        return "name"
    if not c or len(c) > 12 or _DIGIT_RE.search(c):
        return None
    m = _ROLE_RE.search(c)
    return m.lastgroup if m else "other"


_VERTICAL_OTHER = frozenset(
    _words(
        "序号 编号 性别 年龄 民族 出生年月 出生日期 与户主关系 关系 家庭人口 保障人数 "
        "人口数 备注 类别 保障类别 救助类别 救助事由 救助原因 所在村 村(社区) 乡镇 "
        "所属乡镇 学历 毕业院校 职位 报考职位 拟录用职位 金额 发放金额"
    )
)


def _vertical_role(cell: str) -> str | None:
    role = header_role(cell)
    if role not in (None, "other"):
        return role
    c = cell.strip()
    ends = ("金额", "金", "（元）", "(元)", "人数", "类别", "日期", "事由", "原因", "（亩）")
    return "other" if c in _VERTICAL_OTHER or c.endswith(ends) else None

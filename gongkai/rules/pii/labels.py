"""Labels just before a candidate (监督电话：, 身份证号：, 卡号：…) that decide what it is."""

from __future__ import annotations

import re

from gongkai.rules.pii.names import (
    _CJK,
)

# 《政府信息公开条例》第二十条第（一）项: a body's 办公地址、联系方式 and 负责人姓名 are
# disclosed on purpose, so numbers and mailboxes after 咨询/监督/举报… labels are public.
_LABELS = (
    ("public", "咨询 监督 举报 投诉 服务 值班 办公 传真 热线 受理 总机 信访 办事 客服"),
    ("credit", "信用代码 社会信用 组织机构代码 纳税人识别号 注册号 登记号"),
    ("code", "编号 编码 代码 文号 索引号 批次号 合同号 订单号 准考证号 考号 发票号 流水号 档案号"),
    ("id", "身份证 身份号码 证件号"),
    ("bank", "卡号 账号 帐号 银行卡 存折 一卡通 社保卡 开户"),
    ("passport", "护照"),
    ("permit", "通行证"),
    ("phone", "电话 手机 联系方式"),
)
# Matched on the reversed text before a candidate, so the label nearest to it is read
# without scanning: "监督电话：0816-1234567、" then the candidate → public.
_LABEL_BEFORE_RE = re.compile(
    r"(?:\s*[、，,；;/或及和][0-9()（）+\-\s]+)*[：:\s]*"
    rf"[{_CJK}A-Za-z（）()]{{0,4}}"
    + "(?:"
    + "|".join(f"(?P<{role}>{'|'.join(w[::-1] for w in words.split())})" for role, words in _LABELS)
    + ")"
)


def _label_before(text: str, pos: int) -> str | None:
    """The kind of label just before ``pos`` on its line (public/credit/code/id/bank/…)."""
    start = max(text.rfind("\n", max(0, pos - 32), pos) + 1, pos - 32)
    m = _LABEL_BEFORE_RE.match(text[start:pos][::-1])
    return m.lastgroup if m else None


_SKIP_LABELS = frozenset({"public", "code", "credit"})

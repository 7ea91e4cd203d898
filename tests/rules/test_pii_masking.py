"""Masking policy: each kind's published form, keeping findings, policy variants."""

import dataclasses

import pytest

from gongkai.rules.pii import find_personal_info
from gongkai.rules.pii_masking import DEFAULT_POLICY, KeepEnds, mask_text, mask_value


@pytest.mark.parametrize(
    ("kind", "value", "masked"),
    [
        ("mobile", "13812345678", "138****5678"),
        ("mobile", "138-1234-5678", "138-****-5678"),
        ("mobile", "+86 13812345678", "+86 138****5678"),
        ("mobile", "8613812345678", "86138****5678"),
        ("mobile", "１３８１２３４５６７８", "１３８****５６７８"),
        ("id_card", "11010519491231002X", "110105********002X"),
        ("id_card", "510132850228001", "510132*****8001"),
        ("bank_card", "6222021234567890128", "***************0128"),
        ("bank_card", "6222 0212 3456 7890 128", "**** **** **** ***0 128"),
        ("landline", "0816-2345678", "0816-***5678"),
        ("landline", "(028)87654321-801", "(028)****4321-***"),
        ("landline", "028-87654321转801", "028-****4321转***"),
        ("name", "张三", "张*"),
        ("name", "王小明", "王**"),
        ("name", "欧阳娜娜", "欧阳**"),
        ("name", "欧阳修", "欧阳*"),
        ("name", "张  三", "张  *"),
        ("name", "阿依古丽·买买提", "阿***·***"),
        ("email", "zhangsan@163.com", "z***@163.com"),
        ("passport", "E12345678", "E******78"),
        ("hk_macau_permit", "CA1234567", "C******67"),
        ("address", "红星村3组12号", "***"),
    ],
)
def test_default_policy(kind, value, masked):
    assert mask_value(kind, value) == masked


def test_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="未知的个人信息类型"):
        mask_value("wechat", "abc")


def test_policy_is_configurable_per_kind():
    policy = dataclasses.replace(
        DEFAULT_POLICY,
        mask_char="×",
        id_card=KeepEnds(0, 0),
        name_keep_surname=False,
        skip_kinds=frozenset({"email"}),
    )
    assert mask_value("id_card", "11010519491231002X", policy=policy) == "×" * 18
    assert mask_value("name", "欧阳娜娜", policy=policy) == "××××"
    assert mask_value("email", "a@b.cn", policy=policy) == "a@b.cn"


TEXT = "1. 张三，男，45岁，青龙镇红星村3组，电话 13812345678，身份证 11010519491231002X"


def test_mask_text_round_trip_leaves_no_identifier():
    findings = find_personal_info(TEXT)
    masked = mask_text(TEXT, findings)
    assert masked == "1. 张*，男，45岁，青龙镇***，电话 138****5678，身份证 110105********002X"
    assert find_personal_info(masked) == []


def test_kept_findings_stay_in_clear():
    findings = find_personal_info(TEXT)
    name = next(f for f in findings if f.kind == "name")
    masked = mask_text(TEXT, findings, keep=[(name.start, name.end)])
    assert masked.startswith("1. 张三，男，45岁，青龙镇***")
    assert "13812345678" not in masked

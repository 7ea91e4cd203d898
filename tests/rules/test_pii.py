"""Personal-information detection: checksums, each kind, the negatives, tables, the corpus."""

from itertools import pairwise

import pytest

from bench.pii.corpus import generate
from gongkai.rules.pii import (
    KIND_LABELS,
    CellFinding,
    Finding,
    credit_code_check_char,
    find_personal_info,
    find_personal_info_in_table,
    id_check_char,
    is_credit_code,
    is_valid_id15,
    is_valid_id18,
    luhn_ok,
)

# Synthetic identifiers with correct check characters (computed independently below).
ID_A = "11010519491231002X"  # the GB 11643-1999 example number
ID_B = "510132198502280018"
CARD_19 = "6222021234567890128"
CARD_16 = "6217001234567893"


def found(text: str) -> list[tuple[str, str]]:
    return [(f.kind, f.text) for f in find_personal_info(text)]


# --- checksums ----------------------------------------------------------------------------


def test_id_check_char_matches_the_standard_example():
    assert id_check_char("11010519491231002") == "X"
    assert id_check_char("51013219850228001") == "8"


def test_id18_needs_check_digit_date_and_region():
    assert is_valid_id18(ID_A)
    assert is_valid_id18(ID_A.lower())
    assert not is_valid_id18("110105194912310021")  # wrong check digit
    assert not is_valid_id18("110105194902300029")  # 30 February
    assert not is_valid_id18("910105194912310025")  # no region starts with 9


def test_id15_legacy_number_needs_a_valid_date():
    assert is_valid_id15("510132850228001")
    assert not is_valid_id15("510132851328001")


def test_luhn():
    assert luhn_ok("79927398713")
    assert luhn_ok(CARD_19)
    assert luhn_ok(CARD_16)
    assert not luhn_ok("6222021234567890127")


@pytest.mark.parametrize(
    "code",
    ["9144030071526726XG", "91330100716105852F", "914403001922038216", "91110000802100433B"],
)
def test_credit_codes_of_real_companies_pass_gb32100(code):
    assert is_credit_code(code)
    assert credit_code_check_char(code[:17]) == code[17]


def test_credit_code_with_wrong_check_character_fails():
    assert not is_credit_code("9144030071526726XA")
    assert not is_credit_code("91440300715267IIXG")  # I is not in the alphabet


# --- each kind ---------------------------------------------------------------------------


def test_id_card_valid_and_invalid():
    assert found(f"身份证号：{ID_A}") == [("id_card", ID_A)]
    assert found("编号：110105194912310021") == []


def test_id_card_with_wrong_check_digit_is_weak_only_after_a_身份证_label():
    [f] = find_personal_info("身份证号码：110105194912310021")
    assert (f.kind, f.confidence) == ("id_card", 0.6)
    [f] = find_personal_info("身份证号码：11010519491231003X")
    assert (f.kind, f.confidence) == ("id_card", 0.6)
    assert found("档案号 11010519491231003X") == []


def test_legacy_15_digit_id_needs_context():
    assert found("身份证号：510132850228001") == [("id_card", "510132850228001")]
    assert found("注册号 510132850228001") == []


@pytest.mark.parametrize(
    "number", ["13812345678", "138-1234-5678", "138 1234 5678", "+86 13812345678", "+8613812345678"]
)
def test_mobile_formats(number):
    assert found(f"联系人手机：{number}。") == [("mobile", number)]


def test_full_width_digits_are_read_like_ascii_ones():
    wide = str.maketrans("0123456789", "０１２３４５６７８９")
    id_b, mobile, card = ID_B.translate(wide), "１３８１２３４５６７８", CARD_19.translate(wide)
    text = f"身份证号：{id_b}，手机：{mobile}，银行卡号：{card}"
    assert found(text) == [("id_card", id_b), ("mobile", mobile), ("bank_card", card)]


def test_mobile_not_inside_a_longer_digit_run():
    assert found("账户 6013812345678901234567") == []
    assert found("1381234567890") == []


def test_public_service_numbers_are_not_reported():
    text = "监督电话：0816-1234567、13812345678；咨询电话：(028)87654321；举报电话 0816-7654321"
    assert found(text) == []


def test_landline_only_beside_a_person():
    assert found("县民政局 联系电话：0816-2345678") == []
    assert found("1. 张三，男，45岁，电话 0816-2345678") == [
        ("name", "张三"),
        ("landline", "0816-2345678"),
    ]


def test_landline_in_a_person_record_on_its_own_line():
    text = f"申请人：李四\n身份证号码：{ID_B}\n联系电话：(0816)2345678 转 801"
    assert ("landline", "(0816)2345678") in found(text)


def test_bank_card_needs_luhn_and_a_unionpay_prefix_or_context():
    assert found(f"补贴发放至 {CARD_19}") == [("bank_card", CARD_19)]
    assert found("卡号：4111111111111111") == [("bank_card", "4111111111111111")]
    assert found("编号 4111111111111111") == []
    assert found("流水号 6222021234567890127") == []


def test_bank_card_written_in_groups():
    assert found("银行卡号：6222 0212 3456 7890 128") == [("bank_card", "6222 0212 3456 7890 128")]


def test_email_but_not_government_or_reporting_mailboxes():
    assert found("电子邮箱 zhang.san1990@163.com") == [("email", "zhang.san1990@163.com")]
    assert found("邮箱 mzj@qh.gov.cn，举报邮箱：jubao@163.com") == []


def test_passport_and_permit():
    assert found("护照号：E12345678；港澳通行证号码：C12345678") == [
        ("passport", "E12345678"),
        ("hk_macau_permit", "C12345678"),
    ]
    assert found("持护照 P1234567 出境") == [("passport", "P1234567")]
    assert found("通行证 CA1234567") == [("hk_macau_permit", "CA1234567")]


def test_address_finer_than_the_township_beside_a_person():
    text = "1. 王五，女，62岁，青龙镇红星村3组12号，因病致贫"
    assert found(text) == [("name", "王五"), ("address", "红星村3组12号")]


def test_address_after_a_residence_label():
    text = "家庭住址：东升街道锦绣社区3栋2单元501室"
    assert found(text) == [("address", "锦绣社区3栋2单元501室")]


def test_project_sites_and_office_addresses_are_not_personal():
    text = "红星村3组道路硬化工程，办公地址：青禾县人民路88号，邮编610000。"
    assert found(text) == []


# --- names ------------------------------------------------------------------------------


def test_gongshi_lines():
    text = "1. 李四，女，1965年3月生\n欧阳娜娜 女 32岁\n（3）诸葛亮 男"
    assert [t for k, t in found(text) if k == "name"] == ["李四", "欧阳娜娜", "诸葛亮"]


def test_name_beside_an_id_number():
    assert found(f"张小明 {ID_B}") == [("name", "张小明"), ("id_card", ID_B)]


def test_official_contacts_in_prose_are_not_names():
    assert found("联系人：王科长，咨询电话：0816-1234567") == []
    assert found("联系人：李老师 13812345678") == [("mobile", "13812345678")]


@pytest.mark.parametrize("sep", ["\t", " | ", "    "])
def test_names_in_table_columns(sep):
    rows = [
        ["序号", "姓名", "性别", "家庭住址", "联系电话"],
        ["1", "张三", "男", "青龙镇红星村3组", "0816-2345678"],
        ["2", "司马相如", "男", "红星社区12号", "13912345678"],
        ["合计", "", "", "", ""],
    ]
    text = "低保对象名单\n" + "\n".join(sep.join(r).strip() for r in rows) + "\n"
    assert found(text) == [
        ("name", "张三"),
        ("address", "红星村3组"),
        ("landline", "0816-2345678"),
        ("name", "司马相如"),
        ("address", "红星社区12号"),
        ("mobile", "13912345678"),
    ]


def test_table_column_accepts_a_rare_surname_and_member_lists():
    text = "户主姓名\t家庭成员\n仉明\t张三、李小红\n"
    assert found(text) == [("name", "仉明"), ("name", "张三"), ("name", "李小红")]


def test_html_table_flattened_one_cell_per_line():
    text = "序号\n姓名\n性别\n身份证号码\n1\n赵六\n男\n" + ID_B + "\n"
    assert found(text) == [("name", "赵六"), ("id_card", ID_B)]


def test_find_personal_info_in_table_uses_the_header():
    rows = [["姓名", "身份证号码", "备注"], ["钱七", "110105194912310021", "无"]]
    assert find_personal_info_in_table(rows) == [
        CellFinding(1, 0, Finding("name", 0, 2, "钱七", 0.95)),
        CellFinding(1, 1, Finding("id_card", 0, 18, "110105194912310021", 0.6)),
    ]


# --- negatives ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "民办函〔2019〕52号",
        "国发〔2012〕45号",
        "索引号：11510000MB0000000X/2024-00012",
        "索引号：000014349/2024-00123",
        "2024年3月1日、2024-03-01、20240301",
        "金额12,345.67元，合计1234567元",
        "邮政编码：610000",
        "依据第三十三条和国务院令第711号",
        "统一社会信用代码：91440300715267 26XG".replace(" ", ""),
        "统一社会信用代码：914403001922038216",
        "准考证号 20240110123",
    ],
)
def test_negatives(text):
    assert found(text) == []


def test_findings_are_sorted_non_overlapping_with_labels():
    text = f"张三 {ID_A} 13812345678 {CARD_19}"
    findings = find_personal_info(text)
    assert [f.kind for f in findings] == ["name", "id_card", "mobile", "bank_card"]
    assert all(a.end <= b.start for a, b in pairwise(findings))
    assert [KIND_LABELS[f.kind] for f in findings] == [
        "姓名",
        "居民身份证号码",
        "手机号码",
        "银行卡号",
    ]


# --- corpus accuracy (not speed) ----------------------------------------------------------


def test_corpus_precision_and_recall_meet_targets():
    tp: dict[str, int] = {}
    fp: dict[str, int] = {}
    fn: dict[str, int] = {}
    for doc in generate(300, seed=7):
        gold = set(doc.spans)
        predicted = {(f.kind, f.start, f.end) for f in find_personal_info(doc.text)}
        for kind, *_ in predicted & gold:
            tp[kind] = tp.get(kind, 0) + 1
        for kind, *_ in predicted - gold:
            fp[kind] = fp.get(kind, 0) + 1
        for kind, *_ in gold - predicted:
            fn[kind] = fn.get(kind, 0) + 1
    for kind in KIND_LABELS:
        hits = tp.get(kind, 0)
        assert hits / max(1, hits + fp.get(kind, 0)) >= 0.97, kind
    for kind, target in {"id_card": 0.99, "mobile": 0.99, "bank_card": 0.99, "name": 0.95}.items():
        hits = tp[kind]
        assert hits / (hits + fn.get(kind, 0)) >= target, kind

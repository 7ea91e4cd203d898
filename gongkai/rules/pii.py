"""Personal information (个人信息) found in a text before it is published.

Cheap regex passes find candidates over the whole text; checksums, table headers and the
line around a candidate decide. Offsets are ``str`` indices into the text given.
Public service numbers (咨询/监督/举报电话 …) and a body's own contacts are not reported.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from itertools import accumulate
from operator import itemgetter, mul
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


# --- identifiers and their check characters ------------------------------------------------

# GB 11643-1999 公民身份号码: ISO 7064 MOD 11-2 check character over the first 17 digits.
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_DAYS = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_MAX_BIRTH_YEAR = datetime.now(UTC).year


_ID_ASCII_OFFSET = ord("0") * sum(_ID_WEIGHTS)


def id_check_char(first17: str) -> str:
    # Bytes iterate as ints: the ASCII offset of '0' is taken off once instead of int() per digit.
    total = sum(map(mul, first17.encode("ascii"), _ID_WEIGHTS)) - _ID_ASCII_OFFSET
    return _ID_CHECK[total % 11]


def _valid_date(year: int, month: int, day: int) -> bool:
    if not (1900 <= year <= _MAX_BIRTH_YEAR and 1 <= month <= 12 and 1 <= day <= _DAYS[month]):
        return False
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return not (month == 2 and day == 29 and not leap)


def id18_date_ok(code: str) -> bool:
    return code[0] in "12345678" and _valid_date(
        int(code[6:10]), int(code[10:12]), int(code[12:14])
    )


def is_valid_id18(code: str) -> bool:
    return (
        len(code) == 18
        and code[:17].isdigit()
        and id18_date_ok(code)
        and id_check_char(code[:17]) == code[17].upper()
    )


def is_valid_id15(code: str) -> bool:
    """Legacy 15-digit number (before 1999): YYMMDD birth date, no check digit."""
    return (
        len(code) == 15
        and code.isdigit()
        and code[0] in "12345678"
        and _valid_date(1900 + int(code[6:8]), int(code[8:10]), int(code[10:12]))
    )


_ZERO = ord("0")
_LUHN_DOUBLE = [0] * _ZERO + [d * 2 - 9 if d > 4 else d * 2 for d in range(10)]


def luhn_ok(digits: str) -> bool:
    """ISO/IEC 7812 Luhn check used by bank card numbers."""
    data = digits.encode("ascii")
    plain = data[-1::-2]
    doubled = sum(map(_LUHN_DOUBLE.__getitem__, data[-2::-2]))
    return (sum(plain) - _ZERO * len(plain) + doubled) % 10 == 0


# GB 32100-2015 统一社会信用代码: 31-character alphabet, weights 3^i mod 31, MOD 31 check.
_CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_VALUE = {c: i for i, c in enumerate(_CREDIT_ALPHABET)}
_CREDIT_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))


_CREDIT_CHARS = frozenset(_CREDIT_ALPHABET)


def credit_code_check_char(first17: str) -> str:
    total = sum(map(mul, map(_CREDIT_VALUE.__getitem__, first17), _CREDIT_WEIGHTS))
    return _CREDIT_ALPHABET[(31 - total % 31) % 31]


def is_credit_code(code: str) -> bool:
    code = code.upper()
    if len(code) != 18 or not _CREDIT_CHARS.issuperset(code):
        return False
    return credit_code_check_char(code[:17]) == code[17]


# --- names ------------------------------------------------------------------------------------

_CJK = "\u4e00-\u9fff"


def _words(text: str) -> list[str]:
    return text.split()


SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
    "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎"
    "贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧"
    "耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍"
    "华喻祁蒲房滕屈饶解牟艾尤阳穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗"
    "瞿桂全佟臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝官封匡鞠惠荆冀"
    "郁胥班储栗燕楚鄢劳谌奚皮粟冼蔺楼满闻厉伊仝郜阚权帅屠朴盖练廉禹井祖漆巴丰卿狄宣晋初扈晁"
    "芮阙浦戈伏鹿薄邸雍辜羊乌母裘亓修邰赫杭况宿鲜逯隆茹诸慕玉亢嵇湛宾戎勾茅於揭尉冶束檀昝"
)
DOUBLE_SURNAMES = frozenset(
    _words(
        "欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 "
        "钟离 独孤 南宫 西门 百里 端木 呼延 澹台 万俟 闻人 申屠 太史 公冶 赫连 第五 "
        "东郭 濮阳 淳于 司空 拓跋 完颜 巫马 左丘 谷梁 梁丘 乐正"
    )
)
_NOT_NAMES = frozenset(
    _words(
        "合计 小计 总计 累计 共计 姓名 户主 本人 配偶 子女 儿子 女儿 父亲 母亲 长子 "
        "长女 次子 次女 孙子 孙女 祖父 祖母 外孙 同上 备注 户名 申请人 联系人 "
        "家庭成员 救助对象 以下空白 空白 汉族 其他 其它 暂无 不详 男性 女性 单身 离异 "
        "丧偶 已婚 未婚 高中 初中 小学 本科 大专 硕士 博士 研究生 中专 党员 群众 "
        "团员 农民 居民 职工 学生 无业 务农 待业 退休"
    )
)
# Characters that almost never occur in a personal name but often in words before 男/女 or IDs.
_NOT_NAME_CHARS = frozenset(
    "村镇乡县区市省组社局委会院校站厂店司部处科室办计共等的了在是与及或对被由从于以按据"
    "已未不年日岁号户项类型级别员单表证款费额补贴障困难残疾供养救临拟录示下通知"
    "规条例第章节附件性龄族址话码总数量"
)
_PLACEHOLDER = frozenset("某×*＊Ｘ")
# 李老师, 王科长: a form of address for staff, not a name that identifies a person.
_TITLES = tuple(
    _words(
        "老师 科长 主任 书记 同志 先生 女士 小姐 经理 局长 镇长 乡长 村长 所长 站长 会计 "
        "委员 干部 专干 师傅 医生 大夫 警官 律师"
    )
)


def name_confidence(token: str, *, column: bool) -> float:
    """0 when ``token`` is not a plausible Chinese personal name; ``column`` relaxes the check."""
    t = token.replace(" ", "").replace("\u3000", "") if " " in token or "\u3000" in token else token
    if not 2 <= len(t) <= 4 or t in _NOT_NAMES or not _PLACEHOLDER.isdisjoint(t[1:]):
        return 0.0
    if (len(t) > 2 and t.endswith(_TITLES)) or t[1:] in ("总", "工"):
        return 0.0
    if not column and not _NOT_NAME_CHARS.isdisjoint(t[1:]):
        return 0.0
    if t[:2] in DOUBLE_SURNAMES and len(t) >= 3:
        return 0.95
    if t[0] in SURNAMES and len(t) <= (4 if column else 3):
        return 0.95 if column else 0.9
    return 0.75 if column and t[0] not in _NOT_NAME_CHARS else 0.0


# --- table headers ------------------------------------------------------------------------------

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


# --- context labels before a candidate ----------------------------------------------------------

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


# --- candidate patterns ---------------------------------------------------------------------------

# 工业和信息化部《电信网编号计划》: mobiles 1[3-9]X + 8 digits; landlines 0 + 2–3 digit area
# code + 7–8 digit local number. ISO/IEC 7812: card numbers of 16–19 digits, Luhn checked.
_GLUE = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz/\\-._@")
_NUM_TOKEN_RE = re.compile(r"\d{3}(?:\d{4,}|\d{0,3}[- ]\d{3,})(?:[- ]\d{3,})*[Xx]?")
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
_TOKEN_RE = re.compile(r"\S+")
_PLUS_ONE = (1).__add__
_MINUS_ONE = (-1).__add__
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
_SKIP_LABELS = frozenset({"public", "code", "credit"})


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _split(line: str, sep: str | None) -> list[tuple[int, int]]:
    """Cell spans within a table line (not stripped); ``sep`` None splits on whitespace runs."""
    if sep is None:
        return [m.span() for m in _TOKEN_RE.finditer(line)]
    parts = line.split(sep)
    ends = list(accumulate(map(_PLUS_ONE, map(len, parts))))
    spans = list(zip([0, *ends[:-1]], map(_MINUS_ONE, ends), strict=True))
    if sep == "|":
        if not parts[-1].strip():
            spans.pop()
        if spans and not parts[0].strip():
            spans.pop(0)
    return spans


# The rows of a table: the lines after its header that still have cells.
_ROWS_RE = {
    "\t": re.compile(r"(?:[^\n]*\t[^\n]*(?:\n|\Z))*"),
    "|": re.compile(r"(?:[^\n]*\|[^\n]*\|[^\n]*(?:\n|\Z))*"),
    None: re.compile(r"(?:[ \t\u3000]*\S+[ \t\u3000]+\S[^\n]*(?:\n|\Z))*"),
}


@cache
def _column_pattern(sep: str | None, col: int) -> re.Pattern[str]:
    """The ``col``-th cell of every row, found by the regex engine rather than a Python loop."""
    if sep is None:
        return re.compile(rf"(?m)^[ \t\u3000]*(?:\S+[ \t\u3000]+){{{col}}}(\S+)")
    cell = rf"[^{re.escape(sep)}\n]*"
    return re.compile(rf"(?m)^(?:{cell}{re.escape(sep)}){{{col}}}({cell})")


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


def _ethnic_name(token: str, *, column: bool) -> float:
    """Transliterated names written with a middle dot (阿依古丽·买买提)."""
    ok = ("·" in token or "•" in token) and 3 <= len(token) <= 17
    return (0.75 if column else 0.8) if ok else 0.0


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


@dataclass(frozen=True)
class _Table:
    """A table whose header names a person column; rows are text[start:end]."""

    start: int
    end: int
    sep: str | None  # "\t", "|", None for whitespace-aligned, "\n" for one cell per line
    roles: tuple[str | None, ...]
    lead: int = 0  # separators before the first cell ("| 1 | 张三 |")


class _Scan:
    """One detection run over a text: findings plus the context that decides them."""

    def __init__(self, text: str, *, tab_table: bool = False) -> None:
        self.text = text
        self.tab_table = tab_table
        self.found: list[_Hit] = []
        self.free: list[_Hit] = []  # hits outside person tables, set by _names
        self.deferred: list[tuple[_Hit, str | None]] = []
        self.tables: list[_Table] = []
        self.table_starts: list[int] = []

    def run(self) -> list[Finding]:
        self._tables()
        self._numbers()
        self._names()
        self._contextual()
        self._emails()
        self._documents()
        text = self.text
        return [
            _finding(h.kind, h.start, h.end, text[h.start : h.end], h.confidence)
            for h in _resolve(self.found)
        ]

    def _add(self, kind: str, start: int, end: int, confidence: float) -> None:
        self.found.append(_Hit(kind, start, end, confidence))

    def _outside_tables(self) -> list[_Hit]:
        """Hits outside person tables, by one sweep over hits and tables in text order."""
        hits = sorted(self.found, key=_BY_SPAN)
        if not self.tables:
            return hits
        out, tables, t = [], self.tables, 0
        for hit in hits:
            while t < len(tables) and tables[t].end <= hit.start:
                t += 1
            if t == len(tables) or hit.start < tables[t].start:
                out.append(hit)
        return out

    def _table_of(self, pos: int) -> _Table | None:
        i = bisect_right(self.table_starts, pos) - 1
        return self.tables[i] if i >= 0 and pos < self.tables[i].end else None

    def _in_person_table(self, pos: int) -> bool:
        return self._table_of(pos) is not None

    def _role_at(self, pos: int) -> str | None:
        """Role of the column (id/phone/address/bank/code/…) whose cell holds ``pos``."""
        table = self._table_of(pos)
        if table is None:
            return None
        text = self.text
        if table.sep == "\n":
            col = text.count("\n", table.start, pos) % len(table.roles)
        else:
            before = text[text.rfind("\n", 0, pos) + 1 : pos]
            col = len(before.split()) if table.sep is None else before.count(table.sep) - table.lead
        role = table.roles[col] if 0 <= col < len(table.roles) else None
        return None if role in ("name", "other") else role

    # tables ----------------------------------------------------------------------------------

    def _tables(self) -> None:
        text, done = self.text, 0
        for m in _HEADER_HIT_RE.finditer(text):
            if m.start() >= done:
                start = text.rfind("\n", 0, m.start()) + 1
                done = self._table_at(start, _line_end(text, m.end()))

    def _table_at(self, start: int, end: int) -> int:
        text = self.text
        line = text[start:end]
        sep = "\t" if self.tab_table or "\t" in line else "|" if line.count("|") >= 2 else None
        header = _split(line, sep)
        if len(header) < 2:
            return self._vertical_table(start, end)
        roles = tuple(header_role(line[s:e]) for s, e in header)
        if sum(r is None for r in roles) > 1 or "name" not in roles:
            return end
        rows_end = _ROWS_RE[sep].match(text, min(end + 1, len(text))).end()
        lead = int(sep == "|" and line.lstrip().startswith("|"))
        self._register(_Table(end + 1, rows_end, sep, roles, lead))
        return rows_end

    def _vertical_table(self, start: int, end: int) -> int:
        """HTML tables flattened to one cell per line: a block of header lines, then cells."""
        text = self.text
        while start > 1:
            prev = text.rfind("\n", 0, start - 1) + 1
            if _vertical_role(text[prev : start - 1]) is None:
                break
            start = prev
        header, pos = [], start
        while pos < len(text):
            line_end = _line_end(text, pos)
            role = _vertical_role(text[pos:line_end])
            if role is None:
                break
            header.append(role)
            pos = line_end + 1
        if len(header) < 3 or "name" not in header:
            return end
        rows_start = row_end = pos
        while pos < len(text):
            for _ in header:
                line_end = _line_end(text, pos)
                if pos >= len(text) or line_end == pos or line_end - pos > 60:
                    break
                pos = line_end + 1
            else:
                row_end = pos
                continue
            break
        self._register(_Table(rows_start, row_end, "\n", tuple(header)))
        return row_end

    def _register(self, table: _Table) -> None:
        """Record a table, then read its name and address columns."""
        if table.end <= table.start:
            return
        self.tables.append(table)
        self.table_starts.append(table.start)
        column = table.sep is not None
        for i, role in enumerate(table.roles):
            if role in ("name", "address"):
                for start, end in self._column_cells(table, i):
                    if role == "name":
                        self._name_cell(start, end, column=column)
                    else:
                        self._address_cell(start, end)

    def _column_cells(self, table: _Table, col: int) -> Iterator[tuple[int, int]]:
        if table.sep == "\n":
            text, pos, width = self.text, table.start, len(table.roles)
            for i, line in enumerate(text[table.start : table.end].split("\n")):
                if i % width == col:
                    yield pos, pos + len(line)
                pos += len(line) + 1
            return
        pattern = _column_pattern(table.sep, col + table.lead)
        for m in pattern.finditer(self.text, table.start, table.end):
            yield m.span(1)

    def _name_cell(self, start: int, end: int, *, column: bool) -> bool:
        cell = self.text[start:end]
        if cell[:1].isspace() or cell[-1:].isspace():
            start += len(cell) - len(cell.lstrip())
            cell = cell.strip()
            end = start + len(cell)
        if not cell:
            return False
        if (len(cell) <= 4 and cell.isalpha()) or _SPACED_NAME_RE.fullmatch(cell):
            conf = name_confidence(cell, column=column)
            if conf:
                self._add("name", start, end, conf)
            return bool(conf)
        named = False
        for m in _NAME_TOKEN_RE.finditer(cell):
            token = m.group()
            conf = name_confidence(token, column=column) or _ethnic_name(token, column=column)
            if conf:
                self._add("name", start + m.start(), start + m.end(), conf)
                named = True
        return named

    def _address_cell(self, start: int, end: int) -> None:
        cell = self.text[start:end]
        start += len(cell) - len(cell.lstrip())
        end = start + len(cell.strip())
        cut = _cut_fine(self.text[start:end])
        if cut is not None:
            self._add("address", start + cut, end, 0.9)

    # numbers ---------------------------------------------------------------------------------

    def _numbers(self) -> None:
        text = self.text
        for m in _NUM_TOKEN_RE.finditer(text):
            start, end = m.span()
            if start and text[start - 1] in _NOT_BEFORE:
                continue
            after = text[end : end + 1]
            if after and (
                after in _NOT_AFTER or (after in ".．" and text[end + 1 : end + 2].isdigit())
            ):
                continue
            token = m.group()
            if "-" in token or " " in token:
                self._token_parts(token, start)
            else:
                self._digit_run(token, start, end)
        for m in _PAREN_AREA_RE.finditer(text):
            styled = _STYLED_RE.match(text, m.start())
            if styled and styled.lastgroup == "tel":
                self._landline(m.start(), styled.end())

    def _token_parts(self, token: str, offset: int) -> None:
        """Numbers with separators (138-1234-5678, 0816-1234567, 6222 0212 3456 7890), or
        several numbers of a space-separated row read as one token."""
        for m in _TOKEN_PART_RE.finditer(token):
            start, end, group = offset + m.start(), offset + m.end(), m.lastgroup
            if group == "run":
                if end - start >= 7:
                    self._digit_run(m.group(), start, end)
            elif group == "grp":
                digits = m.group().replace(" ", "").replace("-", "")
                self._bank(digits, start, end, self._role_at(start))
            elif group == "mob":
                prefix = _MOBILE_PREFIX_RE.search(self.text, max(0, start - 5), start)
                self._mobile(prefix.start() if prefix else start, end)
            else:
                self._landline(start, end)

    def _digit_run(self, raw: str, start: int, end: int) -> None:
        """Classify a plain run of 7–22 digits: mobile, ID (checked), card (Luhn), landline."""
        n, text = len(raw), self.text
        if (n == 11 and raw[0] == "1" and raw[1] in "3456789") or (
            n in (13, 15) and raw.startswith(("861", "00861")) and raw[-10] in "3456789"
        ):
            prefixed = n == 11 and text[start - 1 : start] in (" ", "-", "6")
            prefix = _MOBILE_PREFIX_RE.search(text, max(0, start - 5), start) if prefixed else None
            self._mobile(
                prefix.start() if prefix else start - (text[start - 1 : start] == "+"), end
            )
            return
        if text[start - 1 : start] == "+":
            return
        if n == 18 and raw[:17].isdigit() and is_valid_id18(raw):
            # A second reading (card number, credit code) is checked only where it could occur.
            table = self._table_of(start)
            if table is None:
                credit = is_credit_code(raw) and _label_before(text, start) == "credit"
                if not credit:
                    self._add("id_card", start, end, 0.99)
            elif "bank" in table.roles and luhn_ok(raw) and self._role_at(start) == "bank":
                self._add("bank_card", start, end, 0.9)
            else:
                self._add("id_card", start, end, 0.99)
            return
        role = self._role_at(start)
        weak_id_or_code = n == 18 and (self._weak_id(raw, start, end, role) or is_credit_code(raw))
        if weak_id_or_code or raw[-1] in "Xx":
            return
        if n == 15 and role != "bank" and is_valid_id15(raw):
            context = role == "id" or _label_before(text, start) == "id"
            finding = _Hit("id_card", start, end, 0.8 if context else 0.65)
            self.deferred.append((finding, None if context else "line"))
        elif not self._bank(raw, start, end, role):
            self._phone_digits(raw, start, end, role)

    def _bank(self, digits: str, start: int, end: int, role: str | None) -> bool:
        n = len(digits)
        if not 12 <= n <= 22:
            return False
        label = role or _label_before(self.text, start)
        if 16 <= n <= 19 and luhn_ok(digits):
            if label == "bank":
                self._add("bank_card", start, end, 0.97)
                return True
            # Only UnionPay (62) is taken on its prefix alone; 4/5/60/9 need a 卡号 context.
            if digits.startswith("62") and label not in _SKIP_LABELS and label != "id":
                self._add("bank_card", start, end, 0.85)
                return True
        if label == "bank":
            self._add("bank_card", start, end, 0.6)
            return True
        return False

    def _weak_id(self, raw: str, start: int, end: int, role: str | None) -> bool:
        """An 18-character number with a bad check character where the context says 身份证."""
        if id18_date_ok(raw) and (role or _label_before(self.text, start)) == "id":
            self._add("id_card", start, end, 0.6)
            return True
        return False

    def _mobile(self, start: int, end: int) -> None:
        table = self._table_of(start)
        if table is None:
            role = None
        elif "code" in table.roles:
            role = self._role_at(start)
            if role == "code":
                return
        else:  # no column that could hold an 11-digit code: the exact column is not needed
            role = "phone" if "phone" in table.roles else None
        label = role or _label_before(self.text, start)
        if label not in _SKIP_LABELS:
            conf = 0.98 if label == "phone" else 0.95
            self._add("mobile", start, end, conf)

    def _landline(self, start: int, end: int) -> None:
        """Landlines are personal only beside a person: in a phone column of a table with a
        name column, on a line with a name or ID number, or after 电话 within a record that
        names someone (decided in _contextual). Office numbers (咨询/监督电话) never count."""
        if self._role_at(start) == "phone":
            self._add("landline", start, end, 0.9)
        elif _label_before(self.text, start) not in _SKIP_LABELS:
            finding = _Hit("landline", start, end, 0.85)
            self.deferred.append((finding, "near"))

    def _phone_digits(self, raw: str, start: int, end: int, role: str | None) -> None:
        """Landlines written without separators: in a phone column or after a phone label."""
        if raw[0] == "0" and 10 <= len(raw) <= 12:
            if role == "phone":
                self._add("landline", start, end, 0.85)
            elif _label_before(self.text, start) == "phone":
                self.deferred.append((_Hit("landline", start, end, 0.8), "near"))
        elif 7 <= len(raw) <= 8 and role == "phone":
            self._add("landline", start, end, 0.7)

    # names -----------------------------------------------------------------------------------

    def _names(self) -> None:
        """公示 lines (张三，男，…), 姓名：/申请人： labels, and a name just before an ID,
        phone or card number on the same line. Table columns were read in _tables."""
        text = self.text
        for g in _GENDER_RE.finditer(text):
            if self.tables and self._in_person_table(g.start()):
                continue
            m = _NAME_BEFORE_GENDER_RE.search(text, max(0, g.start() - 10), g.start())
            conf = name_confidence(m.group(1), column=False) if m else 0.0
            if conf:
                self._add("name", m.start(1), m.end(1), conf)
        if "·" in text or "•" in text:
            self._ethnic_names()
        for m in _LABEL_NAME_RE.finditer(text):
            conf = name_confidence(m.group(1), column=False)
            if conf:
                self._add("name", m.start(1), m.end(1), conf)
        self.free = self._outside_tables()
        named = {text.rfind("\n", 0, f.start) + 1 for f in self.free if f.kind == "name"}
        for f in list(self.free):
            if f.kind in ("id_card", "mobile", "bank_card"):
                line_start = text.rfind("\n", 0, f.start) + 1
                if line_start not in named:
                    self._name_beside(line_start, f.start)

    def _ethnic_names(self) -> None:
        """阿依古丽·买买提，女，… in 公示 lines."""
        text, pos = self.text, 0
        while (pos := _find_dot(text, pos)) >= 0:
            back = _ETHNIC_BACK_RE.search(text, max(0, pos - 8), pos)
            fwd = _ETHNIC_FWD_RE.match(text, pos + 1)
            if back and fwd and _GENDER_AFTER_RE.match(text, fwd.end()):
                self._add("name", back.start(), fwd.end(), 0.8)
            pos += 1

    def _name_beside(self, line_start: int, pos: int) -> None:
        m = _BESIDE_RE.search(self.text, max(line_start, pos - 40), pos)
        if m:
            conf = name_confidence(m.group(1), column=False)
            if conf:
                hit = _Hit("name", m.start(1), m.end(1), min(conf, 0.85))
                self.found.append(hit)
                self.free.append(hit)

    # context: landlines, legacy IDs and addresses count only next to a person ----------------

    def _contextual(self) -> None:
        """Keep deferred landlines and 15-digit IDs that sit beside a person; find addresses on
        lines about a person and after 住址-like labels."""
        text = self.text
        people = sorted(f.end for f in self.free if f.kind in ("name", "id_card"))
        lines = {
            text.rfind("\n", 0, f.start) + 1 for f in self.free if f.kind in ("name", "id_card")
        }

        def near(pos: int) -> bool:
            i = bisect_right(people, pos) - 1
            return i >= 0 and pos - people[i] <= 150 and "\n\n" not in text[people[i] : pos]

        for finding, need in self.deferred:
            if (
                need is None
                or text.rfind("\n", 0, finding.start) + 1 in lines
                or self._in_person_table(finding.start)
                or (
                    need == "near"
                    and near(finding.start)
                    and _label_before(text, finding.start) == "phone"
                )
            ):
                self.found.append(finding)
        for line_start in sorted(lines):
            self._addresses_in(line_start, _line_end(text, line_start), 0.8)
        for m in _ADDR_LABEL_HIT_RE.finditer(text):
            line_start = text.rfind("\n", 0, m.start()) + 1
            if line_start not in lines and not self._in_person_table(m.start()):
                self._addresses_in(m.end(), _line_end(text, m.end()), 0.9)

    def _addresses_in(self, start: int, end: int, confidence: float) -> None:
        text, covered = self.text, start
        for m in _ADDR_ANCHOR_RE.finditer(text, start, end):
            if m.start() < covered:
                continue
            back = _ADDR_BACK_RE.search(text, max(start, m.start() - 40), m.start())
            run_start = back.start() if back else m.start()
            covered = _ADDR_MORE_RE.match(text, m.end()).end()
            cut = _cut_fine(text[run_start:covered])
            if cut is not None:
                self._add("address", run_start + cut, covered, confidence)

    # e-mail, passports and 港澳通行证 ----------------------------------------------------------

    def _emails(self) -> None:
        text = self.text
        if "@" not in text:
            return
        at = text.find("@")
        while at >= 0:
            local = _EMAIL_LOCAL_RE.search(text, max(0, at - 64), at)
            domain = _EMAIL_DOMAIN_RE.match(text, at + 1)
            public = (
                not local
                or not domain
                or domain.group().lower().endswith(".gov.cn")
                or _label_before(text, local.start()) in _SKIP_LABELS
            )
            if not public:
                self._add("email", local.start(), domain.end(), 0.9)
            at = text.find("@", at + 1)

    def _documents(self) -> None:
        text = self.text
        for m in _DOC_HIT_RE.finditer(text):
            start, end, value = m.start(), m.end(), m.group()
            if start and text[start - 1] in _GLUE:
                continue
            context = self._role_at(start) or _label_before(text, start)
            if context in _SKIP_LABELS:
                continue
            if _PERMIT_RE.fullmatch(value):
                self._add("hk_macau_permit", start, end, 0.95 if context == "permit" else 0.75)
            elif _PASSPORT_RE.fullmatch(value):
                self._add("passport", start, end, 0.95 if context == "passport" else 0.75)
            elif context == "passport":
                self._add("passport", start, end, 0.85)
            elif context == "permit":
                self._add("hk_macau_permit", start, end, 0.85)


def _find_dot(text: str, pos: int) -> int:
    a, b = text.find("·", pos), text.find("•", pos)
    return b if a < 0 else a if b < 0 else min(a, b)


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


def find_personal_info(text: str) -> list[Finding]:
    """Personal information in ``text``, sorted and non-overlapping."""
    return _Scan(text).run()


def find_personal_info_in_table(rows: Sequence[Sequence[object]]) -> list[CellFinding]:
    """Findings per cell of a table whose header row guides detection (姓名, 身份证号 …).

    Cells are joined with tabs and newlines and scanned as one text, so the header of each
    column gives its cells their context; offsets come back relative to each cell.
    """
    clean = [[_flat(c) for c in row] for row in rows]
    starts: list[int] = []
    where: list[tuple[int, int, int]] = []
    pos = 0
    for r, row in enumerate(clean):
        for c, cell in enumerate(row):
            starts.append(pos)
            where.append((r, c, len(cell)))
            pos += len(cell) + 1
        if not row:
            pos += 1
    text = "\n".join("\t".join(row) for row in clean)
    out = []
    for f in _Scan(text, tab_table=True).run():
        i = bisect_right(starts, f.start) - 1
        r, c, size = where[i]
        offset = starts[i]
        if f.end <= offset + size:
            local = Finding(f.kind, f.start - offset, f.end - offset, f.text, f.confidence)
            out.append(CellFinding(r, c, local))
    return out


def _flat(cell: object) -> str:
    text = "" if cell is None else str(cell)
    return text.replace("\t", " ").replace("\r", " ").replace("\n", " ")

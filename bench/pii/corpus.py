"""Deterministic labeled corpus of county-site texts for the personal-information detector.

Every document is text plus gold spans (kind, start, end). The shapes are those county
disclosure pages use: 低保/特困/临时救助 公示 tables, 公示 lines, 拟录用人员公示, 补贴发放名单,
application records, flattened HTML tables, and negatives (notices, policy texts, company lists)
full of 文号, dates, amounts, credit codes, postal codes, 索引号, public phone numbers and
identifiers with wrong check digits. All names and numbers are synthetic.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from gongkai.rules.pii import credit_code_check_char, id_check_char


def _words(text: str) -> list[str]:
    return text.split()


SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
    "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾"
    "毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关"
)
DOUBLE_SURNAMES = ("欧阳", "司马", "诸葛", "上官", "皇甫", "令狐", "慕容", "司徒", "夏侯", "尉迟")
GIVEN = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建红梅玉志海燕春金凤德福辉文斌鹏宇浩"
    "凯婷雪琳晶欣怡佳子涵轩博晨俊峰波林云飞亮成龙兵鑫新荣贵彬玲萍莉芬琴蓉翠珍淑慧巧美娇宏东"
    "旭诚勤永长清泉山树根发富生喜顺安宝忠义礼秋冬菊莲琼珠翔瑞祥茂盛兴旺和友仁"
)
ETHNIC = ("阿依古丽·买买提", "艾力·托合提", "古丽娜尔·吐尔逊", "扎西·次仁")
REGIONS = _words(
    "110105 110108 120101 130102 140105 210102 220102 230102 310104 320102 330106 340104 350102 "
    "360102 370102 410105 420111 430104 440305 450102 460105 500101 510104 510107 510132 511621 "
    "520102 530102 540102 610113 620102 630102 640104 650102 511323 510921 431121 433101 522422"
)
BINS = tuple(
    (b, int(n))
    for b, n in (
        item.split(":")
        for item in _words(
            "622202:19 621700:19 622848:19 621661:19 621799:19 623668:19 622588:16 621483:16 "
            "622262:19 625965:16"
        )
    )
)
MOBILE_PREFIXES = _words(
    "130 131 132 133 135 136 137 138 139 150 151 152 153 155 157 158 159 166 177 180 181 182 183 "
    "186 187 188 189 198 199"
)
AREA_CODES = _words("0816 028 0838 0817 010 0831 0755 0851")
TOWNS = _words("青龙镇 白马镇 石板乡 新华街道 城关镇 河口镇 永兴乡 东升街道 金山镇")
VILLAGES = _words(
    "红星 光明 新民 和平 胜利 团结 金桥 石桥 双河 柳树 桃园 龙泉 白鹤 青山 高峰 新市 大田 松林"
)
COMMUNITIES = _words("东城 西街 南门 文化 滨江 锦绣 阳光 幸福")
ROADS = _words("人民路 建设路 解放街 文化巷 滨江大道 中山路 府河街 桂花巷")
GROUP_NAMES = _words("张家湾 李家沟 大坪 石坝")
COUNTY = "青禾县"
DOCNOS = _words(
    "民办函〔2019〕52号 国发〔2012〕45号 民发〔2021〕57号 川民发〔2022〕18号 青府办发〔2024〕7号 "
    "国办发〔2020〕41号"
)
STATUTES = _words("第三十三条 第十九条 第二十条第（五）项 国务院令第711号 第四十二条")
POLICY_SENTENCES = (
    "依据《政府信息公开条例》{statute}和{docno}，自{date}起，城市低保标准提高到每人每月{n}元，",
    "全县安排资金{amount}，较{compact}增长{pct}，资金由县财政局于每月10日前拨付到位。",
    "乡镇人民政府（街道办事处）应当在受理申请之日起{n}个工作日内完成入户调查，并按规定公示。",
    "对符合条件的困难群众，按照{docno}规定给予临时救助，单次救助金额原则上不超过{amount}。",
    "县民政局应当建立健全社会救助家庭经济状况核对机制，核对结果作为审核确认的重要依据。",
    "特困人员供养标准按照不低于当地低保标准的1.3倍确定，{date}起执行，所需资金{amount}。",
    "各地要加强政策宣传，通过政府网站、政务新媒体、村务公开栏等渠道公开救助政策和办理流程。",
)
NEWS_SENTENCES = (
    "{date}，{town}组织开展社会救助政策宣传活动，发放宣传资料{n}余份，解答群众咨询{n}人次。",
    "会议指出，要认真贯彻落实{docno}精神，进一步提升政务公开标准化规范化水平。",
    "今年以来，全县累计发放各类救助资金{amount}，惠及困难群众{n}人，同比增长{pct}。",
    "{town}{village}村完成道路硬化{n}米，{road}改造工程已完成总工程量的{pct}。",
    "下一步，县民政局将持续开展低保专项治理，确保应保尽保、应退尽退，做到公开透明。",
    "检查组一行深入{town}便民服务中心，实地查看政务公开专区建设和办事指南公开情况。",
)


@dataclass(frozen=True)
class Document:
    shape: str
    text: str
    spans: tuple[tuple[str, int, int], ...]


class _Builder:
    def __init__(self, shape: str) -> None:
        self.shape, self.parts, self.size, self.spans = shape, [], 0, []

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.size += len(text)

    def pii(self, kind: str | None, text: str) -> None:
        if kind:
            self.spans.append((kind, self.size, self.size + len(text)))
        self.add(text)

    def address(self, town: str, fine: str) -> None:
        self.add(town)
        self.pii("address", fine)

    def build(self) -> Document:
        return Document(self.shape, "".join(self.parts), tuple(self.spans))


class _Faker:
    """Synthetic identities: valid IDs (GB 11643 check digit), Luhn cards, phones, names."""

    def __init__(self, rng: random.Random) -> None:
        self.r = rng

    def name(self) -> str:
        r = self.r
        if r.random() < 0.02:
            return r.choice(ETHNIC)
        surname = r.choice(DOUBLE_SURNAMES) if r.random() < 0.04 else r.choice(SURNAMES)
        return surname + "".join(r.choice(GIVEN) for _ in range(r.choice((1, 2, 2, 2))))

    def birth(self) -> tuple[int, int, int]:
        return self.r.randint(1935, 2012), self.r.randint(1, 12), self.r.randint(1, 28)

    def id18(self, *, valid: bool = True) -> str:
        y, m, d = self.birth()
        body = f"{self.r.choice(REGIONS)}{y:04d}{m:02d}{d:02d}{self.r.randint(0, 999):03d}"
        check = id_check_char(body)
        if not valid:
            check = self.r.choice([c for c in "0123456789" if c != check])
        elif check == "X" and self.r.random() < 0.3:
            check = "x"
        return body + check

    def id15(self) -> str:
        y, m, d = self.birth()
        return f"{self.r.choice(REGIONS)}{y % 100:02d}{m:02d}{d:02d}{self.r.randint(0, 999):03d}"

    def card(self, *, valid: bool = True) -> str:
        prefix, length = self.r.choice(BINS)
        body = prefix + "".join(str(self.r.randint(0, 9)) for _ in range(length - 7))
        check = _luhn_digit(body)
        return body + (check if valid else str((int(check) + self.r.randint(1, 9)) % 10))

    def passbook(self) -> str:
        while True:
            number = "8807" + "".join(str(self.r.randint(0, 9)) for _ in range(13))
            if _luhn_digit(number[:-1]) != number[-1]:
                return number

    def mobile(self, *, styled: bool = False) -> str:
        number = self.r.choice(MOBILE_PREFIXES) + f"{self.r.randint(0, 99_999_999):08d}"
        if styled:
            sep = self.r.choice(("-", " "))
            return f"{number[:3]}{sep}{number[3:7]}{sep}{number[7:]}"
        return number

    def landline(self) -> str:
        area = self.r.choice(AREA_CODES)
        local = str(self.r.randint(2, 8)) + "".join(
            str(self.r.randint(0, 9)) for _ in range(7 if len(area) == 3 else 6)
        )
        return f"({area}){local}" if self.r.random() < 0.15 else f"{area}-{local}"

    def town(self) -> str:
        return self.r.choice(TOWNS)

    def fine_address(self) -> str:
        r = self.r
        shape = r.random()
        if shape < 0.45:
            return f"{r.choice(VILLAGES)}村{r.randint(1, 12)}组"
        if shape < 0.55:
            return f"{r.choice(VILLAGES)}村{r.choice('一二三四五六七八九十')}组"
        if shape < 0.62:
            return f"{r.choice(VILLAGES)}村{r.choice(GROUP_NAMES)}组"
        if shape < 0.72:
            return f"{r.choice(VILLAGES)}村{r.randint(1, 9)}组{r.randint(1, 80)}号"
        if shape < 0.86:
            room = f"{r.randint(1, 18)}0{r.randint(1, 4)}"
            return f"{r.choice(COMMUNITIES)}社区{r.randint(1, 20)}栋{r.randint(1, 4)}单元{room}室"
        return f"{r.choice(ROADS)}{r.randint(1, 300)}号"

    def email(self) -> str:
        user = "".join(self.r.choice("abcdefghjkmnpqrstwxyz") for _ in range(self.r.randint(4, 9)))
        return f"{user}{self.r.randint(1, 99)}@{self.r.choice(('163.com', 'qq.com', '126.com', 'sina.com'))}"

    def passport(self) -> str:
        if self.r.random() < 0.5:
            return f"E{self.r.randint(0, 99_999_999):08d}"
        return f"E{self.r.choice('ABCDEFGHJKLMN')}{self.r.randint(0, 9_999_999):07d}"

    def permit(self) -> str:
        if self.r.random() < 0.5:
            return f"C{self.r.randint(0, 99_999_999):08d}"
        return f"C{self.r.choice('ABCDEFGHJKLMN')}{self.r.randint(0, 9_999_999):07d}"

    def credit_code(self, *, digits_only: bool = False) -> str:
        r = self.r
        while True:
            if digits_only:
                body = "12" + r.choice(REGIONS) + "".join(str(r.randint(0, 9)) for _ in range(9))
            else:
                tail = "".join(r.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(7))
                body = "91" + r.choice(REGIONS) + "MA" + tail
            code = body + credit_code_check_char(body)
            if not digits_only or code.isdigit():
                return code

    def date(self) -> str:
        return f"2024年{self.r.randint(1, 12)}月{self.r.randint(1, 28)}日"

    def amount(self) -> str:
        value = self.r.randint(100, 9_999_999) / 100
        return f"{value:,.2f}元" if self.r.random() < 0.5 else f"{int(value)}元"


def _luhn_digit(body: str) -> str:
    total = 0
    for i, c in enumerate(reversed(body)):
        d = int(c)
        if i % 2 == 0:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return str((10 - total % 10) % 10)


HEADERS = {
    "seq": ("序号",),
    "name": ("姓名", "户主姓名", "申请人", "救助对象", "户主"),
    "gender": ("性别",),
    "age": ("年龄",),
    "birth": ("出生年月",),
    "id": ("身份证号码", "身份证号", "公民身份号码"),
    "members": ("家庭成员",),
    "people": ("家庭人口", "保障人数"),
    "phone": ("联系电话", "手机号码", "联系方式"),
    "address": ("家庭住址", "住址", "居住地址"),
    "amount": ("保障金额（元）", "救助金额（元）", "补贴金额（元）", "月保障金"),
    "bank": ("银行卡号", "社保卡号", "一卡通账号"),
    "category": ("保障类别", "救助类别"),
    "reason": ("救助事由",),
    "village": ("所在村",),
    "edu": ("学历",),
    "school": ("毕业院校",),
    "exam": ("准考证号",),
    "post": ("拟录用职位",),
    "email": ("电子邮箱",),
    "area": ("补贴面积（亩）",),
    "doc_type": ("证件类型",),
    "doc_no": ("证件号码",),
    "unit": ("工作单位",),
}
Cell = tuple[str, list[tuple[str, int, int]]]


class _Shapes:
    """Document generators; each returns one labeled Document."""

    def __init__(self, rng: random.Random) -> None:
        self.r = rng
        self.f = _Faker(rng)

    # cells ---------------------------------------------------------------------------------

    def cell(self, col: str, sep: str | None) -> Cell:
        r, f = self.r, self.f
        if col == "name":
            name = f.name()
            if sep == "\t" and len(name) == 2 and r.random() < 0.1:
                name = f"{name[0]}  {name[1]}"
            return name, [("name", 0, len(name))]
        if col == "members":
            names = [f.name() for _ in range(r.randint(1, 3))]
            text, spans = "", []
            for name in names:
                text += "、" if text else ""
                spans.append(("name", len(text), len(text) + len(name)))
                text += name
            return text, spans
        if col == "id":
            roll = r.random()
            value = f.id15() if roll < 0.03 else f.id18(valid=roll >= 0.06)
            return value, [("id_card", 0, len(value))]
        if col == "phone":
            if r.random() < 0.25:
                value, kind = f.landline(), "landline"
            else:
                value, kind = f.mobile(styled=sep in ("\t", "|") and r.random() < 0.2), "mobile"
            return value, [(kind, 0, len(value))]
        if col == "address":
            town, fine = (
                ("", f.fine_address()) if r.random() < 0.3 else (f.town(), f.fine_address())
            )
            return town + fine, [("address", len(town), len(town) + len(fine))]
        if col == "bank":
            value = f.card() if r.random() < 0.85 else f.passbook()
            return value, [("bank_card", 0, len(value))]
        if col == "email":
            value = f.email()
            return value, [("email", 0, len(value))]
        return self.plain(col), []

    def plain(self, col: str) -> str:
        r = self.r
        values = {
            "gender": lambda: r.choice("男女"),
            "age": lambda: str(r.randint(18, 95)),
            "birth": lambda: f"{r.randint(1960, 2002)}.{r.randint(1, 12):02d}",
            "people": lambda: str(r.randint(1, 6)),
            "amount": lambda: f"{r.randint(200, 3000)}.00",
            "category": lambda: r.choice(("A类", "B类", "C类", "全额", "差额")),
            "reason": lambda: r.choice(("因病", "因灾", "因学", "突发事件", "意外伤害")),
            "village": lambda: r.choice(VILLAGES) + "村",
            "edu": lambda: r.choice(("本科", "硕士研究生", "大专")),
            "school": lambda: r.choice(
                ("四川大学", "西南交通大学", "四川农业大学", "成都理工大学")
            ),
            "exam": lambda: (
                f"{r.randint(10_000_000_000, 99_999_999_999)}"
                if r.random() < 0.5
                else f"2024{r.randint(1_000_000, 9_999_999)}"
            ),
            "post": lambda: r.choice(("乡镇综合岗", "财务岗", "农业技术岗", "社会工作岗")),
            "area": lambda: f"{r.randint(1, 30)}.{r.randint(0, 9)}",
            "unit": lambda: r.choice(("县民政局", "县财政局", "青龙镇人民政府", "县教育局")),
        }
        return values[col]()

    # layout ----------------------------------------------------------------------------------

    def table(
        self, b: _Builder, cols: list[str], *, rows: int, sep: str | None, name_header: str = ""
    ) -> None:
        header = [
            name_header or self.r.choice(HEADERS[c]) if c == "name" else self.r.choice(HEADERS[c])
            for c in cols
        ]
        body: list[list[Cell]] = []
        for i in range(rows):
            row = [(str(i + 1), []) if c == "seq" else self.cell(c, sep) for c in cols]
            body.append(row)
        if sep == "vertical":
            for h in header:
                b.add(h + "\n")
            for row in body:
                for text, spans in row:
                    self.emit(b, text, spans)
                    b.add("\n")
            return
        widths = [max(len(h), *(len(row[i][0]) for row in body)) + 2 for i, h in enumerate(header)]
        self.line(b, [(h, []) for h in header], sep, widths)
        for row in body:
            self.line(b, row, sep, widths)
        if "amount" in cols and self.r.random() < 0.4:
            total = [("", [])] * len(cols)
            total[0] = ("合计", [])
            total[cols.index("amount")] = (f"{self.r.randint(2000, 90000)}.00", [])
            self.line(b, total, sep, widths)

    def line(self, b: _Builder, cells: list[Cell], sep: str | None, widths: list[int]) -> None:
        if sep == "|":
            b.add("| ")
        for i, (text, spans) in enumerate(cells):
            self.emit(b, text, spans)
            if i < len(cells) - 1:
                b.add(
                    " | " if sep == "|" else "\t" if sep == "\t" else " " * (widths[i] - len(text))
                )
        b.add(" |\n" if sep == "|" else "\n")

    @staticmethod
    def emit(b: _Builder, text: str, spans: list[tuple[str, int, int]]) -> None:
        base = b.size
        b.add(text)
        b.spans.extend((kind, base + s, base + e) for kind, s, e in spans)

    def intro(self, b: _Builder, title: str) -> None:
        f = self.f
        b.add(f"{COUNTY}{f.town()}{title}\n")
        b.add(
            f"根据《{self.r.choice(('社会救助暂行办法', '最低生活保障审核确认办法'))}》"
            f"（{self.r.choice(DOCNOS)}）规定，经个人申请、入户调查、民主评议，现将{f.date()}"
            f"审核结果公示如下：\n"
        )

    def footer(self, b: _Builder) -> None:
        f, r = self.f, self.r
        b.add(f"\n公示期：{f.date()}至{f.date()}（7个工作日）。如有异议，请向乡镇人民政府反映。\n")
        b.add(f"监督电话：{f.landline()}")
        if r.random() < 0.4:
            b.add(f"、{f.mobile()}")
        b.add(f"；县民政局举报电话：{f.landline()}\n")
        if r.random() < 0.3:
            b.add(f"举报邮箱：jb{r.randint(1, 99)}@163.com\n")
        b.add(
            f"地址：{COUNTY}{r.choice(ROADS)}{r.randint(1, 200)}号，邮编：{r.randint(610000, 629999)}\n"
        )
        b.add(f"{COUNTY}{f.town()}人民政府\n{f.date()}\n")

    # documents -------------------------------------------------------------------------------

    def sep(self) -> str | None:
        return self.r.choice(("\t", "\t", "|", None))

    def assistance_list(self) -> Document:
        r = self.r
        kind, extra = r.choice(
            (
                ("城乡低保对象", ["members", "people", "amount", "category"]),
                ("特困供养人员", ["age", "village", "amount"]),
                ("临时救助对象", ["reason", "amount"]),
            )
        )
        b = _Builder("assistance_list")
        self.intro(b, f"{r.choice(('2024年3月', '2024年第二季度', '2023年12月'))}{kind}名单公示")
        cols = ["seq", "name", "gender"]
        for col in ("id", "phone", "address", "bank"):
            if r.random() < 0.7:
                cols.append(col)
        cols += r.sample(extra, k=r.randint(1, len(extra)))
        self.table(b, cols, rows=r.randint(3, 25), sep=self.sep())
        self.footer(b)
        return b.build()

    def subsidy_list(self) -> Document:
        r = self.r
        b = _Builder("subsidy_list")
        self.intro(b, f"{r.choice(('耕地地力保护补贴', '农机购置补贴', '高龄津贴'))}发放名单")
        cols = ["seq", "name", "id", "bank", "area", "amount"]
        self.table(b, cols, rows=r.randint(5, 30), sep=self.sep())
        self.footer(b)
        return b.build()

    def hiring_list(self) -> Document:
        r = self.r
        b = _Builder("hiring_list")
        b.add(f"{COUNTY}2024年公开招聘事业单位工作人员拟录用人员公示\n")
        b.add("经笔试、面试、体检和考察，现将拟录用人员名单予以公示：\n")
        cols = ["seq", "name", "gender", "birth", "edu", "school", "exam", "post"]
        if r.random() < 0.3:
            cols.append("email")
        self.table(b, cols, rows=r.randint(3, 15), sep=self.sep(), name_header="姓名")
        b.add(f"\n公示期为{self.f.date()}至{self.f.date()}。\n")
        b.add(f"监督电话：{self.f.landline()}，{COUNTY}人力资源和社会保障局\n")
        return b.build()

    def flattened_table(self) -> Document:
        b = _Builder("flattened_table")
        self.intro(b, "临时救助对象名单")
        cols = ["seq", "name", "gender", "id", "phone", "amount"]
        self.table(b, cols, rows=self.r.randint(2, 10), sep="vertical")
        self.footer(b)
        return b.build()

    def gongshi_lines(self) -> Document:
        r, f = self.r, self.f
        b = _Builder("gongshi_lines")
        self.intro(b, "拟纳入农村低保对象公示")
        for i in range(r.randint(2, 12)):
            style = r.random()
            if style < 0.5:
                b.add(f"{i + 1}{r.choice(('. ', '、', '．'))}")
                b.pii("name", f.name())
                b.add(f"，{r.choice('男女')}，{r.randint(20, 90)}岁，")
            else:
                b.pii("name", f.name())
                b.add(f" {r.choice('男女')} {r.randint(1935, 2000)}年{r.randint(1, 12)}月 ")
            if r.random() < 0.7:
                b.address(f.town() if r.random() < 0.5 else "", f.fine_address())
                b.add("，" if style < 0.5 else " ")
            b.add(
                f"家庭人口{r.randint(1, 6)}人，{r.choice(('因病致贫', '因残致贫', '缺乏劳动力'))}"
            )
            if r.random() < 0.3:
                b.add("，联系电话：")
                number = f.mobile() if r.random() < 0.7 else f.landline()
                b.pii("mobile" if number[0] == "1" else "landline", number)
            b.add(f"，拟月保障金{r.randint(200, 900)}元。\n")
        self.footer(b)
        return b.build()

    def application_record(self) -> Document:
        r, f = self.r, self.f
        b = _Builder("application_record")
        b.add(
            f"{r.choice(('临时救助申请审批表', '低保申请家庭经济状况核对', '医疗救助申请登记'))}\n"
        )
        b.add(f"{r.choice(('申请人', '户主姓名', '姓名'))}：")
        b.pii("name", f.name())
        b.add(f"\n性别：{r.choice('男女')}\n身份证号码：")
        b.pii("id_card", f.id18())
        b.add(f"\n家庭住址：{f.town()}")
        b.pii("address", f.fine_address())
        b.add("\n联系电话：")
        if r.random() < 0.5:
            b.pii("landline", f.landline())
        else:
            b.pii(
                "mobile",
                f.mobile(styled=r.random() < 0.5) if r.random() < 0.8 else "+86 " + f.mobile(),
            )
        if r.random() < 0.5:
            b.add("\n开户银行：县农商银行  银行卡号：")
            b.pii("bank_card", f.card())
        if r.random() < 0.3:
            b.add("\n电子邮箱：")
            b.pii("email", f.email())
        b.add(
            f"\n申请事由：{r.choice(('因病住院，自付医疗费用较高', '房屋受灾', '家庭成员重病'))}，"
            f"申请救助金{f.amount()}。\n经办人：民政办  审核日期：{f.date()}\n"
        )
        return b.build()

    def travel_documents(self) -> Document:
        r, f = self.r, self.f
        b = _Builder("travel_documents")
        b.add("因私出入境证件集中保管登记表\n")
        b.add("序号\t姓名\t工作单位\t证件类型\t证件号码\n")
        for i in range(r.randint(2, 8)):
            b.add(f"{i + 1}\t")
            b.pii("name", f.name())
            b.add(f"\t{self.plain('unit')}\t")
            if r.random() < 0.5:
                b.add("护照\t")
                b.pii("passport", f.passport())
            else:
                b.add("往来港澳通行证\t")
                b.pii("hk_macau_permit", f.permit())
            b.add("\n")
        b.add("\n另：持护照（")
        b.pii("passport", f.passport())
        b.add(f"）人员请于{f.date()}前交回。港澳通行证号码：")
        b.pii("hk_macau_permit", f.permit())
        b.add("。\n")
        return b.build()

    def notice(self) -> Document:
        r, f = self.r, self.f
        b = _Builder("notice")
        docno = r.choice(DOCNOS)
        b.add(
            f"关于开展{r.choice(('2024年度低保年审', '特困人员救助供养', '临时救助政策宣传'))}工作的通知\n"
        )
        b.add(f"{COUNTY}民政局文件 {docno}\n各乡镇人民政府、街道办事处：\n")
        b.add(
            f"根据《社会救助暂行办法》{r.choice(STATUTES)}和{r.choice(DOCNOS)}要求，"
            f"定于{f.date()}至{f.date()}开展工作，{r.choice(('2024-03-01', '2024/3/15', '20240301'))}前报送。"
            f"所需经费{f.amount()}由县财政统筹，标准为每人每月{r.randint(300, 900)}元。\n"
        )
        b.add(
            f"{r.choice(('红星', '光明'))}村{r.randint(1, 9)}组道路硬化工程同步实施，"
            f"项目地点：{f.town()}{r.choice(VILLAGES)}村{r.randint(1, 9)}组。\n"
        )
        b.add(f"联系人：{r.choice(SURNAMES)}科长，咨询电话：{f.landline()}")
        if r.random() < 0.5:
            b.add(f"、{f.mobile()}")
        b.add(f"；监督电话：{f.landline()}；传真：{f.landline()}\n")
        b.add(
            f"办公地址：{COUNTY}{r.choice(ROADS)}{r.randint(1, 200)}号{r.randint(1, 9)}楼，"
            f"邮政编码：{r.randint(610000, 629999)}，电子邮箱：mzj@{r.choice(('qh.gov.cn', 'sc.gov.cn'))}\n"
        )
        b.add(f"索引号：{f.credit_code()}/2024-{r.randint(1, 99999):05d}  发布日期：{f.date()}\n")
        if r.random() < 0.4:
            b.add("村级联络员：")
            b.pii("name", f.name())
            b.add("，手机：")
            b.pii("mobile", f.mobile())
            b.add("\n")
        return b.build()

    def policy(self) -> Document:
        r, f = self.r, self.f
        b = _Builder("policy")
        b.add(f"{COUNTY}人民政府办公室关于印发《{COUNTY}社会救助实施细则》的通知\n")
        b.add(
            f"{r.choice(DOCNOS)}\n索引号：{r.randint(0, 999_999_999):09d}/2024-{r.randint(1, 99999):05d}\n"
        )
        b.add("各乡镇人民政府、街道办事处，县政府各部门：\n")
        for i in range(r.randint(8, 20)):
            b.add(f"第{'一二三四五六七八九十'[i % 10]}条　")
            b.add(
                r.choice(POLICY_SENTENCES).format(
                    statute=r.choice(STATUTES),
                    docno=r.choice(DOCNOS),
                    date=f.date(),
                    amount=f.amount(),
                    n=r.randint(3, 900),
                    pct=f"{r.randint(1, 20)}.{r.randint(0, 9)}%",
                    compact=r.choice(("2023-12-31", "2023年12月31日", "20231231")),
                )
            )
            b.add(
                r.choice(POLICY_SENTENCES[:3]).format(
                    statute=r.choice(STATUTES),
                    docno=r.choice(DOCNOS),
                    date=f.date(),
                    amount=f.amount(),
                    n=r.randint(3, 900),
                    pct=f"{r.randint(1, 20)}%",
                    compact="20240301",
                )
                + "\n"
            )
        b.add(
            f"承办单位：{COUNTY}社会福利院，统一社会信用代码：{f.credit_code()}；"
            f"{COUNTY}救助站，统一社会信用代码：{f.credit_code(digits_only=True)}。\n"
        )
        b.add(
            f"档案编号：{f.id18(valid=False)}，合同编号：{f.card(valid=False)[:16]}，"
            f"流水号{r.randint(10**15, 10**16 - 1)}，邮编{r.randint(610000, 629999)}。\n"
        )
        b.add(f"证书编号 {f.id18(valid=False)}；项目代码 {f.credit_code(digits_only=True)}。\n")
        b.add(f"本细则自{f.date()}起施行，由{COUNTY}民政局负责解释，咨询电话：{f.landline()}。\n")
        return b.build()

    def news(self) -> Document:
        r, f = self.r, self.f
        b = _Builder("news")
        b.add(
            f"{COUNTY}召开{r.choice(('社会救助工作推进会', '政务公开工作培训会', '民生实事督办会'))}\n"
        )
        b.add(
            f"发布时间：{r.choice(('2024-03-01 09:30', '2024年3月1日', '2024/03/01'))}  来源：{COUNTY}民政局\n"
        )
        for _ in range(r.randint(4, 10)):
            b.add(
                r.choice(NEWS_SENTENCES).format(
                    date=f.date(),
                    amount=f.amount(),
                    n=r.randint(2, 5000),
                    docno=r.choice(DOCNOS),
                    town=f.town(),
                    village=r.choice(VILLAGES),
                    road=r.choice(ROADS),
                    pct=f"{r.randint(1, 99)}.{r.randint(0, 9)}%",
                )
            )
            b.add("\n" if r.random() < 0.4 else "")
        b.add(f"\n（{COUNTY}融媒体中心 供稿）\n")
        return b.build()

    def company_list(self) -> Document:
        r, f = self.r, self.f
        b = _Builder("company_list")
        b.add("2024年度社会组织年检合格名单\n序号\t单位名称\t统一社会信用代码\t住所\t办公电话\n")
        for i in range(r.randint(3, 12)):
            b.add(
                f"{i + 1}\t{COUNTY}{r.choice(('养老服务协会', '慈善会', '老年协会', '社工服务中心'))}\t"
                f"{f.credit_code(digits_only=r.random() < 0.3)}\t"
                f"{COUNTY}{r.choice(ROADS)}{r.randint(1, 200)}号\t{f.landline()}\n"
            )
        b.add(f"\n{COUNTY}民政局 {f.date()}\n")
        return b.build()


# Shape weights: lists and records are half of the documents, notices, policies and news
# (the bulk of a county site) the other half.
SHAPES = (
    ("assistance_list", 5),
    ("subsidy_list", 2),
    ("hiring_list", 2),
    ("flattened_table", 1),
    ("gongshi_lines", 3),
    ("application_record", 2),
    ("travel_documents", 1),
    ("notice", 4),
    ("policy", 4),
    ("company_list", 1),
    ("news", 5),
)


def generate(count: int = 600, *, seed: int = 20240301) -> list[Document]:
    """``count`` documents; the same (count, seed) always gives the same corpus."""
    rng = random.Random(seed)
    shapes = _Shapes(rng)
    cycle = [name for name, weight in SHAPES for _ in range(weight)]
    return [getattr(shapes, cycle[i % len(cycle)])() for i in range(count)]

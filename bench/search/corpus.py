"""A synthetic but realistic corpus: recombined government sentences, 2,000 organizations, 26 domains, 10 years."""

import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

PLACES = (
    "城关镇", "河口镇", "石桥镇", "云台乡", "东湖街道", "新城街道", "柳树村", "杏花村", "桃源社区",
    "青山镇", "白河乡", "南关街道", "北岭镇", "清水乡", "大王庄村", "红星社区",
)  # fmt: skip
DEPARTMENTS = (
    "人民政府", "民政局", "财政局", "教育局", "卫生健康局", "自然资源局", "住房和城乡建设局",
    "人力资源和社会保障局", "应急管理局", "生态环境分局", "农业农村局", "司法局", "公安局",
)  # fmt: skip
DOMAIN_TERMS = {
    "社会救助": ("最低生活保障", "特困人员救助供养", "临时救助", "低保边缘家庭"),
    "养老服务": ("养老服务补贴", "高龄津贴", "养老机构", "居家养老服务"),
    "社会保险": ("城乡居民基本养老保险", "社会保险参保登记", "医疗保障", "失业保险"),
    "就业创业": ("就业信息服务", "创业担保贷款", "职业技能培训", "公益性岗位"),
    "财政预决算": ("部门预算", "财政决算", "三公经费", "转移支付"),
    "征地补偿": ("征地补偿标准", "征地前期准备", "安置补助费", "被征地农民"),
    "国土空间规划": ("国土空间规划编制", "村庄规划", "规划许可", "用地审批"),
    "保障性住房": ("公共租赁住房", "保障性租赁住房", "住房保障资格", "租赁补贴"),
    "农村危房改造": ("农村危房改造", "危房鉴定", "补助资金", "改造对象"),
    "涉农补贴": ("耕地地力保护补贴", "农机购置补贴", "惠民惠农财政补贴", "种粮补贴"),
    "义务教育": ("招生管理", "义务教育招生", "学生资助", "营养改善计划"),
    "医疗卫生": ("家庭医生签约", "基本公共卫生服务", "疫苗接种", "医疗机构执业"),
    "环境保护": ("环境影响评价", "排污许可", "环境监测", "生态修复"),
    "安全生产": ("安全生产检查", "隐患排查治理", "应急预案", "事故调查"),
    "食品药品监管": ("食品安全抽检", "药品监督", "餐饮服务许可", "市场监管"),
    "公共文化服务": ("公共文化设施", "文化下乡", "农家书屋", "非物质文化遗产"),
    "公共法律服务": ("法律援助", "人民调解", "法治宣传教育", "法律咨询服务"),
    "户籍管理": ("出生登记", "户口迁移", "户籍证明", "居住证"),
    "城市综合执法": ("市容环境卫生管理", "违法建设", "占道经营", "城市管理执法"),
    "市政服务": ("城镇燃气管理", "供水服务", "道路维修", "路灯管理"),
    "扶贫": ("扶贫对象", "防止返贫监测", "乡村振兴", "帮扶措施"),
    "救灾": ("灾后救助", "救灾物资", "备灾管理", "款物管理"),
    "税收管理": ("纳税服务", "减税降费", "税收优惠", "发票管理"),
    "重大建设项目": ("批准服务信息", "项目审批", "招标投标", "施工许可"),
    "公共资源交易": ("政府采购信息", "交易公告", "中标结果", "资格预审公告"),
    "国有土地上房屋征收": ("房屋征收决定", "征收补偿方案", "房屋评估", "补偿安置"),
}
SENTENCES = (
    "根据《中华人民共和国政府信息公开条例》规定，现将{term}有关情况公开如下。",
    "{place}高度重视{term}工作，成立了以主要负责同志为组长的工作领导小组。",
    "截至{year}年{month}月底，全{unit}共有{term}对象{n}户{m}人，累计发放资金{money}万元。",
    "各村（社区）要严格按照{term}的条件和程序，做到公开、公平、公正。",
    "对群众反映的问题，{place}{dept}将依法依规及时处理并向社会公开处理结果。",
    "本通知自印发之日起施行，有效期五年，原有规定与本通知不一致的，以本通知为准。",
    "申请人可通过政务服务大厅、网上办事平台或者邮寄等方式提出{term}申请。",
    "公示期为{days}个工作日，公示期间如有异议，请向{place}{dept}反映，联系电话0991-66{n4}。",
    "要进一步推进基层政务公开标准化规范化，完善{term}公开事项标准目录。",
    "各级行政机关应当依法做好依申请公开工作，在规定期限内答复申请人。",
    "加强行政规范性文件合法性审核，未经审核的不得发布施行。",
    "{year}年，{place}共受理政府信息公开申请{n}件，全部按期答复。",
    "强化资金监管，确保{term}资金专款专用，严禁截留、挤占、挪用。",
    "建立健全动态管理机制，对{term}对象实行定期复核，做到应保尽保、应退尽退。",
    "请各单位结合实际认真贯彻落实，执行中遇到的问题及时反馈{dept}。",
)
DOCTYPES = ("通知", "公告", "公示", "实施方案", "实施细则", "工作计划", "情况报告", "办事指南")
GENRES = ("normative", "other_document", "announcement", "guide", "statistics", "plan", "news")


@dataclass
class FakeDocument:
    title: str
    body: str
    org_index: int
    domain_index: int
    published_at: datetime
    genre: str
    doc_no: str


def organizations(count: int = 2000) -> list[tuple[str, str, int | None]]:
    """(code, name, parent index): a root, 40 counties, then departments/townships under them."""
    out: list[tuple[str, str, int | None]] = [("BQ", "青禾市人民政府", None)]
    for c in range(40):
        out.append((f"BQ{c:02d}", f"第{c + 1}县人民政府", 0))
    n = 0
    while len(out) < count:
        county = 1 + n % 40
        place = PLACES[n % len(PLACES)]
        dept = DEPARTMENTS[(n // len(PLACES)) % len(DEPARTMENTS)]
        out.append((f"{out[county][0]}X{n:04d}", f"{place}{dept}{n}", county))
        n += 1
    return out


def documents(count: int, org_names: list[str], *, seed: int = 7):
    rng = random.Random(seed)
    domains = list(DOMAIN_TERMS)
    start = datetime(2016, 1, 1, tzinfo=UTC)
    for i in range(count):
        d = rng.randrange(len(domains))
        terms = DOMAIN_TERMS[domains[d]]
        term = rng.choice(terms)
        org = rng.randrange(len(org_names))
        place = rng.choice(PLACES)
        dept = rng.choice(DEPARTMENTS)
        when = start + timedelta(days=rng.randrange(3650), hours=rng.randrange(9, 18))
        doctype = rng.choice(DOCTYPES)
        title = f"{place}{dept}关于{rng.choice(('做好', '印发', '开展', '公布'))}{when.year}年{term}工作的{doctype}"
        paragraphs = []
        for _ in range(rng.randint(18, 24)):
            sentence = rng.choice(SENTENCES).format(
                term=rng.choice(terms),
                place=place,
                dept=dept,
                unit=rng.choice(("县", "镇", "乡", "街道")),
                year=when.year,
                month=rng.randint(1, 12),
                n=rng.randint(10, 900),
                m=rng.randint(20, 2000),
                money=round(rng.uniform(1, 900), 2),
                days=rng.choice((5, 7)),
                n4=rng.randint(1000, 9999),
            )
            second = rng.choice(SENTENCES).format(
                term=term, place=place, dept=dept, unit="县", year=when.year,
                month=6, n=12, m=30, money=1.5, days=5, n4=1234,
            )  # fmt: skip
            paragraphs.append(f"<p>{sentence}{second}</p>")
        genre = rng.choice(GENRES)
        doc_no = f"{place[:2]}发〔{when.year}〕{i % 997 + 1}号" if genre == "normative" else ""
        yield FakeDocument(title, "".join(paragraphs), org, d, when, genre, doc_no)


def queries(count: int, *, seed: int = 11) -> list[tuple[str, str]]:
    """(text, filter kind): 1–3 words; every third query carries a filter (org subtree, domain or year)."""
    rng = random.Random(seed)
    vocabulary = [t for terms in DOMAIN_TERMS.values() for t in terms]
    vocabulary += [
        "低保",
        "五保",
        "社保",
        "医保",
        "公租房",
        "通知",
        "公示",
        "资金",
        "申请",
        "城关镇",
        "政府信息公开",
    ]
    out = []
    for i in range(count):
        words = rng.sample(vocabulary, rng.choice((1, 1, 2, 2, 3)))
        kind = ("none", "none", "org", "none", "domain", "year")[i % 6]
        out.append((" ".join(words), kind))
    return out

"""Chinese personal names: surnames, words that are not names, and how sure a token is a name."""

from __future__ import annotations

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


# A set lookup of the last two characters is much faster than endswith() over every title.
_TWO_CHAR_TITLES = frozenset(t for t in _TITLES if len(t) == 2)
_OTHER_TITLES = tuple(t for t in _TITLES if len(t) != 2)


def name_confidence(token: str, *, column: bool) -> float:
    """0 when ``token`` is not a plausible Chinese personal name; ``column`` relaxes the check."""
    t = token.replace(" ", "").replace("\u3000", "") if " " in token or "\u3000" in token else token
    if not 2 <= len(t) <= 4 or t in _NOT_NAMES:
        return 0.0
    given = t[1:]
    if not _PLACEHOLDER.isdisjoint(given):
        return 0.0
    if len(t) > 2 and (t[-2:] in _TWO_CHAR_TITLES or t.endswith(_OTHER_TITLES)):
        return 0.0
    if given in ("总", "工"):
        return 0.0
    if not column and not _NOT_NAME_CHARS.isdisjoint(given):
        return 0.0
    if t[:2] in DOUBLE_SURNAMES and len(t) >= 3:
        return 0.95
    if t[0] in SURNAMES and len(t) <= (4 if column else 3):
        return 0.95 if column else 0.9
    return 0.75 if column and t[0] not in _NOT_NAME_CHARS else 0.0


def _ethnic_name(token: str, *, column: bool) -> float:
    """Transliterated names written with a middle dot (阿依古丽·买买提)."""
    ok = ("·" in token or "•" in token) and 3 <= len(token) <= 17
    return (0.75 if column else 0.8) if ok else 0.0

"""The 标准目录 value lists (渠道, 对象, 方式, 层级) and the header and cell names that mean them."""

from __future__ import annotations

import re

# The 公开渠道和载体 checklist of the guidelines' 标准目录 (e.g. 民办函〔2019〕52号), in its order.
CHANNELS: tuple[str, ...] = (
    "政府网站",
    "政府公报",
    "两微一端",
    "发布会/听证会",
    "广播电视",
    "纸质媒体",
    "公开查阅点",
    "政务服务中心",
    "便民服务站",
    "入户/现场",
    "社区/企事业单位/村公示栏(电子屏)",
    "精准推送",
    "其他",
)
OTHER_CHANNEL = "其他"
AUDIENCES: tuple[str, ...] = ("全社会", "特定群体")
MODES: tuple[str, ...] = ("主动", "依申请")
LEVELS: tuple[str, ...] = ("县级", "乡级", "村级")
ELEMENT_KEYS: tuple[str, ...] = (
    "level1",
    "level2",
    "level3",
    "content",
    "basis",
    "time_limit",
    "time_limit_working_days",
    "subject",
    "channels",
    "audience",
    "mode",
    "levels",
    "note",
)


_WIDE = str.maketrans({"（": "(", "）": ")", "／": "/", "：": ":"})
_SPACE_RE = re.compile(r"\s+")


def _norm(text: str) -> str:
    return _SPACE_RE.sub("", text).translate(_WIDE).rstrip(":")


def _without_paren(key: str) -> str:
    return re.sub(r"\([^()]*\)$", "", key)


def _vocabulary(table: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {_norm(name): value for value, names in table.items() for name in (value, *names)}


_HEADERS = _vocabulary(
    {
        "seq": ("序号", "编号"),
        "item": ("公开事项", "事项", "事项名称", "公开事项名称"),
        "level1": ("一级事项", "一级", "一级事项名称"),
        "level2": ("二级事项", "二级", "二级事项名称"),
        "level3": ("三级事项", "三级", "三级事项名称"),
        "content": ("公开内容(要素)", "公开内容", "公开内容要素", "事项内容", "公开要素"),
        "basis": ("公开依据", "依据"),
        "time_limit": ("公开时限", "时限"),
        "subject": ("公开主体", "责任主体", "公开责任主体"),
        "channels": ("公开渠道和载体", "公开渠道及载体", "公开渠道", "公开载体", "渠道和载体"),
        "audience": ("公开对象",),
        "mode": ("公开方式",),
        "levels": ("公开层级", "层级"),
        "note": ("备注",),
    }
)
_AUDIENCE_NAMES = _vocabulary({"全社会": ("社会公众",), "特定群体": ("特定群众", "特定对象")})
_MODE_NAMES = _vocabulary({"主动": ("主动公开",), "依申请": ("依申请公开",)})
_LEVEL_NAMES = _vocabulary(
    {
        "县级": ("县", "县(市、区)级", "县(市、区)", "县(区)级", "县(市)级", "县区级", "区级"),
        "乡级": (
            "乡",
            "乡镇(街道)级",
            "乡(镇)级",
            "乡镇级",
            "乡镇",
            "乡镇(街道)",
            "镇级",
            "街道级",
        ),
        "村级": ("村", "村(社区)级", "村(居)级", "村(社区)", "社区级"),
    }
)
_CHANNEL_NAMES = _vocabulary(
    {
        "政府网站": ("政府门户网站",),
        "发布会/听证会": ("发布会听证会", "新闻发布会/听证会"),
        "入户/现场": ("入户现场",),
        "社区/企事业单位/村公示栏(电子屏)": ("社区/企事业单位/村公示栏",),
    }
    | dict.fromkeys(CHANNELS, ())
)
_GROUPS = {
    "audience": _AUDIENCE_NAMES,
    "mode": _MODE_NAMES,
    "levels": _LEVEL_NAMES,
    "channels": _CHANNEL_NAMES,
}
_MAIN_ROLES = frozenset(_HEADERS.values()) - {"seq", "note"}
_NAME_ROLES = ("item", "level1", "level2", "level3")

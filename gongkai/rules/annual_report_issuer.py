"""Which bodies may report 规章 in section 二, told from the body's name."""

from __future__ import annotations

import re

# 《立法法》第九十一条、第九十三条: 规章 are made by 国务院部门 and by the people's governments of
# provinces, autonomous regions, municipalities, districted cities and autonomous prefectures.
_BELOW_COUNTY = (
    (re.compile(r"(?:村|居)民委员会|社区"), "村（居）民委员会"),
    (re.compile(r"街道(?:办事处|党工委|$)"), "街道"),
    (re.compile(r"(?:乡|镇)(?:人民政府|政府|$)"), "乡镇"),
)
_COUNTY_UNIT = re.compile(r"县|旗|区")
_HIGHER = re.compile(r"自治区|地区|特别行政区|经济特区")


def rules_barrier(name: str) -> str | None:
    """The kind of body (乡镇, 街道, 县级部门…) that cannot make 规章, or None when it may or is unknown."""
    name = re.sub(r"\s+", "", name or "")
    if not name:
        return None
    for pattern, kind in _BELOW_COUNTY:
        if pattern.search(name):
            return kind
    if _COUNTY_UNIT.search(_HIGHER.sub("", name)):
        return "县级人民政府" if name.endswith("人民政府") else "县级部门"
    return None

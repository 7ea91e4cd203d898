"""Checking the 8 elements of an item before they are saved (forms, imports and the API share this)."""

from django.core.exceptions import ValidationError

from gongkai.catalog.models import ELEMENT_FIELDS, Audience, Mode
from gongkai.orgs.models import CatalogLevel
from gongkai.rules.catalog_table import CHANNELS

STANDARD_CHANNELS = CHANNELS
_LIST_FIELDS = {"basis", "channels", "levels"}


def clean_elements(data: dict) -> dict:
    """Normalize and check one item's elements; raises ValidationError with Chinese messages."""
    values = {field: data.get(field) for field in ELEMENT_FIELDS}
    errors: dict[str, str] = {}
    for field in ELEMENT_FIELDS:
        value = values[field]
        if field in _LIST_FIELDS:
            if isinstance(value, str):
                value = [part.strip() for part in value.splitlines()]
            values[field] = [str(part).strip() for part in (value or []) if str(part).strip()]
        elif field == "time_limit_working_days":
            if value in (None, ""):
                values[field] = None
            else:
                try:
                    values[field] = int(value)
                except (TypeError, ValueError):
                    errors[field] = "公开时限（工作日）须为整数。"
                else:
                    if not 0 < values[field] <= 365:
                        errors[field] = "公开时限（工作日）须在 1 到 365 之间。"
        else:
            values[field] = str(value or "").strip()
    if not values["level1"]:
        errors["level1"] = "请填写一级事项。"
    if values["audience"] not in Audience.values:
        errors["audience"] = "公开对象只能是“全社会”或“特定群体”。"
    if values["mode"] not in Mode.values:
        errors["mode"] = "公开方式只能是“主动”或“依申请”。"
    unknown = [c for c in values["channels"] if c not in STANDARD_CHANNELS]
    if unknown:
        errors["channels"] = f"未知的公开渠道：{'、'.join(unknown)}。"
    bad_levels = [lv for lv in values["levels"] if lv not in CatalogLevel.values]
    if bad_levels:
        errors["levels"] = f"未知的公开层级：{'、'.join(bad_levels)}。"
    if errors:
        raise ValidationError(errors)
    return values


def check_time_limit_kept_or_tightened(*, elements: dict, guideline_days: int | None) -> None:
    """A localized item may keep or shorten the guideline's time limit, never lengthen it."""
    days = elements.get("time_limit_working_days")
    if guideline_days is not None and days is not None and days > guideline_days:
        raise ValidationError(
            {
                "time_limit_working_days": f"公开时限不得长于标准指引规定的 {guideline_days} 个工作日。"
            }
        )

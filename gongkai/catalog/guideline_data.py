"""The national guidelines shipped with the project (gongkai/data), loaded into the database.

Takes the model classes as arguments so that the data migration can pass its historical models.
"""

import json
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
ITEM_KEYS = (
    "level1",
    "level2",
    "content",
    "basis",
    "time_limit",
    "time_limit_working_days",
    "publicity_period_working_days",
    "subject",
    "channels",
    "audience",
    "mode",
    "levels",
    "note",
)


def shipped_domains() -> list[dict]:
    return json.loads((DATA_DIR / "domains.json").read_text(encoding="utf-8"))["domains"]


def shipped_catalog(code: str) -> dict:
    return json.loads((DATA_DIR / "catalogs" / f"{code}.json").read_text(encoding="utf-8"))


_LIST_KEYS = {"basis", "channels", "levels"}
_NUMBER_KEYS = {"time_limit_working_days", "publicity_period_working_days"}


def _clean(key: str, value):
    if key in _NUMBER_KEYS:
        return value
    if key in _LIST_KEYS:
        return list(value or [])
    return value or ""


def load_shipped_guidelines(domain_model, guideline_model, item_model) -> int:
    """Create the 26 domains and their guideline items where missing; returns items created."""
    created = 0
    for position, entry in enumerate(shipped_domains(), start=1):
        domain, _ = domain_model.objects.update_or_create(
            code=entry["code"],
            defaults={
                "name": entry["name"],
                "ministry": entry.get("ministry") or "",
                "position": position,
            },
        )
        catalog = shipped_catalog(entry["code"])
        guideline, made = guideline_model.objects.get_or_create(
            domain=domain,
            defaults={
                "title": catalog.get("guideline") or entry.get("guideline_notice") or "",
                "doc_no": entry.get("doc_no") or "",
                "complete": bool(catalog.get("complete")),
                "source": "随平台提供的国家标准指引（参考数据）",
            },
        )
        if not made:
            continue
        for item in catalog["items"]:
            values = {key: _clean(key, item.get(key)) for key in ITEM_KEYS}
            item_model.objects.create(guideline=guideline, seq=item["seq"], **values)
            created += 1
    return created

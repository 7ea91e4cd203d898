"""Import of 任务分工 tables: read the workbook safely, parse it, match units to bodies, preview.

Reading reuses the catalog importer's container check (size, OLE/encryption, zip bombs) before
openpyxl opens the file, and its merged-cell reader. Matching works within the importing 公开办's
scope and the bodies above it: a collective (各县(市、区)人民政府) becomes every such body in scope,
a name becomes one body, and what cannot be matched is shown for the user to fix. Nothing is
saved here: the preview is staged until the user confirms it.
"""

from __future__ import annotations

import io
import logging
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

from django.core.exceptions import ValidationError
from openpyxl import load_workbook

from gongkai.catalog.excel import CatalogFileError, check_workbook_container, sheet_grid
from gongkai.catalog.importing import Preview
from gongkai.orgs.models import Organization, OrganizationKind, RegionLevel
from gongkai.rules.task_table import (
    COLLECTIVE_LABELS,
    ROLE_LABELS,
    Collective,
    DeadlineKind,
    Role,
    TaskRow,
    TaskTable,
    TaskTableError,
    UnitRef,
    parse_task_grid,
)

log = logging.getLogger(__name__)

MATCHED, COLLECTIVE, NONE_IN_SCOPE, AMBIGUOUS, UNKNOWN = (
    "matched",
    "collective",
    "none_in_scope",
    "ambiguous",
    "unknown",
)
UNRESOLVED = frozenset({AMBIGUOUS, UNKNOWN})
NOT_LINKED = "none"  # the user's choice: keep the unit as text, linked to no body
_LEVEL_PREFIX = {"省": RegionLevel.PROVINCE, "市": RegionLevel.CITY}
_LEVEL_PREFIX |= {"县": RegionLevel.COUNTY, "区": RegionLevel.COUNTY}


def read_task_workbook(data: bytes, *, filename: str) -> list[TaskTable]:
    """Every sheet of the workbook that holds a 任务分工 header, parsed row by row.

    Raises ``CatalogFileError`` (a message for the user, a detail for the log).
    """
    check_workbook_container(data, filename=filename)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=False, data_only=True)
    except Exception as exc:
        raise CatalogFileError(
            f"无法打开文件“{filename}”：文件已损坏或不是有效的 .xlsx 工作簿。",
            detail=f"openpyxl could not load the upload: {type(exc).__name__}",
        ) from exc
    tables, looked = [], []
    try:
        for sheet in workbook.worksheets:
            looked.append(sheet.title)
            grid, _ = sheet_grid(sheet, filename=filename)
            try:
                tables.append(parse_task_grid(grid, sheet=sheet.title))
            except TaskTableError:
                continue
    finally:
        workbook.close()
    if not tables:
        names = "、".join(f"“{name}”" for name in looked) or "（无）"
        raise CatalogFileError(
            f"文件“{filename}”中没有找到任务分工表：已查看的工作表 {names} 都没有"
            "“具体事项”“责任单位”“完成时间”等表头。",
            detail=f"no task header in any of {len(looked)} sheets",
        )
    return tables


def _key(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "")
    return re.sub(r"\s+", "", text)


@dataclass
class UnitMatch:
    role: str
    text: str
    status: str
    organization_ids: list[int] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    candidates: list[tuple[int, str]] = field(default_factory=list)
    message: str = ""


class UnitResolver:
    """Matches units as written to bodies: collectives within ``scope``, names also above it."""

    def __init__(self, scope: list[Organization], above: list[Organization]) -> None:
        self.scope = scope
        self.known = {org.id: org for org in [*scope, *above]}

    def collective(self, collective: Collective) -> list[Organization]:
        def wanted(org: Organization) -> bool:
            level = org.region.level
            if collective == Collective.CITY_GOVERNMENTS:
                return org.kind == OrganizationKind.GOVERNMENT and level == RegionLevel.CITY
            if collective == Collective.COUNTY_GOVERNMENTS:
                return org.kind == OrganizationKind.GOVERNMENT and level == RegionLevel.COUNTY
            if collective == Collective.TOWNSHIP_GOVERNMENTS:
                return org.kind == OrganizationKind.TOWNSHIP
            if collective == Collective.VILLAGE_COMMITTEES:
                return org.kind == OrganizationKind.VILLAGE
            if org.kind != OrganizationKind.DEPARTMENT:
                return False
            return {
                Collective.PROVINCE_DEPARTMENTS: level == RegionLevel.PROVINCE,
                Collective.CITY_DEPARTMENTS: level == RegionLevel.CITY,
                Collective.COUNTY_DEPARTMENTS: level == RegionLevel.COUNTY,
            }.get(collective, True)

        return [org for org in self.scope if wanted(org)]

    def named(self, text: str) -> list[Organization]:
        key = _key(text)
        exact = [
            org
            for org in self.known.values()
            if key in {_key(org.name), _key(org.short_name)} and key
        ]
        if exact:
            return exact
        key = re.sub(r"政府办公室$|政府办$", "人民政府", key)
        if key.endswith("政府") and not key.endswith("人民政府"):
            key = key.removesuffix("政府") + "人民政府"
        level = _LEVEL_PREFIX.get(key[:1])
        core = key[1:] if level else key
        found = []
        for org in self.known.values():
            name = _key(org.name)
            if level is not None and org.region.level != level:
                continue
            if name == key or (name.endswith(core) and len(core) >= 2):
                found.append(org)
        return found

    def resolve(self, ref: UnitRef, role: str) -> UnitMatch:
        match = UnitMatch(role=role, text=ref.text, status=UNKNOWN)
        if ref.collective is not None:
            bodies = self.collective(ref.collective)
            match.status = COLLECTIVE if bodies else NONE_IN_SCOPE
            match.message = (
                f"{COLLECTIVE_LABELS[ref.collective]}：范围内共 {len(bodies)} 个单位"
                if bodies
                else f"{COLLECTIVE_LABELS[ref.collective]}：监督范围内没有此类单位，仅保留名称"
            )
        else:
            bodies = self.named(ref.text)
            if len(bodies) == 1:
                match.status = MATCHED
            elif bodies:
                match.status = AMBIGUOUS
                match.candidates = [(org.id, org.name) for org in bodies]
                match.message = f"有 {len(bodies)} 个单位符合，请选择"
                bodies = []
            else:
                match.message = "未找到对应单位，请选择或确认仅保留名称"
        match.organization_ids = [org.id for org in bodies]
        match.names = [org.name for org in bodies]
        return match

    def choices(self) -> list[tuple[int, str]]:
        return [(org.id, org.name) for org in sorted(self.known.values(), key=lambda o: o.path)]


def _row_dict(sheet: str, row: TaskRow, resolver: UnitResolver) -> dict:
    units = [
        {**asdict(resolver.resolve(ref, role)), "role_label": ROLE_LABELS[role][:2]}
        for role in Role
        for ref in row.units.get(role, [])
    ]
    unresolved = any(unit["status"] in UNRESOLVED for unit in units)
    return {
        "sheet": sheet,
        "row_number": row.row_number,
        "group_seq": row.group_seq,
        "group_title": row.group_title,
        "number": row.number,
        "title": row.title,
        "deadline_text": row.deadline.text,
        "deadline": row.deadline.day.isoformat() if row.deadline.day else None,
        "deadline_label": row.deadline.label,
        "deadline_kind": row.deadline.kind.value,
        "unit_texts": row.unit_texts,
        "units": units,
        "problems": row.problems,
        "notes": row.notes,
        "status": "error" if row.problems else ("unmatched" if unresolved else "ok"),
    }


def build_preview(tables: Iterable[TaskTable], *, filename: str, resolver: UnitResolver) -> Preview:
    rows = [_row_dict(table.sheet, row, resolver) for table in tables for row in table.rows]
    counts = {
        status: sum(1 for r in rows if r["status"] == status)
        for status in ("ok", "unmatched", "error")
    }
    return Preview(filename=filename, rows=rows, counts=counts)


def read_preview(*, data: bytes, filename: str, resolver: UnitResolver) -> Preview:
    """Read an uploaded table; raises ValidationError with the Chinese message, logs the reason."""
    try:
        tables = read_task_workbook(data, filename=filename)
    except CatalogFileError as exc:
        log.warning("task import refused: reason=%s", exc.detail)
        raise ValidationError(exc.message) from exc
    return build_preview(tables, filename=filename, resolver=resolver)


def unresolved_units(rows: list[dict]) -> list[dict]:
    """Each unit text that needs the user's choice, once, with the candidates it had."""
    found: dict[str, dict] = {}
    for row in rows:
        for unit in row["units"]:
            if unit["status"] in UNRESOLVED and unit["text"] not in found:
                found[unit["text"]] = {
                    "text": unit["text"],
                    "role": ROLE_LABELS[Role(unit["role"])],
                    "status": unit["status"],
                    "candidates": [tuple(c) for c in unit["candidates"]],
                    "rows": [],
                }
            if unit["status"] in UNRESOLVED:
                found[unit["text"]]["rows"].append(row["row_number"])
    return list(found.values())


def deadline_counts(rows: list[dict]) -> dict[str, int]:
    return {
        kind.value: sum(1 for r in rows if r["deadline_kind"] == kind.value)
        for kind in DeadlineKind
    }

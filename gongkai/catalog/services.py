"""Changes of state of guidelines and catalogs: each one checks access, saves, audits, in one transaction."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from gongkai.audit.services import record_event, user_or_none
from gongkai.catalog.elements import check_time_limit_kept_or_tightened, clean_elements
from gongkai.catalog.models import (
    Catalog,
    CatalogItem,
    CatalogItemRevision,
    CatalogVersion,
    Domain,
    Guideline,
    GuidelineItem,
)
from gongkai.orgs.access import Action, require
from gongkai.orgs.models import Organization
from gongkai.portal.page_cache import public_pages_changed


def _save_revision(item: CatalogItem, *, by, note: str) -> None:
    CatalogItemRevision.objects.create(
        item=item,
        revision=item.revision,
        elements=item.elements(),
        applicable=item.applicable,
        not_applicable_reason=item.not_applicable_reason,
        withdrawn=item.withdrawn,
        changed_by=user_or_none(by),
        changed_at=timezone.now(),
        note=note[:255],
    )


def _next_position(catalog: Catalog) -> int:
    return (catalog.items.aggregate(m=Max("position"))["m"] or 0) + 1


@transaction.atomic
def open_catalog(*, organization: Organization, domain: Domain, by) -> Catalog:
    """The organization's catalog of the domain, created empty on first use."""
    require(by, Action.EDIT_CATALOG, organization)
    catalog, created = Catalog.objects.get_or_create(organization=organization, domain=domain)
    if created:
        record_event(actor=by, action="catalog.created", target=catalog, organization=organization)
    return catalog


def _localized(guideline_item: GuidelineItem, organization: Organization) -> dict:
    elements = guideline_item.elements()
    elements["subject"] = organization.name
    return elements


@transaction.atomic
def adopt_guideline_items(
    *, catalog: Catalog, guideline_items: list[GuidelineItem], by
) -> list[CatalogItem]:
    """Adopt guideline items into the catalog, prefilled with their elements, 公开主体 = this body."""
    require(by, Action.EDIT_CATALOG, catalog.organization)
    existing = dict(
        catalog.items.filter(guideline_item__in=guideline_items).values_list(
            "guideline_item_id", "id"
        )
    )
    adopted = []
    position = _next_position(catalog)
    for guideline_item in guideline_items:
        if guideline_item.guideline.domain_id != catalog.domain_id:
            raise ValidationError("只能采用本领域标准指引中的事项。")
        if guideline_item.id in existing:
            continue
        item = CatalogItem.objects.create(
            catalog=catalog,
            guideline_item=guideline_item,
            position=position,
            **_localized(guideline_item, catalog.organization),
        )
        position += 1
        _save_revision(item, by=by, note="采用标准指引事项")
        record_event(
            actor=by,
            action="catalog.item_adopted",
            target=item,
            organization=catalog.organization,
            after=item.elements(),
        )
        adopted.append(item)
    return adopted


@transaction.atomic
def update_catalog_item(*, item: CatalogItem, by, changes: dict, note: str = "") -> CatalogItem:
    """Localize an item: any of its elements; the time limit may only be kept or tightened."""
    require(by, Action.EDIT_CATALOG, item.catalog.organization)
    item = CatalogItem.objects.select_for_update(of=("self",)).get(pk=item.pk)
    before = item.elements()
    elements = clean_elements({**before, **changes})
    if item.guideline_item_id:
        check_time_limit_kept_or_tightened(
            elements=elements, guideline_days=item.guideline_item.time_limit_working_days
        )
    if elements == before:
        return item
    for field, value in elements.items():
        setattr(item, field, value)
    item.revision += 1
    item.save()
    _save_revision(item, by=by, note=note or "修改事项")
    record_event(
        actor=by,
        action="catalog.item_updated",
        target=item,
        organization=item.catalog.organization,
        before={k: v for k, v in before.items() if v != elements[k]},
        after={k: v for k, v in elements.items() if v != before[k]},
        reason=note,
    )
    public_pages_changed()
    return item


@transaction.atomic
def add_local_item(*, catalog: Catalog, by, elements: dict) -> CatalogItem:
    """A local item that no guideline lists (本地特色事项)."""
    require(by, Action.EDIT_CATALOG, catalog.organization)
    values = clean_elements(elements)
    item = CatalogItem.objects.create(catalog=catalog, position=_next_position(catalog), **values)
    _save_revision(item, by=by, note="新增本地事项")
    record_event(
        actor=by,
        action="catalog.item_added",
        target=item,
        organization=catalog.organization,
        after=values,
    )
    return item


@transaction.atomic
def mark_not_applicable(
    *, catalog: Catalog, guideline_item: GuidelineItem, by, reason: str
) -> CatalogItem:
    """Record that a guideline item does not apply to this body, with the reason."""
    require(by, Action.EDIT_CATALOG, catalog.organization)
    reason = reason.strip()
    if not reason:
        raise ValidationError("标记为不适用时必须填写原因。")
    item = catalog.items.filter(guideline_item=guideline_item).first()
    if item is None:
        item = CatalogItem(
            catalog=catalog,
            guideline_item=guideline_item,
            position=_next_position(catalog),
            **_localized(guideline_item, catalog.organization),
        )
    elif item.pk:
        item.revision += 1
    item.applicable = False
    item.not_applicable_reason = reason
    item.save()
    _save_revision(item, by=by, note="标记为不适用")
    record_event(
        actor=by,
        action="catalog.item_not_applicable",
        target=item,
        organization=catalog.organization,
        reason=reason,
    )
    return item


@transaction.atomic
def restore_applicable(*, item: CatalogItem, by) -> CatalogItem:
    require(by, Action.EDIT_CATALOG, item.catalog.organization)
    if item.applicable and not item.withdrawn:
        return item
    item.applicable, item.withdrawn, item.not_applicable_reason = True, False, ""
    item.revision += 1
    item.save()
    _save_revision(item, by=by, note="恢复为适用")
    record_event(
        actor=by,
        action="catalog.item_restored",
        target=item,
        organization=item.catalog.organization,
    )
    return item


@transaction.atomic
def withdraw_catalog_item(*, item: CatalogItem, by, reason: str) -> CatalogItem:
    """Take an item out of the catalog; it stays in earlier published versions and in the history."""
    require(by, Action.EDIT_CATALOG, item.catalog.organization)
    if not reason.strip():
        raise ValidationError("移除事项时必须填写原因。")
    item.withdrawn = True
    item.revision += 1
    item.save()
    _save_revision(item, by=by, note=f"移除：{reason.strip()}")
    record_event(
        actor=by,
        action="catalog.item_withdrawn",
        target=item,
        organization=item.catalog.organization,
        reason=reason.strip(),
    )
    return item


def _snapshot(catalog: Catalog) -> list[dict]:
    items = catalog.items.filter(applicable=True, withdrawn=False).order_by("position", "id")
    return [{"item_id": item.id, "revision": item.revision, **item.elements()} for item in items]


@transaction.atomic
def publish_catalog(*, catalog: Catalog, by, note: str = "") -> CatalogVersion:
    """Publish a dated public version; earlier versions stay readable (动态管理)."""
    require(by, Action.PUBLISH_CATALOG, catalog.organization)
    catalog = Catalog.objects.select_for_update(of=("self",)).get(pk=catalog.pk)
    items = _snapshot(catalog)
    if not items:
        raise ValidationError("目录中还没有适用的事项，不能发布。")
    version = CatalogVersion.objects.create(
        catalog=catalog,
        number=catalog.published_version + 1,
        published_at=timezone.now(),
        published_by=user_or_none(by),
        note=note[:255],
        items=items,
    )
    catalog.published_version = version.number
    catalog.save(update_fields=["published_version", "updated_at"])
    record_event(
        actor=by,
        action="catalog.published",
        target=catalog,
        organization=catalog.organization,
        after={"version": version.number, "items": len(items)},
        reason=note,
    )
    public_pages_changed()
    return version


@dataclass(frozen=True)
class ImportOutcome:
    created: int
    updated: int
    unchanged: int


def _key(elements: dict) -> tuple[str, str, str]:
    return (elements["level1"], elements.get("level2", ""), elements.get("level3", ""))


@transaction.atomic
def import_catalog_elements(*, catalog: Catalog, rows: list[tuple[int, dict]], by) -> ImportOutcome:
    """Save rows read from a table, all or nothing: a row matching an item (by its 事项 names) updates
    it, a row matching a guideline item adopts it with the row's elements, any other row is local."""
    require(by, Action.EDIT_CATALOG, catalog.organization)
    cleaned = []
    for number, row in rows:
        try:
            cleaned.append((number, clean_elements(row)))
        except ValidationError as exc:
            raise ValidationError(f"第 {number} 行：{'；'.join(exc.messages)}") from exc
    items = {_key(item.elements()): item for item in catalog.items.filter(withdrawn=False)}
    guideline = {
        _key(g.elements()): g
        for g in GuidelineItem.objects.filter(guideline__domain=catalog.domain)
    }
    created = updated = unchanged = 0
    position = _next_position(catalog)
    for _number, elements in cleaned:
        key = _key(elements)
        if key in items:
            item = items[key]
            if item.elements() == elements:
                unchanged += 1
                continue
            before = item.elements()
            for field, value in elements.items():
                setattr(item, field, value)
            item.revision += 1
            item.save()
            _save_revision(item, by=by, note="从表格导入")
            record_event(
                actor=by,
                action="catalog.item_updated",
                target=item,
                organization=catalog.organization,
                before=before,
                after=elements,
                reason="从表格导入",
            )
            updated += 1
            continue
        item = CatalogItem.objects.create(
            catalog=catalog, guideline_item=guideline.get(key), position=position, **elements
        )
        items[key] = item
        position += 1
        _save_revision(item, by=by, note="从表格导入")
        created += 1
    record_event(
        actor=by,
        action="catalog.imported",
        target=catalog,
        organization=catalog.organization,
        after={"created": created, "updated": updated, "unchanged": unchanged},
    )
    return ImportOutcome(created=created, updated=updated, unchanged=unchanged)


@transaction.atomic
def import_guideline(
    *, domain: Domain, rows: list[tuple[int, dict]], by, title: str = "", complete: bool = True
) -> Guideline:
    """Replace a domain's guideline with a complete one read from a table (administrators only).

    Items are matched by their 事项 names: matched ones are updated in place so that catalogs keep
    their links; new ones are added; ones the table no longer lists are kept only where a catalog
    adopted them (and reported in the audit row)."""
    require(by, Action.MANAGE_GUIDELINES, None)
    cleaned = []
    for number, row in rows:
        try:
            cleaned.append(clean_elements(row))
        except ValidationError as exc:
            raise ValidationError(f"第 {number} 行：{'；'.join(exc.messages)}") from exc
    if not cleaned:
        raise ValidationError("表格中没有可导入的事项。")
    guideline, _ = Guideline.objects.select_for_update(of=("self",)).get_or_create(domain=domain)
    before = {"items": guideline.items.count(), "complete": guideline.complete}
    existing = {_key(g.elements()): g for g in guideline.items.all()}
    seen = set()
    for seq, elements in enumerate(cleaned, start=1):
        key = _key(elements)
        seen.add(key)
        item = existing.get(key) or GuidelineItem(guideline=guideline)
        for field, value in elements.items():
            setattr(item, field, value)
        item.seq = seq
        item.save()
    kept = []
    for key, item in existing.items():
        if key in seen:
            continue
        if item.catalog_items.exists():
            kept.append(item.name)
        else:
            item.delete()
    guideline.complete = complete
    guideline.title = title or guideline.title
    guideline.source = "管理员导入"
    guideline.loaded_at = timezone.now()
    guideline.save()
    record_event(
        actor=by,
        action="guidelines.imported",
        target=guideline,
        before=before,
        after={"items": guideline.items.count(), "complete": complete, "kept_adopted": kept},
    )
    public_pages_changed()
    return guideline

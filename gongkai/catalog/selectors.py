"""What pages and supervisors read about guidelines and catalogs."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import F

from gongkai.catalog.models import Catalog, CatalogItem, CatalogVersion, Domain, GuidelineItem
from gongkai.orgs.models import Organization


@dataclass(frozen=True)
class Coverage:
    """Coverage of one organization × domain: adopted ÷ applicable guideline items at its level.

    Guideline items the organization marked not applicable (with a reason) leave the denominator.
    """

    applicable: int
    adopted: int
    not_applicable: int
    local: int

    @property
    def percent(self) -> int | None:
        if self.applicable == 0:
            return None
        return round(100 * self.adopted / self.applicable)


def guideline_items_for_level(domain: Domain, level: str | None) -> list[GuidelineItem]:
    items = GuidelineItem.objects.filter(guideline__domain=domain).order_by("seq")
    return [item for item in items if level in item.levels]


def coverage_matrix(
    organizations: list[Organization], domains: list[Domain], *, published_only: bool = False
) -> dict[tuple[int, int], Coverage]:
    """Coverage for every (organization id, domain id) pair, in a few queries whatever the sizes.

    With `published_only`, an item counts as adopted only once it is in the latest published
    version (what the public sees); drafts count in the organization's own workspace.
    """
    level_items: dict[tuple[int, str], set[int]] = defaultdict(set)
    for item_id, domain_id, levels in GuidelineItem.objects.filter(
        guideline__domain__in=domains
    ).values_list("id", "guideline__domain_id", "levels"):
        for level in levels:
            level_items[(domain_id, level)].add(item_id)
    adopted: dict[tuple[int, int], set[int]] = defaultdict(set)
    not_applicable: dict[tuple[int, int], set[int]] = defaultdict(set)
    local: dict[tuple[int, int], int] = defaultdict(int)
    rows = CatalogItem.objects.filter(
        catalog__organization__in=organizations, catalog__domain__in=domains, withdrawn=False
    ).values_list(
        "id", "catalog__organization_id", "catalog__domain_id", "guideline_item_id", "applicable"
    )
    published = _published_item_ids(organizations, domains) if published_only else None
    for item_id, org_id, domain_id, guideline_item_id, applicable in rows:
        key = (org_id, domain_id)
        if published is not None and applicable and item_id not in published:
            continue
        if guideline_item_id is None:
            local[key] += applicable
        elif applicable:
            adopted[key].add(guideline_item_id)
        else:
            not_applicable[key].add(guideline_item_id)
    result = {}
    for org in organizations:
        for domain in domains:
            key = (org.id, domain.id)
            expected = level_items.get((domain.id, org.catalog_level), set()) - not_applicable[key]
            result[key] = Coverage(
                applicable=len(expected),
                adopted=len(adopted[key] & expected),
                not_applicable=len(not_applicable[key]),
                local=local[key],
            )
    return result


def _published_item_ids(organizations: list[Organization], domains: list[Domain]) -> set[int]:
    versions = CatalogVersion.objects.filter(
        catalog__organization__in=organizations,
        catalog__domain__in=domains,
        catalog__published_version__gt=0,
        number=F("catalog__published_version"),
    ).values_list("items", flat=True)
    return {entry["item_id"] for items in versions for entry in items}


def coverage_of(organization: Organization, domain: Domain) -> Coverage:
    return coverage_matrix([organization], [domain])[(organization.id, domain.id)]


def latest_version(catalog: Catalog) -> CatalogVersion | None:
    return catalog.versions.order_by("-number").first()


def published_catalogs(organization: Organization):
    return (
        Catalog.objects.filter(organization=organization, published_version__gt=0)
        .select_related("domain")
        .order_by("domain__position")
    )


def published_item(catalog: Catalog, item_id: int) -> dict | None:
    """The item as the latest published version shows it (the public never sees unpublished edits)."""
    version = latest_version(catalog)
    if version is None:
        return None
    return next((entry for entry in version.items if entry["item_id"] == item_id), None)

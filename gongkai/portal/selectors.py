"""What the public pages read: only published catalog versions, never drafts; bounded queries."""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import F
from django.urls import reverse

from gongkai.catalog.models import Catalog, CatalogVersion, Domain, Guideline, Mode
from gongkai.catalog.selectors import coverage_matrix, latest_version
from gongkai.orgs.models import Organization, OrganizationKind, Region


@dataclass(frozen=True)
class Crumb:
    name: str
    url: str


@dataclass
class RegionNode:
    region: Region
    organizations: list[Organization] = field(default_factory=list)
    children: list["RegionNode"] = field(default_factory=list)


@dataclass(frozen=True)
class PublishedItem:
    """One item as a published version froze it."""

    item_id: int
    level1: str
    level2: str
    level3: str
    content: str
    basis: tuple[str, ...]
    time_limit: str
    subject: str
    channels: tuple[str, ...]
    audience: str
    mode: str
    levels: tuple[str, ...]
    note: str

    @classmethod
    def from_entry(cls, entry: dict) -> "PublishedItem":
        return cls(
            item_id=entry["item_id"],
            level1=entry.get("level1", ""),
            level2=entry.get("level2", ""),
            level3=entry.get("level3", ""),
            content=entry.get("content", ""),
            basis=tuple(entry.get("basis") or ()),
            time_limit=entry.get("time_limit", ""),
            subject=entry.get("subject", ""),
            channels=tuple(entry.get("channels") or ()),
            audience=entry.get("audience", ""),
            mode=entry.get("mode", ""),
            levels=tuple(entry.get("levels") or ()),
            note=entry.get("note", ""),
        )

    @property
    def name(self) -> str:
        return self.level3 or self.level2 or self.level1

    @property
    def title(self) -> str:
        """The item's name under its 一级事项 heading."""
        return " · ".join(part for part in (self.level2, self.level3) if part) or self.level1

    @property
    def heading(self) -> str:
        return " · ".join(part for part in (self.level1, self.level2, self.level3) if part)

    @property
    def mode_label(self) -> str:
        return Mode(self.mode).label if self.mode in Mode.values else self.mode


@dataclass(frozen=True)
class ItemGroup:
    level1: str
    items: list[PublishedItem]


@dataclass(frozen=True)
class CatalogSummary:
    domain: Domain
    item_count: int
    version_number: int
    published_at: datetime
    coverage_percent: int | None
    guideline_complete: bool


@dataclass(frozen=True)
class OrganizationPage:
    organization: Organization
    crumbs: list[Crumb]
    catalogs: list[CatalogSummary]
    pending_domains: list[Domain]
    children: list[Organization]


@dataclass(frozen=True)
class VersionRef:
    number: int
    published_at: datetime
    note: str


@dataclass(frozen=True)
class CatalogPage:
    organization: Organization
    domain: Domain
    crumbs: list[Crumb]
    version: VersionRef
    latest_number: int
    items: list[PublishedItem]
    groups: list[ItemGroup]
    versions: list[VersionRef]
    guideline_complete: bool

    @property
    def is_latest(self) -> bool:
        return self.version.number == self.latest_number


@dataclass(frozen=True)
class ItemPage:
    organization: Organization
    domain: Domain
    crumbs: list[Crumb]
    version: VersionRef
    item: PublishedItem


def region_tree() -> list[RegionNode]:
    """The administrative tree with the organizations of each region, in two queries."""
    nodes = {region.id: RegionNode(region=region) for region in Region.objects.order_by("path")}
    kind_order = {kind: index for index, kind in enumerate(OrganizationKind.values)}
    organizations = sorted(
        Organization.objects.only("code", "name", "kind", "region_id", "position"),
        key=lambda org: (kind_order.get(org.kind, 99), org.position, org.code),
    )
    for org in organizations:
        nodes[org.region_id].organizations.append(org)
    roots = []
    for node in nodes.values():
        parent = nodes.get(node.region.parent_id)
        (parent.children if parent else roots).append(node)
    return roots


def all_domains() -> list[Domain]:
    return list(Domain.objects.order_by("position", "code"))


def _organization(code: str) -> Organization | None:
    return Organization.objects.select_related("region").filter(code=code).first()


def _ancestor_crumbs(organization: Organization) -> list[Crumb]:
    codes = [code for code in organization.path.split("/") if code][:-1]
    ancestors = {org.code: org for org in Organization.objects.filter(code__in=codes)}
    crumbs = [Crumb("首页", reverse("portal:home"))]
    crumbs += [
        Crumb(ancestors[code].name, reverse("portal:organization", args=[code]))
        for code in codes
        if code in ancestors
    ]
    return crumbs


def _organization_crumb(organization: Organization) -> Crumb:
    return Crumb(organization.name, reverse("portal:organization", args=[organization.code]))


def _guideline_complete(domain: Domain) -> bool:
    try:
        return domain.guideline.complete
    except Guideline.DoesNotExist:
        return False


def organization_page(code: str) -> OrganizationPage | None:
    organization = _organization(code)
    if organization is None:
        return None
    latest = list(
        CatalogVersion.objects.filter(
            catalog__organization=organization,
            catalog__published_version__gt=0,
            number=F("catalog__published_version"),
        )
        .select_related("catalog__domain__guideline")
        .order_by("catalog__domain__position", "catalog__domain__code")
    )
    domains = [version.catalog.domain for version in latest]
    coverage = coverage_matrix([organization], domains, published_only=True) if domains else {}
    catalogs = [
        CatalogSummary(
            domain=version.catalog.domain,
            item_count=len(version.items),
            version_number=version.number,
            published_at=version.published_at,
            coverage_percent=coverage[(organization.id, version.catalog.domain_id)].percent,
            guideline_complete=_guideline_complete(version.catalog.domain),
        )
        for version in latest
    ]
    published_ids = {domain.id for domain in domains}
    pending = [d for d in organization.domains.order_by("position") if d.id not in published_ids]
    children = list(organization.children.order_by("position", "code"))
    return OrganizationPage(
        organization=organization,
        crumbs=_ancestor_crumbs(organization),
        catalogs=catalogs,
        pending_domains=pending,
        children=children,
    )


def _published_catalog(code: str, domain_code: str) -> Catalog | None:
    return (
        Catalog.objects.select_related("organization__region", "domain__guideline")
        .filter(organization__code=code, domain__code=domain_code, published_version__gt=0)
        .first()
    )


def _ref(version: CatalogVersion) -> VersionRef:
    return VersionRef(number=version.number, published_at=version.published_at, note=version.note)


def _groups(items: list[PublishedItem]) -> list[ItemGroup]:
    grouped: dict[str, list[PublishedItem]] = {}
    for item in items:
        grouped.setdefault(item.level1, []).append(item)
    return [ItemGroup(level1=level1, items=group) for level1, group in grouped.items()]


def catalog_page(code: str, domain_code: str, *, number: int | None = None) -> CatalogPage | None:
    """A published version of an organization's catalog: the latest, or the one numbered `number`."""
    catalog = _published_catalog(code, domain_code)
    if catalog is None:
        return None
    wanted = catalog.published_version if number is None else number
    version = catalog.versions.filter(number=wanted).first()
    if version is None:
        return None
    versions = [_ref(v) for v in catalog.versions.defer("items").order_by("-number")]
    items = [PublishedItem.from_entry(entry) for entry in version.items]
    return CatalogPage(
        organization=catalog.organization,
        domain=catalog.domain,
        crumbs=[
            *_ancestor_crumbs(catalog.organization),
            _organization_crumb(catalog.organization),
        ],
        version=_ref(version),
        latest_number=catalog.published_version,
        items=items,
        groups=_groups(items),
        versions=versions,
        guideline_complete=_guideline_complete(catalog.domain),
    )


def item_page(code: str, domain_code: str, item_id: int) -> ItemPage | None:
    """An item as the latest published version shows it; None when that version does not list it."""
    catalog = _published_catalog(code, domain_code)
    if catalog is None:
        return None
    version = latest_version(catalog)
    if version is None:
        return None
    entry = next((e for e in version.items if e["item_id"] == item_id), None)
    if entry is None:
        return None
    organization = catalog.organization
    return ItemPage(
        organization=organization,
        domain=catalog.domain,
        crumbs=[
            *_ancestor_crumbs(organization),
            _organization_crumb(organization),
            Crumb(
                catalog.domain.name,
                reverse("portal:catalog", args=[organization.code, catalog.domain.code]),
            ),
        ],
        version=_ref(version),
        item=PublishedItem.from_entry(entry),
    )

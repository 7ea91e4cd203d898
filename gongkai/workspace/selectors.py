"""What the staff workspace reads: rows ready for the templates."""

from dataclasses import dataclass

from gongkai.catalog.models import Catalog, CatalogItem, Domain, GuidelineItem
from gongkai.catalog.selectors import Coverage, coverage_matrix
from gongkai.orgs.models import Organization


@dataclass(frozen=True)
class DomainRow:
    domain: Domain
    catalog: Catalog | None
    coverage: Coverage
    guideline_complete: bool


def domain_rows(org: Organization) -> list[DomainRow]:
    domains = list(org.domains.select_related("guideline").order_by("position"))
    matrix = coverage_matrix([org], domains)
    catalogs = {c.domain_id: c for c in Catalog.objects.filter(organization=org)}
    return [
        DomainRow(
            domain=d,
            catalog=catalogs.get(d.id),
            coverage=matrix[(org.id, d.id)],
            guideline_complete=d.guideline.complete,
        )
        for d in domains
    ]


@dataclass(frozen=True)
class OrganizationRow:
    org: Organization
    applicable: int
    adopted: int
    percent: int | None
    domains: int
    published: int


def _rows(organizations: list[Organization]) -> list[OrganizationRow]:
    if not organizations:
        return []
    duties = {}
    for org_id, domain_id in Organization.domains.through.objects.filter(
        organization__in=organizations
    ).values_list("organization_id", "domain_id"):
        duties.setdefault(org_id, set()).add(domain_id)
    domains = list(Domain.objects.all())
    matrix = coverage_matrix(organizations, domains)
    published = {}
    for org_id in Catalog.objects.filter(
        organization__in=organizations, published_version__gt=0
    ).values_list("organization_id", flat=True):
        published[org_id] = published.get(org_id, 0) + 1
    rows = []
    for org in organizations:
        mine = [matrix[(org.id, d.id)] for d in domains if d.id in duties.get(org.id, set())]
        applicable = sum(c.applicable for c in mine)
        adopted = sum(c.adopted for c in mine)
        rows.append(
            OrganizationRow(
                org=org,
                applicable=applicable,
                adopted=adopted,
                percent=round(100 * adopted / applicable) if applicable else None,
                domains=len(mine),
                published=published.get(org.id, 0),
            )
        )
    return rows


def organization_rows(organizations: list[Organization]) -> list[OrganizationRow]:
    return _rows(organizations)


def supervision_rows(organizations: list[Organization]) -> list[OrganizationRow]:
    """Every supervised organization with its catalog coverage, least covered first."""
    rows = _rows(organizations)
    return sorted(
        rows,
        key=lambda r: (r.percent is None, r.percent if r.percent is not None else 0, r.org.path),
    )


@dataclass(frozen=True)
class CompilationView:
    pending: list[GuidelineItem]  # applicable at this level, not yet adopted or marked
    items: list[CatalogItem]  # adopted and local items in the catalog
    not_applicable: list[CatalogItem]
    withdrawn: list[CatalogItem]
    other_level: int  # guideline items of this domain for other levels only


def compilation(catalog: Catalog | None, *, org: Organization, domain: Domain) -> CompilationView:
    guideline = list(GuidelineItem.objects.filter(guideline__domain=domain).order_by("seq"))
    level_items = [g for g in guideline if org.catalog_level in g.levels]
    items = (
        list(catalog.items.select_related("guideline_item").order_by("position", "id"))
        if catalog
        else []
    )
    taken = {i.guideline_item_id for i in items if i.guideline_item_id}
    return CompilationView(
        pending=[g for g in level_items if g.id not in taken],
        items=[i for i in items if i.applicable and not i.withdrawn],
        not_applicable=[i for i in items if not i.applicable and not i.withdrawn],
        withdrawn=[i for i in items if i.withdrawn],
        other_level=len(guideline) - len(level_items),
    )

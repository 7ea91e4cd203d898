"""A province-sized tree for the supervision bench, written with bulk_create.

2,000 bodies (province, 13 cities, 104 counties with 8 departments and 9 townships each), their
catalogs in every duty domain, 1,000,000 published documents filed under catalog items (a share
late, policies with and without interpretations) and 50,000 disclosure requests.

Bodies, catalogs, interpretations and requests go through bulk_create. Catalog items and
documents go through ``RawRows`` (executemany with the model's own column preparation): the
ORM's per-row cost of about a millisecond would make a million documents a quarter of an hour.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from itertools import islice

from django.db import connection, transaction
from django.utils import timezone

from gongkai.catalog.models import Catalog, CatalogItem, Domain, GuidelineItem
from gongkai.documents.choices import Disclosure, Genre, Status
from gongkai.documents.models import Document
from gongkai.info_requests.models import InfoRequest
from gongkai.orgs.models import Organization, OrganizationKind, Region, RegionLevel

CITIES, COUNTIES_PER_CITY, COUNTY_DEPARTMENTS, TOWNSHIPS = 13, 8, 8, 9
PROVINCE_DEPARTMENTS, CITY_DEPARTMENTS = 10, 8
BATCH = 10_000
GENRES = [Genre.ANNOUNCEMENT] * 5 + [Genre.NEWS] * 3 + [Genre.GUIDE] * 2 + [Genre.NORMATIVE]


def _chunks(iterable, size=BATCH):
    iterator = iter(iterable)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _org(code, name, kind, region, parent, paths) -> Organization:
    org = Organization(
        code=code, name=name, short_name=name, kind=kind, region=region, parent=parent
    )
    org.path = f"{paths[parent.code] if parent else ''}{code}/"
    paths[code] = org.path
    return org


def _region(code, name, level, parent, paths) -> Region:
    region = Region(code=code, name=name, level=level, parent=parent)
    region.path = f"{paths[parent.code] if parent else ''}{code}/"
    paths[code] = region.path
    return region


@transaction.atomic
def build_tree() -> list[Organization]:
    """2,000 bodies; regions and bodies saved level by level so that parents have ids."""
    region_paths: dict[str, str] = {}
    org_paths: dict[str, str] = {}
    province_region = _region("980000", "基准省", RegionLevel.PROVINCE, None, region_paths)
    province_region.save()
    province = _org(
        "P", "基准省人民政府", OrganizationKind.GOVERNMENT, province_region, None, org_paths
    )
    province.save()
    level = [
        _org(
            f"PD{d:02d}",
            f"基准省第{d}厅",
            OrganizationKind.DEPARTMENT,
            province_region,
            province,
            org_paths,
        )
        for d in range(1, PROVINCE_DEPARTMENTS + 1)
    ]
    city_regions = [
        _region(f"98{c:02d}00", f"第{c}市", RegionLevel.CITY, province_region, region_paths)
        for c in range(1, CITIES + 1)
    ]
    Region.objects.bulk_create(city_regions)
    cities = [
        _org(f"C{c:02d}", f"第{c}市人民政府", OrganizationKind.GOVERNMENT, r, province, org_paths)
        for c, r in enumerate(Region.objects.filter(level=RegionLevel.CITY).order_by("code"), 1)
    ]
    Organization.objects.bulk_create([*level, *cities])
    cities = list(Organization.objects.filter(code__regex=r"^C\d\d$").select_related("region"))
    level, county_regions = [], []
    for city in cities:
        level += [
            _org(
                f"{city.code}D{d}",
                f"{city.name[:-4]}第{d}局",
                OrganizationKind.DEPARTMENT,
                city.region,
                city,
                org_paths,
            )
            for d in range(1, CITY_DEPARTMENTS + 1)
        ]
        county_regions += [
            _region(
                f"{city.region.code[:4]}{k:02d}",
                f"{city.name[:-4]}第{k}县",
                RegionLevel.COUNTY,
                city.region,
                region_paths,
            )
            for k in range(1, COUNTIES_PER_CITY + 1)
        ]
    Region.objects.bulk_create(county_regions)
    by_code = {c.region.code[:4]: c for c in cities}
    counties = [
        _org(
            f"{by_code[r.code[:4]].code}K{r.code[4:]}",
            f"{r.name}人民政府",
            OrganizationKind.GOVERNMENT,
            r,
            by_code[r.code[:4]],
            org_paths,
        )
        for r in Region.objects.filter(level=RegionLevel.COUNTY).order_by("code")
    ]
    Organization.objects.bulk_create([*level, *counties])
    counties = list(
        Organization.objects.filter(
            kind=OrganizationKind.GOVERNMENT, region__level=RegionLevel.COUNTY
        ).select_related("region")
    )
    level, township_regions = [], []
    for county in counties:
        level += [
            _org(
                f"{county.code}D{d}",
                f"{county.region.name}第{d}局",
                OrganizationKind.DEPARTMENT,
                county.region,
                county,
                org_paths,
            )
            for d in range(1, COUNTY_DEPARTMENTS + 1)
        ]
        township_regions += [
            _region(
                f"{county.region.code}{t:03d}",
                f"{county.region.name}第{t}镇",
                RegionLevel.TOWNSHIP,
                county.region,
                region_paths,
            )
            for t in range(1, TOWNSHIPS + 1)
        ]
    Region.objects.bulk_create(township_regions)
    county_by_region = {c.region.code: c for c in counties}
    level += [
        _org(
            f"{county_by_region[r.code[:6]].code}T{r.code[6:]}",
            f"{r.name}人民政府",
            OrganizationKind.TOWNSHIP,
            r,
            county_by_region[r.code[:6]],
            org_paths,
        )
        for r in Region.objects.filter(level=RegionLevel.TOWNSHIP).order_by("code")
    ]
    Organization.objects.bulk_create(level)
    return list(Organization.objects.select_related("region").order_by("path"))


class RawRows:
    """Rows of a model inserted with executemany: the ORM costs about a millisecond per document,
    which for a million is a quarter of an hour. Columns not given take the model's defaults."""

    def __init__(self, model, columns: list[str]) -> None:
        self.model = model
        self.columns = columns
        template = model()
        fields = list(model._meta.concrete_fields)
        self.defaults = {}
        for field in fields:
            if field.attname in columns or field.primary_key:
                continue
            value = field.pre_save(template, add=True)
            self.defaults[field.column] = field.get_db_prep_save(value, connection)
        self.fields = {f.attname: f for f in fields}
        names = [self.fields[c].column for c in columns] + list(self.defaults)
        marks = ", ".join(["%s"] * len(names))
        self.sql = f"INSERT INTO {model._meta.db_table} ({', '.join(names)}) VALUES ({marks})"
        self.tail = list(self.defaults.values())

    def insert(self, rows: list[tuple]) -> None:
        prepared = [
            [
                self.fields[c].get_db_prep_save(v, connection)
                for c, v in zip(self.columns, row, strict=True)
            ]
            + self.tail
            for row in rows
        ]
        with connection.cursor() as cursor:
            cursor.executemany(self.sql, prepared)


@transaction.atomic
def build_catalogs(organizations: list[Organization]) -> int:
    """Duty domains and a catalog with every applicable guideline item, for county-level bodies."""
    domains = list(Domain.objects.order_by("position"))
    guideline = list(GuidelineItem.objects.select_related("guideline"))
    through = Organization.domains.through
    duties, catalogs = [], []
    for org in organizations:
        level = org.catalog_level
        if level is None:
            continue
        if org.kind == OrganizationKind.DEPARTMENT:
            index = int(org.code.rsplit("D", 1)[1]) - 1
            mine = domains[index::COUNTY_DEPARTMENTS]
        elif org.kind == OrganizationKind.GOVERNMENT:
            mine = []  # the county's departments hold the domains
        else:
            mine = domains
        for domain in mine:
            duties.append(through(organization_id=org.id, domain_id=domain.id))
            catalogs.append(Catalog(organization=org, domain=domain, published_version=1))
    through.objects.bulk_create(duties, batch_size=BATCH)
    Catalog.objects.bulk_create(catalogs, batch_size=BATCH)
    by_domain: dict[int, list[GuidelineItem]] = {}
    for item in guideline:
        by_domain.setdefault(item.guideline.domain_id, []).append(item)
    levels = {org.id: org.catalog_level for org in organizations}
    columns = ["catalog_id", "guideline_item_id", "position", "level1", "level2", "time_limit"]
    columns += ["time_limit_working_days", "mode", "levels"]
    raw = RawRows(CatalogItem, columns)
    rows = []
    for catalog_id, org_id, domain_id in Catalog.objects.values_list(
        "id", "organization_id", "domain_id"
    ):
        for position, g in enumerate(by_domain.get(domain_id, [])):
            if levels[org_id] in g.levels:
                rows.append(
                    (
                        catalog_id,
                        g.id,
                        position,
                        g.level1,
                        g.level2,
                        g.time_limit,
                        g.time_limit_working_days,
                        g.mode,
                        g.levels,
                    )
                )
    for chunk in _chunks(rows):
        raw.insert(chunk)
    return len(rows)


def _moment(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(9, 30)))


def build_documents(
    organizations: list[Organization], *, total: int, today: date, seed: int = 7
) -> int:
    """``total`` documents over the last three years: most under a catalog item of their body."""
    rng = random.Random(seed)
    items = list(CatalogItem.objects.values_list("id", "catalog__organization_id"))
    org_ids = [org.id for org in organizations]
    columns = ["id", "organization_id", "title", "genre", "written_on", "disclosure", "status"]
    documents = RawRows(Document, [*columns, "published_at"])
    links = RawRows(Document.catalog_items.through, ["document_id", "catalogitem_id"])
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {Document._meta.db_table}")
        next_id = cursor.fetchone()[0] + 1
    made = 0
    while made < total:
        size = min(BATCH * 5, total - made)
        rows, filed = [], []
        for n in range(size):
            doc_id = next_id + made + n
            in_item = rng.random() < 0.96
            item_id, org_id = rng.choice(items) if in_item else (None, rng.choice(org_ids))
            published = today - timedelta(days=rng.randrange(0, 1095))
            lag = rng.randrange(0, 9) if rng.random() < 0.92 else rng.randrange(15, 60)
            status = Status.PUBLISHED if rng.random() < 0.98 else Status.WITHDRAWN
            rows.append(
                (
                    doc_id,
                    org_id,
                    f"基准信息{doc_id}",
                    rng.choice(GENRES),
                    published - timedelta(days=lag),
                    Disclosure.PROACTIVE,
                    status,
                    _moment(published),
                )
            )
            if item_id:
                filed.append((doc_id, item_id))
        with transaction.atomic():
            documents.insert(rows)
            links.insert(filed)
        made += size
    return made


@transaction.atomic
def build_interpretations(*, share: float = 0.5, seed: int = 11) -> int:
    """Link half of the policies to an interpretation published by the same body."""
    rng = random.Random(seed)
    policies = list(
        Document.objects.filter(genre=Genre.NORMATIVE).values_list(
            "id", "organization_id", "published_at"
        )
    )
    interpretations, links = [], []
    for policy_id, org_id, published_at in policies:
        if rng.random() < share:
            interpretations.append(
                Document(
                    organization_id=org_id,
                    title=f"政策解读{policy_id}",
                    genre=Genre.INTERPRETATION,
                    written_on=timezone.localdate(published_at),
                    disclosure=Disclosure.PROACTIVE,
                    status=Status.PUBLISHED,
                    published_at=published_at + timedelta(days=rng.randrange(0, 8)),
                )
            )
            links.append(policy_id)
    created = Document.objects.bulk_create(interpretations, batch_size=BATCH)
    through = Document.interprets.through
    through.objects.bulk_create(
        (
            through(from_document_id=doc.id, to_document_id=policy)
            for doc, policy in zip(created, links, strict=True)
        ),
        batch_size=BATCH,
    )
    return len(created)


@transaction.atomic
def build_requests(
    organizations: list[Organization], *, total: int, today: date, seed: int = 5
) -> int:
    rng = random.Random(seed)
    bodies = [o for o in organizations if o.catalog_level is not None]
    rows = []
    for n in range(total):
        org = rng.choice(bodies)
        received = today - timedelta(days=rng.randrange(0, 730))
        due = received + timedelta(days=28)
        replied = received + timedelta(days=rng.randrange(5, 40))
        open_ = replied > today or rng.random() < 0.03
        rows.append(
            InfoRequest(
                organization=org,
                number=f"B{n:07d}",
                year=received.year,
                sequence=n + 1,
                token_hash=f"{n:064x}",
                channel="online",
                submitted_on=received,
                received_on=received,
                applicant_type="natural_person",
                applicant_name="基准申请人",
                applicant_key=f"{n:064x}",
                description="基准申请",
                medium="electronic",
                delivery="online",
                status="handling" if open_ else "replied",
                due_on=due,
                replied_on=None if open_ else replied,
                result="" if open_ else "granted",
            )
        )
    InfoRequest.objects.bulk_create(rows, batch_size=BATCH)
    return total

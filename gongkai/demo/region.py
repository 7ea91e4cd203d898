"""The fictional 青禾市 used for demos and tests: 2 counties, 6 townships/streets, 10 county
departments, 4 villages, users for every role, and catalogs (some deliberately incomplete)."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction

from gongkai.catalog import services as catalog_services
from gongkai.catalog.models import Domain
from gongkai.catalog.selectors import guideline_items_for_level
from gongkai.demo import documents as demo_documents
from gongkai.demo import info_requests as demo_info_requests
from gongkai.demo import participation as demo_participation
from gongkai.demo import reports as demo_reports
from gongkai.demo import supervision as demo_supervision
from gongkai.orgs.models import (
    Membership,
    Organization,
    OrganizationKind,
    Region,
    RegionLevel,
    Role,
)

DEMO_PASSWORD = "gongkai-demo"  # noqa: S105 - printed for the demo on purpose

COUNTIES = {
    "东川县": ("991001", ["城关镇", "河口镇", "东湖街道"]),
    "西岭县": ("991002", ["石桥镇", "云台乡", "新城街道"]),
}
VILLAGES = {"城关镇": ["柳树村", "杏花村"], "石桥镇": ["石桥村", "桃源社区"]}
DEPARTMENTS = {
    "东川县": {
        "民政局": ["social_assistance", "elderly_care"],
        "人力资源和社会保障局": ["employment", "social_insurance"],
        "财政局": ["fiscal_budget", "agricultural_subsidies"],
        "自然资源局": ["spatial_planning", "land_expropriation"],
        "住房和城乡建设局": [
            "affordable_housing",
            "rural_dilapidated_housing",
            "housing_expropriation",
        ],
    },
    "西岭县": {
        "民政局": ["social_assistance", "elderly_care"],
        "教育局": ["compulsory_education"],
        "卫生健康局": ["healthcare"],
        "生态环境分局": ["environmental_protection"],
        "应急管理局": ["work_safety", "disaster_relief"],
    },
}
# Bodies whose catalogs are left incomplete, so that coverage and supervision show something.
INCOMPLETE = {"云台乡", "西岭县卫生健康局", "新城街道", "东湖街道", "东川县财政局"}
UNSTARTED = {"云台乡": {"public_culture", "employment", "healthcare"}}


@dataclass(frozen=True)
class DemoUser:
    username: str
    role: str
    organization: str
    description: str


DEMO_USERS = [
    DemoUser("admin", "superuser", "", "系统管理员（全部权限）"),
    DemoUser("shi_gkb", Role.SUPERVISOR, "青禾市人民政府", "市政务公开办（监督全市）"),
    DemoUser("dc_gkb", Role.SUPERVISOR, "东川县人民政府", "东川县政务公开办（监督全县）"),
    DemoUser("cgz_admin", Role.ADMIN, "东川县城关镇人民政府", "城关镇管理员"),
    DemoUser("cgz_editor", Role.EDITOR, "东川县城关镇人民政府", "城关镇信息员"),
    DemoUser("cgz_reviewer", Role.REVIEWER, "东川县城关镇人民政府", "城关镇审核人"),
    DemoUser("hkz_editor", Role.EDITOR, "东川县河口镇人民政府", "河口镇信息员（相邻乡镇）"),
    DemoUser("dcmz_editor", Role.EDITOR, "东川县民政局", "东川县民政局信息员"),
]


def _township_org_name(county: str, township: str) -> str:
    suffix = "办事处" if township.endswith("街道") else "人民政府"
    return f"{county}{township}{suffix}"


def _domains_with_items(domains: dict[str, Domain], org: Organization) -> list[Domain]:
    return [d for d in domains.values() if guideline_items_for_level(d, org.catalog_level)]


@transaction.atomic
def build_region() -> dict[str, Organization]:
    """Regions, organizations and their domain duties; returns organizations by name."""
    city_region = Region.objects.create(code="991000", name="青禾市", level=RegionLevel.CITY)
    city = Organization.objects.create(
        code="QH",
        name="青禾市人民政府",
        short_name="青禾市",
        kind=OrganizationKind.GOVERNMENT,
        region=city_region,
        address="青禾市人民路1号",
        phone="0991-1234567",
        office_hours="工作日 9:00-12:00，14:00-17:30",
    )
    orgs = {city.name: city}
    all_domains = {d.code: d for d in Domain.objects.all()}
    for c_index, (county, (code, townships)) in enumerate(COUNTIES.items(), start=1):
        region = Region.objects.create(
            code=code, name=county, level=RegionLevel.COUNTY, parent=city_region
        )
        gov = Organization.objects.create(
            code=f"QH{c_index:02d}",
            name=f"{county}人民政府",
            short_name=county,
            kind=OrganizationKind.GOVERNMENT,
            region=region,
            parent=city,
            position=c_index,
            address=f"{county}政府路8号",
            phone=f"0991-66{c_index}0000",
            office_hours="工作日 9:00-17:00",
        )
        orgs[gov.name] = gov
        assigned: set[str] = set()
        for d_index, (dept, codes) in enumerate(DEPARTMENTS[county].items(), start=1):
            org = Organization.objects.create(
                code=f"{gov.code}D{d_index:02d}",
                name=f"{county}{dept}",
                short_name=dept,
                kind=OrganizationKind.DEPARTMENT,
                region=region,
                parent=gov,
                position=d_index,
                address=f"{county}行政中心{d_index}号楼",
                phone=f"0991-66{c_index}1{d_index:03d}",
            )
            org.domains.set([all_domains[c] for c in codes])
            assigned.update(codes)
            orgs[org.name] = org
        # The county government itself compiles the domains no demo department holds.
        gov.domains.set([d for c, d in all_domains.items() if c not in assigned])
        for t_index, township in enumerate(townships, start=1):
            t_region = Region.objects.create(
                code=f"{code}{t_index:03d}",
                name=township,
                level=RegionLevel.TOWNSHIP,
                parent=region,
            )
            org = Organization.objects.create(
                code=f"{gov.code}T{t_index:02d}",
                name=_township_org_name(county, township),
                short_name=township,
                kind=OrganizationKind.TOWNSHIP,
                region=t_region,
                parent=gov,
                position=10 + t_index,
                address=f"{county}{township}政府街{t_index}号",
                phone=f"0991-66{c_index}2{t_index:03d}",
            )
            org.domains.set(_domains_with_items(all_domains, org))
            orgs[org.name] = org
            for v_index, village in enumerate(VILLAGES.get(township, []), start=1):
                v_region = Region.objects.create(
                    code=f"{t_region.code}{v_index:03d}",
                    name=village,
                    level=RegionLevel.VILLAGE,
                    parent=t_region,
                )
                v_org = Organization.objects.create(
                    code=f"{org.code}V{v_index:02d}",
                    name=f"{township}{village}{'居' if '社区' in village else '村'}民委员会",
                    short_name=village,
                    kind=OrganizationKind.VILLAGE,
                    region=v_region,
                    parent=org,
                    position=v_index,
                )
                v_org.domains.set(_domains_with_items(all_domains, v_org))
                orgs[v_org.name] = v_org
    return orgs


def build_users(orgs: dict[str, Organization]) -> None:
    user_model = get_user_model()
    for demo in DEMO_USERS:
        user = user_model.objects.create_user(
            username=demo.username,
            password=DEMO_PASSWORD,
            first_name=demo.description,
            is_superuser=demo.role == "superuser",
            is_staff=demo.role == "superuser",
        )
        if demo.role != "superuser":
            Membership.objects.create(
                user=user, organization=orgs[demo.organization], role=demo.role
            )


def _short(org: Organization) -> str:
    return org.short_name if org.kind != OrganizationKind.DEPARTMENT else org.name


def compile_catalogs(orgs: dict[str, Organization], *, by) -> int:
    """Adopt the applicable guideline items for each body and publish; returns catalogs published."""
    published = 0
    for org in orgs.values():
        level = org.catalog_level
        incomplete = _short(org) in INCOMPLETE
        for domain in org.domains.order_by("position"):
            if domain.code in UNSTARTED.get(org.short_name, set()):
                continue
            items = guideline_items_for_level(domain, level)
            if not items:
                continue
            catalog = catalog_services.open_catalog(organization=org, domain=domain, by=by)
            take = items[: max(1, len(items) // 2)] if incomplete else items
            catalog_services.adopt_guideline_items(catalog=catalog, guideline_items=take, by=by)
            if not incomplete and len(items) > 3 and org.kind == OrganizationKind.VILLAGE:
                catalog_services.mark_not_applicable(
                    catalog=catalog,
                    guideline_item=items[-1],
                    by=by,
                    reason="本村无此类事项，由乡镇统一公开。",
                )
            if incomplete and domain.position % 3 == 0:
                continue  # compiled but not yet published: a draft catalog
            catalog_services.publish_catalog(catalog=catalog, by=by, note="首次发布")
            published += 1
    return published


AREAS = ("documents", "participation", "info_requests", "reports", "supervision")
_BUILDERS = {
    "documents": demo_documents.build,
    "participation": demo_participation.build,
    "info_requests": demo_info_requests.build,
    "reports": demo_reports.build,
    "supervision": demo_supervision.build,
}


def build_demo(*, areas: tuple[str, ...] = AREAS) -> dict:
    """The whole demo: region, users and catalogs, then the data of each area in `areas`.

    The test suite's shared world builds the catalogs and documents only; each other area's
    tests build that area's demo data themselves.
    """
    orgs = build_region()
    build_users(orgs)
    admin = get_user_model().objects.get(username="admin")
    published = compile_catalogs(orgs, by=admin)
    figures = {"organizations": len(orgs), "published_catalogs": published}
    for area in areas:
        figures.update(_BUILDERS[area](orgs=orgs, by=admin))
    return figures

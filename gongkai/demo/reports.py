"""Demo 年度报告: the 2025 report of every body of 青禾市 (村、居委会 apart), and 城关镇's 2024 one.

Built after the demo requests (and documents, when there are any): the tables are counted from
them. Most reports were published in January 2026; 新城街道 published late, 云台乡 and 西岭县卫生健康局
are still drafts, so the region summary has something to show. Entered figures and cases are
fictitious.
"""

from datetime import date, datetime, time
from decimal import Decimal

from django.utils import timezone

from gongkai.orgs.models import Organization, OrganizationKind
from gongkai.reports import services
from gongkai.reports.models import AnnualReport, CaseKind, CaseResult

YEAR = 2025
DRAFTS = {"西岭县云台乡人民政府", "西岭县卫生健康局"}
PUBLISHED_LATE = {"西岭县新城街道办事处": date(2026, 2, 10)}
# (organization, kind, result, filed, concluded, case number, note)
CASES = [
    (
        "东川县城关镇人民政府",
        CaseKind.REVIEW,
        CaseResult.UPHELD,
        date(2025, 5, 6),
        date(2025, 7, 1),
        "东政复〔2025〕12号",
        "对部分公开答复不服",
    ),
    (
        "东川县民政局",
        CaseKind.LAWSUIT_DIRECT,
        CaseResult.PENDING,
        date(2025, 11, 20),
        None,
        "（2025）东行初字第31号",
        "对不予处理答复不服",
    ),
    (
        "东川县人民政府",
        CaseKind.REVIEW,
        CaseResult.CORRECTED,
        date(2025, 12, 1),
        date(2025, 12, 29),
        "青政复〔2025〕7号",
        "答复期限",
    ),
    (
        "东川县自然资源局",
        CaseKind.REVIEW,
        CaseResult.OTHER,
        date(2025, 8, 12),
        date(2026, 1, 15),
        "东政复〔2025〕20号",
        "对无法提供答复不服",
    ),
    (
        "东川县自然资源局",
        CaseKind.LAWSUIT_AFTER_REVIEW,
        CaseResult.UPHELD,
        date(2025, 3, 3),
        date(2025, 9, 30),
        "（2025）东行初字第8号",
        "复议维持后起诉",
    ),
]
PROBLEMS = (
    "一是政策解读形式较为单一，图解、视频等形式运用不多；二是基层政务公开专区更新不够及时。"
    "下一步将加强业务培训，落实专人定期更新。"
)
OTHER = "本年度未收取信息处理费。"


def _reporting_bodies(orgs: dict[str, Organization]) -> list[Organization]:
    return [org for org in orgs.values() if org.kind != OrganizationKind.VILLAGE]


def _published_at(org: Organization) -> datetime:
    day = PUBLISHED_LATE.get(org.name)
    if day is None:
        day = date(2026, 3, 20) if org.kind == OrganizationKind.GOVERNMENT else date(2026, 1, 26)
    return timezone.make_aware(datetime.combine(day, time(10, 0)))


def _fill(report: AnnualReport, index: int, *, by) -> AnnualReport:
    report = services.update_texts(
        report=report,
        by=by,
        overview=report.overview
        + "\n\n全年政务公开工作有序推进，基层政务公开标准化规范化水平持续提升。",
        problems=PROBLEMS,
        other_matters=OTHER,
    )
    return services.update_entered_figures(
        report=report,
        by=by,
        licensing=(index * 37) % 120,
        penalty=(index * 11) % 25,
        coercion=index % 3,
        fees=Decimal(index * 125) / 100,
    )


def build(*, orgs: dict[str, Organization], by) -> dict:
    if AnnualReport.objects.filter(year=YEAR).exists():
        return {"annual_reports": 0}
    for name, kind, result, filed, concluded, number, note in CASES:
        services.record_review_case(
            organization=orgs[name],
            by=by,
            kind=kind,
            result=result,
            filed_on=filed,
            concluded_on=concluded,
            case_number=number,
            note=note,
        )
    township = orgs["东川县城关镇人民政府"]
    earlier = _fill(services.open_report(organization=township, year=YEAR - 1, by=by), 1, by=by)
    services.publish_report(
        report=earlier,
        by=by,
        at=timezone.make_aware(datetime.combine(date(2025, 1, 20), time(10, 0))),
    )
    published = 0
    for index, org in enumerate(_reporting_bodies(orgs), start=1):
        report = _fill(services.open_report(organization=org, year=YEAR, by=by), index, by=by)
        if org.name not in DRAFTS:
            services.publish_report(report=report, by=by, at=_published_at(org))
            published += 1
    return {
        "annual_reports": len(_reporting_bodies(orgs)) + 1,
        "annual_reports_published": published + 1,
    }

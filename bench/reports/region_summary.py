"""Time the 年度报告 region summary of a supervisor over 2,000 organizations with a year of data.

    .venv/bin/python bench/reports/region_summary.py [--orgs 2000] [--requests 6] [--repeat 3]

Builds a throw-away SQLite database: one city government supervising 2,000 bodies (townships and
departments under 40 counties), each with ``--requests`` disclosure requests received in 2025
(a tenth still open at year end), three 行政规范性文件 (one repealed in 2025), a 行政复议 case for
one body in ten, and a 2025 report: 70 % published with frozen figures, 20 % drafts, 10 % missing.
Prints the seconds of ``region_summary`` (the query count too). Target (issue 5): ≤ 5 s on SQLite.
"""

import argparse
import os
import platform
import random
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

RESULTS = [
    "granted",
    "partial",
    "denied_third_party",
    "unable_not_held",
    "notproc_repeat",
    "other_no_correction",
]
APPLICANTS = ["natural_person"] * 6 + [
    "commercial",
    "research",
    "public_welfare",
    "legal_service",
    "other_org",
]


def build(n_orgs: int, n_requests: int) -> "Organization":  # noqa: F821
    from django.utils import timezone

    from gongkai.documents.models import Document
    from gongkai.info_requests.models import InfoRequest
    from gongkai.orgs.models import Organization, OrganizationKind, Region, RegionLevel
    from gongkai.reports.models import AnnualReport, ReviewCase
    from gongkai.reports.selectors import live_figures
    from gongkai.rules.annual_report_figures import figures_to_json

    rng = random.Random(2025)
    city_region = Region.objects.create(code="880000", name="基准市", level=RegionLevel.CITY)
    city = Organization.objects.create(
        code="B", name="基准市人民政府", kind=OrganizationKind.GOVERNMENT, region=city_region
    )
    counties = []
    for c in range(40):
        region = Region.objects.create(
            code=f"87{c:04d}", name=f"基准{c}县", level=RegionLevel.COUNTY, parent=city_region
        )
        counties.append(
            Organization.objects.create(
                code=f"B{c:02d}",
                name=f"基准{c}县人民政府",
                kind=OrganizationKind.GOVERNMENT,
                region=region,
                parent=city,
            )
        )
    bodies = []
    for n in range(n_orgs - len(counties)):
        county = counties[n % len(counties)]
        kind = OrganizationKind.TOWNSHIP if n % 2 else OrganizationKind.DEPARTMENT
        bodies.append(
            Organization(
                code=f"{county.code}X{n:05d}",
                name=f"{county.name[:-4]}第{n}{'镇人民政府' if n % 2 else '局'}",
                kind=kind,
                region=county.region,
                parent=county,
                path=f"{county.path}{county.code}X{n:05d}/",
            )
        )
    Organization.objects.bulk_create(bodies, batch_size=500)
    bodies = list(Organization.objects.filter(code__contains="X"))
    everyone = counties + bodies

    requests, documents, cases = [], [], []
    for org in everyone:
        for s in range(n_requests):
            received = date(2025, 1, 2) + timedelta(days=rng.randrange(360))
            still_open = rng.random() < 0.1
            replied = (
                None
                if still_open
                else min(received + timedelta(days=rng.randrange(5, 30)), date(2026, 2, 1))
            )
            requests.append(
                InfoRequest(
                    organization=org,
                    number=f"{org.code}-{s}",
                    year=2025,
                    sequence=s + 1,
                    token_hash=f"{org.code}-{s}",
                    channel="online",
                    submitted_on=received,
                    received_on=received,
                    applicant_type=rng.choice(APPLICANTS),
                    applicant_name="申请人",
                    applicant_key=f"k{s}",
                    description="基准申请",
                    medium="paper",
                    delivery="post",
                    status="handling" if still_open else "replied",
                    result="" if still_open else rng.choice(RESULTS),
                    replied_on=replied,
                )
            )
        for d in range(3):
            documents.append(
                Document(
                    organization=org,
                    title=f"基准规范性文件{d}",
                    genre="normative",
                    status="published",
                    written_on=date(2025 - d, 3, 1),
                    published_at=timezone.make_aware(datetime(2025 - d, 3, 2, 9, 0)),
                    validity="repealed" if d == 2 else "valid",
                    invalid_on=date(2025, 6, 1) if d == 2 else None,
                )
            )
        if rng.random() < 0.1:
            cases.append(
                ReviewCase(
                    organization=org,
                    kind="review",
                    result="upheld",
                    filed_on=date(2025, 4, 1),
                    concluded_on=date(2025, 6, 1),
                )
            )
    InfoRequest.objects.bulk_create(requests, batch_size=1000)
    Document.objects.bulk_create(documents, batch_size=1000)
    ReviewCase.objects.bulk_create(cases)
    reports = []
    for index, org in enumerate(everyone):
        if index % 10 == 9:
            continue
        report = AnnualReport(
            organization=org,
            year=2025,
            overview="总体",
            problems="问题",
            other_matters="无",
            licensing_decisions=index % 50,
            penalty_decisions=index % 7,
        )
        if index % 10 < 7:
            report.status = "published"
            report.published_at = timezone.make_aware(
                datetime(2026, 1, 20, 10, 0) + timedelta(days=index % 15)
            )
            report.snapshot = figures_to_json(live_figures(org, 2025, report=report))
        reports.append(report)
    AnnualReport.objects.bulk_create(reports, batch_size=500)
    return city


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--orgs", type=int, default=2000)
    parser.add_argument("--requests", type=int, default=6)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    os.environ["GONGKAI_DATA_DIR"] = tempfile.mkdtemp(prefix="gongkai-bench-")
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    call_command("migrate", verbosity=0)
    from gongkai.reports.summary import region_summary

    started = time.perf_counter()
    city = build(args.orgs, args.requests)
    seconds = time.perf_counter() - started
    print(
        f"setup: {args.orgs} organizations, {args.orgs * args.requests} requests in {seconds:.1f} s"
    )
    timings = []
    for _ in range(args.repeat):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            summary = region_summary(organization=city, year=2025, today=date(2026, 11, 21))
            timings.append(time.perf_counter() - started)
    print(
        f"bodies {len(summary.bodies)}, published {summary.published_count}, missing {len(summary.missing)}, "
        f"late {len(summary.late)}, failing {len(summary.failing)}; "
        f"新收 {summary.figures.requests.get('一、本年新收政府信息公开申请数量', '总计')}"
    )
    count = len(queries.captured_queries)
    print(f"region_summary: best {min(timings):.2f} s, worst {max(timings):.2f} s, {count} queries")
    print(
        f"machine: {platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} cores; target ≤ 5 s"
    )


if __name__ == "__main__":
    main()

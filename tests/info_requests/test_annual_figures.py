"""Section 三 of the annual report from `annual_figures`, against counts made independently."""

from datetime import date

from django.db.models import Q

from gongkai.info_requests.models import InfoRequest
from gongkai.info_requests.selectors import annual_figures
from gongkai.rules.request_results import (
    RESULT_TYPES,
    ROW_CARRIED_FORWARD,
    ROW_CARRIED_OVER,
    ROW_NEW,
    ROW_RESULTS_TOTAL,
    ApplicantType,
    balance_errors,
    column_labels,
    row_labels,
)


def _independent(org, year: int) -> dict[str, dict[str, int]]:
    first, last = date(year, 1, 1), date(year, 12, 31)
    mine = InfoRequest.objects.filter(organization=org)
    rows = {
        ROW_NEW: mine.filter(received_on__gte=first, received_on__lte=last),
        ROW_CARRIED_OVER: mine.filter(received_on__lt=first).filter(
            Q(replied_on__isnull=True) | Q(replied_on__gte=first)
        ),
        ROW_RESULTS_TOTAL: mine.filter(replied_on__gte=first, replied_on__lte=last),
        ROW_CARRIED_FORWARD: mine.filter(received_on__lte=last).filter(
            Q(replied_on__isnull=True) | Q(replied_on__gt=last)
        ),
    }
    for result in RESULT_TYPES:
        rows[result.label] = mine.filter(
            replied_on__gte=first, replied_on__lte=last, result=result.key
        )
    table = {}
    for label, queryset in rows.items():
        counts = {t.label: queryset.filter(applicant_type=t.value).count() for t in ApplicantType}
        counts["总计"] = queryset.count()
        table[label] = counts
    return table


def test_figures_equal_independent_counts_for_every_organization_and_year(world, demo_requests):
    organizations = {r.organization for r in InfoRequest.objects.select_related("organization")}
    assert len(organizations) == 9
    for org in organizations:
        for year in (2024, 2025, 2026):
            figures = annual_figures(org, year)
            expected = _independent(org, year)
            assert list(figures) == row_labels()
            for label in row_labels():
                assert list(figures[label]) == column_labels()
                assert figures[label] == expected[label], (org.name, year, label)
            assert balance_errors(figures) == []


def test_township_2025_by_hand(world, demo_requests):
    f = annual_figures(world.township, 2025)
    assert f[ROW_NEW] == {"自然人": 6, "商业企业": 1, "科研机构": 0, "社会公益组织": 0,
                          "法律服务机构": 0, "其他": 0, "总计": 7}  # fmt: skip
    assert f[ROW_CARRIED_OVER]["总计"] == 0
    assert f["（一）予以公开"]["自然人"] == 2
    assert f["（二）部分公开（区分处理的，只计这一情形，不计其他情形）"]["自然人"] == 1
    assert f["4.保护第三方合法权益"]["商业企业"] == 1
    assert f["1.本机关不掌握相关政府信息"]["自然人"] == 1
    assert f["1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"]["自然人"] == 1
    assert f[ROW_RESULTS_TOTAL] == {"自然人": 5, "商业企业": 1, "科研机构": 0, "社会公益组织": 0,
                                    "法律服务机构": 0, "其他": 0, "总计": 6}  # fmt: skip
    assert f[ROW_CARRIED_FORWARD] == {"自然人": 1, "商业企业": 0, "科研机构": 0,
                                      "社会公益组织": 0, "法律服务机构": 0, "其他": 0,
                                      "总计": 1}  # fmt: skip


def test_township_2026_by_hand(world, demo_requests):
    f = annual_figures(world.township, 2026)
    assert f[ROW_NEW] == {"自然人": 7, "商业企业": 1, "科研机构": 0, "社会公益组织": 1,
                          "法律服务机构": 1, "其他": 1, "总计": 11}  # fmt: skip
    assert f[ROW_CARRIED_OVER] == {"自然人": 1, "商业企业": 0, "科研机构": 0, "社会公益组织": 0,
                                   "法律服务机构": 0, "其他": 0, "总计": 1}  # fmt: skip
    assert f["（一）予以公开"]["自然人"] == 3
    assert f["4.无正当理由大量反复申请"]["自然人"] == 1
    partial = f["（二）部分公开（区分处理的，只计这一情形，不计其他情形）"]
    assert (partial["社会公益组织"], partial["商业企业"], partial["总计"]) == (1, 1, 2)
    assert f[ROW_RESULTS_TOTAL]["总计"] == 6
    assert f[ROW_CARRIED_FORWARD] == {"自然人": 4, "商业企业": 0, "科研机构": 0,
                                      "社会公益组织": 0, "法律服务机构": 1, "其他": 1,
                                      "总计": 6}  # fmt: skip


def test_a_year_without_requests_is_all_zeros(world):
    f = annual_figures(world.far_township, 2025)
    assert all(v == 0 for row in f.values() for v in row.values())


def test_demo_covers_every_state(world, demo_requests):
    assert demo_requests["info_requests"] >= 40
    assert demo_requests["info_requests_overdue"] >= 2
    statuses = set(InfoRequest.objects.values_list("status", flat=True))
    assert statuses == {"new", "handling", "awaiting_correction", "replied"}
    for year in (2025, 2026):
        replied = InfoRequest.objects.filter(replied_on__year=year)
        assert len(set(replied.values_list("result", flat=True))) >= 6

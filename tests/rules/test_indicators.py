from dataclasses import replace
from datetime import date, timedelta

import pytest

from gongkai.rules.indicators import (
    DEFAULT_INDICATORS,
    FreshnessWindows,
    IndicatorSpec,
    ItemFact,
    ItemKind,
    OrgFacts,
    Period,
    PolicyFact,
    PublicationFact,
    ReportFact,
    RequestFact,
    blank_items,
    check_indicator_set,
    competition_ranks,
    item_kind,
    lateness,
    missing_interpretations,
    months_before,
    open_requests,
    overdue_requests,
    report_status,
    score,
    stale_items,
)
from gongkai.rules.workdays import HolidayCalendar

# National Day 2024 as published: 10-01..10-07 off, Sunday 9-29 and Saturday 10-12 worked.
CALENDAR = HolidayCalendar(
    holidays=frozenset(date(2024, 10, d) for d in range(1, 8)),
    makeup_workdays=frozenset({date(2024, 9, 29), date(2024, 10, 12)}),
    known_years=frozenset({2024}),
)
OCTOBER = Period(start=date(2024, 10, 1), end=date(2024, 10, 31))
WINDOWS = FreshnessWindows()


def item(item_id, kind, last, count=1, label=None):
    return ItemFact(
        item_id=item_id,
        label=label or f"事项{item_id}",
        kind=kind,
        last_published=last,
        published_count=0 if last is None else count,
    )


@pytest.mark.parametrize(
    ("names", "kind"),
    [
        (("政策文件", "规范性文件"), ItemKind.POLICY),
        (("最低生活保障", "政策法规文件"), ItemKind.POLICY),
        (("工作动态",), ItemKind.NEWS),
        (("通知公告",), ItemKind.NOTICE),
        (("征地前期准备", "拟征收土地告知"), None),
        (("最低生活保障", "审核信息", ""), None),
    ],
)
def test_item_kind_from_names(names, kind):
    assert item_kind(*names) == kind


def test_months_before_clamps_to_month_end():
    assert months_before(date(2024, 8, 31), 6) == date(2024, 2, 29)
    assert months_before(date(2023, 8, 31), 6) == date(2023, 2, 28)
    assert months_before(date(2024, 3, 15), 6) == date(2023, 9, 15)


def test_news_item_fresh_on_the_fourteenth_day_stale_on_the_fifteenth():
    as_of = date(2024, 6, 15)
    fresh = item(1, ItemKind.NEWS, as_of - timedelta(days=14))
    stale = item(2, ItemKind.NEWS, as_of - timedelta(days=15))
    assert stale_items([fresh, stale], as_of=as_of, windows=WINDOWS) == [stale]


def test_policy_item_window_is_six_calendar_months():
    as_of = date(2024, 8, 31)
    fresh = item(1, ItemKind.POLICY, date(2024, 2, 29))
    stale = item(2, ItemKind.POLICY, date(2024, 2, 28))
    notice = item(3, ItemKind.NOTICE, date(2024, 2, 28))
    assert stale_items([fresh, stale, notice], as_of=as_of, windows=WINDOWS) == [stale, notice]


def test_blank_and_unclassified_items_are_never_stale():
    blank = item(1, ItemKind.NEWS, None)
    other = item(2, None, date(2010, 1, 1))
    assert stale_items([blank, other], as_of=date(2024, 6, 1), windows=WINDOWS) == []
    assert blank_items([blank, other]) == [blank]


def publication(doc_id, formed, published, days=3):
    return PublicationFact(
        document_id=doc_id,
        title=f"文件{doc_id}",
        item_label="事项",
        formed_on=formed,
        published_on=published,
        time_limit_days=days,
    )


def test_lateness_counts_make_up_days_and_skips_the_holiday():
    formed = date(2024, 9, 27)  # Friday; 9-29 worked, 9-30, then 10-08 is the 3rd working day
    assert lateness(publication(1, formed, date(2024, 10, 8)), calendar=CALENDAR) is None
    late = lateness(publication(2, formed, date(2024, 10, 9)), calendar=CALENDAR)
    assert (late.due_on, late.workdays_late) == (date(2024, 10, 8), 1)
    later = lateness(publication(3, formed, date(2024, 10, 12)), calendar=CALENDAR)
    assert later.workdays_late == 4


def test_lateness_without_an_item_limit_uses_the_regulations_twenty_working_days():
    formed = date(2024, 9, 27)  # the 20th working day is 10-30
    assert (
        lateness(publication(1, formed, date(2024, 10, 30), days=None), calendar=CALENDAR) is None
    )
    late = lateness(publication(2, formed, date(2024, 10, 31), days=None), calendar=CALENDAR)
    assert (late.due_on, late.workdays_late) == (date(2024, 10, 30), 1)


def test_publication_on_the_weekend_after_the_due_day_is_not_late():
    formed = date(2024, 10, 15)  # Tuesday; 3 working days: due Friday 10-18
    assert lateness(publication(1, formed, date(2024, 10, 20)), calendar=CALENDAR) is None
    assert (
        lateness(publication(2, formed, date(2024, 10, 21)), calendar=CALENDAR).workdays_late == 1
    )


def policy(doc_id, published, interpreted=None):
    return PolicyFact(
        document_id=doc_id,
        title=f"政策{doc_id}",
        published_on=published,
        interpreted_on=interpreted,
    )


def test_interpretation_due_on_the_third_working_day():
    published = date(2024, 9, 30)  # Monday before the holiday: due 10-10
    p = policy(1, published)
    period = Period(start=date(2024, 9, 1), end=date(2024, 10, 10))
    assert missing_interpretations([p], period=period, calendar=CALENDAR) == []
    period = replace(period, end=date(2024, 10, 11))
    [missing] = missing_interpretations([p], period=period, calendar=CALENDAR)
    assert missing.due_on == date(2024, 10, 10)
    on_time = policy(2, published, interpreted=date(2024, 10, 10))
    late = policy(3, published, interpreted=date(2024, 10, 11))
    found = missing_interpretations([on_time, late], period=period, calendar=CALENDAR)
    assert [m.fact for m in found] == [late]


def request(request_id, due, closed=None, received=date(2024, 4, 1)):
    return RequestFact(
        request_id=request_id,
        label=f"申请{request_id}",
        received_on=received,
        due_on=due,
        closed_on=closed,
    )


def test_request_overdue_the_day_after_its_due_day():
    due = date(2024, 5, 20)
    may = Period(start=date(2024, 5, 1), end=due)
    assert overdue_requests([request(1, due)], period=may) == []
    may = replace(may, end=date(2024, 5, 21))
    assert overdue_requests([request(1, due)], period=may) == [request(1, due)]
    assert overdue_requests([request(2, due, closed=due)], period=may) == []
    assert overdue_requests([request(3, due, closed=date(2024, 5, 21))], period=may) == [
        request(3, due, closed=date(2024, 5, 21))
    ]
    closed_late_in_april = request(4, date(2024, 4, 25), closed=date(2024, 4, 30))
    assert overdue_requests([closed_late_in_april], period=may) == []


def test_open_requests_on_a_day():
    requests = [
        request(1, date(2024, 5, 20)),
        request(2, date(2024, 5, 20), closed=date(2024, 5, 10)),
        request(3, date(2024, 6, 20), received=date(2024, 5, 21)),
    ]
    assert [r.request_id for r in open_requests(requests, as_of=date(2024, 5, 20))] == [1]


@pytest.mark.parametrize(
    ("published", "as_of", "code"),
    [
        (date(2024, 3, 31), date(2024, 4, 30), "on_time"),
        (date(2024, 4, 1), date(2024, 4, 30), "late"),
        (None, date(2024, 3, 31), "not_due"),
        (None, date(2024, 4, 1), "missing"),
        (date(2024, 4, 2), date(2024, 4, 1), "missing"),
    ],
)
def test_annual_report_status_around_its_deadline(published, as_of, code):
    report = ReportFact(year=2023, deadline=date(2024, 3, 31), published_on=published)
    assert report_status(report, as_of=as_of).code == code


def hand_built_facts() -> OrgFacts:
    return OrgFacts(
        applicable=8,
        adopted=6,
        missing_items=("社会救助 / 临时救助 / 办事指南", "社会救助 / 特困人员救助供养 / 审批信息"),
        items=(
            item(1, ItemKind.POLICY, None, label="空白事项"),
            item(2, ItemKind.POLICY, date(2024, 4, 30)),  # first day of the 6 months: fresh
            item(3, ItemKind.POLICY, date(2024, 4, 29), label="政策文件"),
            item(4, ItemKind.NEWS, date(2024, 10, 17)),  # 14 days before 10-31: fresh
            item(5, ItemKind.NEWS, date(2024, 10, 16), label="工作动态"),
            item(6, None, date(2020, 1, 1)),
        ),
        publications=(
            publication(11, date(2024, 9, 27), date(2024, 10, 8)),
            publication(12, date(2024, 9, 27), date(2024, 10, 9)),
            publication(13, date(2024, 9, 1), date(2024, 9, 30), days=20),
            publication(14, date(2024, 10, 1), date(2024, 11, 1), days=None),
        ),
        policies=(
            policy(21, date(2024, 10, 28)),  # due 10-31: may still come in time
            policy(22, date(2024, 10, 8)),
            policy(23, date(2024, 10, 9), interpreted=date(2024, 10, 12)),
        ),
        requests=(
            request(31, date(2024, 10, 31)),
            request(32, date(2024, 10, 30)),
            request(33, date(2024, 9, 20), closed=date(2024, 9, 25)),
        ),
        report=ReportFact(year=2023, deadline=date(2024, 3, 31), published_on=date(2024, 4, 2)),
    )


def test_default_set_scores_the_hand_built_body():
    result = score(DEFAULT_INDICATORS, hand_built_facts(), period=OCTOBER, calendar=CALENDAR)
    points = {r.code: r.points for r in result.indicators}
    assert points == {
        "catalog_coverage": 15.0,
        "blank_items": 14.0,
        "stale_items": 11.0,
        "late_publications": 14.0,
        "policy_interpretation": 8.0,
        "overdue_requests": 10.0,
        "annual_report": 5.0,
    }
    assert result.total == 77.0
    assert (result.passed, result.grade, result.vetoed_by) == (True, "合格", ())
    labels = {r.code: [d.label for d in r.deductions] for r in result.indicators}
    assert labels["stale_items"] == [
        "未及时更新：政策文件（最近发布 2024-04-29）",
        "未及时更新：工作动态（最近发布 2024-10-16）",
    ]
    assert labels["late_publications"] == ["超时限：《文件12》应于10月8日前发布，晚1个工作日"]
    assert labels["policy_interpretation"] == ["未按时解读：《政策22》（应于10月11日前）"]
    assert labels["overdue_requests"] == ["逾期未答复：申请32（10月30日到期）"]
    assert labels["annual_report"] == ["2023年度报告逾期公布"]
    refs = [d.ref for r in result.indicators for d in r.deductions]
    assert {"document:12", "request:32", "item:1", "missing", "report"} <= set(refs)


def test_every_indicator_explains_its_lost_points():
    result = score(DEFAULT_INDICATORS, hand_built_facts(), period=OCTOBER, calendar=CALENDAR)
    for r in result.indicators:
        assert round(r.points + sum(d.points for d in r.deductions), 2) == r.weight


def test_deductions_stop_when_the_weight_is_spent():
    facts = OrgFacts(items=tuple(item(i, None, None) for i in range(1, 21)))
    [blank] = score(
        [IndicatorSpec("blank_items", 15, per_item=1)],
        facts,
        period=OCTOBER,
        calendar=CALENDAR,
    ).indicators
    assert blank.points == 0.0
    assert blank.failures == 20
    assert [d.points for d in blank.deductions] == [1.0] * 15 + [0.0] * 5


def test_a_veto_fails_the_whole_score_from_its_threshold():
    specs = [
        IndicatorSpec("blank_items", 50, per_item=1, veto_at=5),
        IndicatorSpec("catalog_coverage", 50),
    ]
    four = OrgFacts(items=tuple(item(i, None, None) for i in range(4)))
    five = OrgFacts(items=tuple(item(i, None, None) for i in range(5)))
    assert score(specs, four, period=OCTOBER, calendar=CALENDAR).total == 96.0
    vetoed = score(specs, five, period=OCTOBER, calendar=CALENDAR)
    assert (vetoed.total, vetoed.grade, vetoed.vetoed_by) == (
        0.0,
        "不合格（单项否决）",
        ("空白事项",),
    )


def test_pass_mark_is_sixty():
    specs = [
        IndicatorSpec("catalog_coverage", 40),
        IndicatorSpec("overdue_requests", 60, per_item=0.01),
    ]
    facts = OrgFacts(applicable=1, adopted=0, missing_items=("甲",))
    assert score(specs, facts, period=OCTOBER, calendar=CALENDAR).grade == "合格"
    late = replace(facts, requests=(request(1, date(2024, 10, 1)),))
    failed = score(specs, late, period=OCTOBER, calendar=CALENDAR)
    assert (failed.total, failed.grade) == (59.99, "不合格")


def test_coverage_share_per_missing_item_and_rounding():
    facts = OrgFacts(applicable=3, adopted=1, missing_items=("甲", "乙"))
    [coverage] = score(
        [IndicatorSpec("catalog_coverage", 100)], facts, period=OCTOBER, calendar=CALENDAR
    ).indicators
    assert [d.points for d in coverage.deductions] == [33.33, 33.33]
    assert coverage.points == 33.34
    assert coverage.note == "已编制 1/3 项"


def test_default_set_is_valid():
    assert check_indicator_set(DEFAULT_INDICATORS) == []
    assert sum(spec.weight for spec in DEFAULT_INDICATORS) == 100


def test_weights_not_adding_up_to_100_are_refused_with_the_sum():
    specs = [replace(DEFAULT_INDICATORS[0], weight=19), *DEFAULT_INDICATORS[1:]]
    assert check_indicator_set(specs) == ["各指标权重之和为 99，应为 100。"]


def test_bad_specs_are_refused_with_reasons():
    specs = [
        IndicatorSpec("catalog_coverage", 50),
        IndicatorSpec("catalog_coverage", 20),
        IndicatorSpec("blank_items", 20, per_item=0),
        IndicatorSpec("stale_items", 10, per_item=1, params={"news_days": 0}),
        IndicatorSpec("popularity", 0),
    ]
    assert check_indicator_set(specs) == [
        "指标“目录编制”重复。",
        "指标“空白事项”的每项扣分应大于0。",
        "指标“更新不及时”的参数“news_days”应为正整数。",
        "未知指标“popularity”。",
    ]


def test_spec_round_trips_through_a_dict():
    for spec in DEFAULT_INDICATORS:
        assert IndicatorSpec.from_dict(spec.as_dict()) == spec


def test_competition_ranks_share_equal_scores():
    assert competition_ranks([90.0, 80.5, 80.5, 70.0]) == [1, 2, 2, 4]
    assert competition_ranks([]) == []

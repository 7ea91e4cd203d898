"""The due day stored on a request follows its events (hand-counted; the rule's own cases are in
tests/rules/test_request_deadline.py). May–July 2025: 端午 off 31 May–2 June."""

from datetime import date

import pytest

from gongkai.info_requests import services
from gongkai.info_requests.models import InfoRequest, Status
from tests.info_requests.conftest import freeze, register


def _stored(info_request) -> InfoRequest:
    return InfoRequest.objects.get(pk=info_request.pk)


def test_due_day_follows_correction_third_party_and_extension(world, township_request):
    r = township_request.request
    # Mon 12 May: 5/13–16 (4), 5/19–23 (9), 5/26–30 (14), [端午], 6/3–6 (18), 6/9, 6/10 (20)
    assert _stored(r).due_on == date(2025, 6, 10)
    assert _stored(r).deadline_steps[-1]["article"] == "第三十三条第一款"

    services.request_correction(
        info_request=r, by=world.editor, items="请写明年度", requested_on=date(2025, 5, 15)
    )
    r = _stored(r)
    assert (r.status, r.due_on, r.deadline_steps) == (Status.AWAITING_CORRECTION, None, [])

    services.record_correction(
        info_request=r, by=world.editor, description="2025年度", received_on=date(2025, 5, 20)
    )
    # clock restarts Tue 20 May: 5/21–23 (3), 5/26–30 (8), [端午], 6/3–6 (12), 6/9–13 (17),
    # 6/16–18 (20)
    r = _stored(r)
    assert (r.status, r.due_on) == (Status.NEW, date(2025, 6, 18))

    consultation = services.start_consultation(
        info_request=r, by=world.editor, third_party="某公司", sent_on=date(2025, 5, 26)
    )
    # no answer yet: the whole 15-working-day window (5/27 … 6/17) is excluded, 6/18 + 15:
    # 6/19–20 (2), 6/23–27 (7), 6/30–7/4 (12), 7/7–9 (15)
    assert _stored(r).due_on == date(2025, 7, 9)

    services.record_consultation_answer(
        consultation=consultation,
        by=world.editor,
        answered_on=date(2025, 6, 3),
        opinion="disagree",
    )
    # answered: 5/27, 5/28, 5/29, 5/30, 6/3 excluded (5); 6/18 + 5: 6/19, 6/20, 6/23–25
    assert _stored(r).due_on == date(2025, 6, 25)

    services.approve_extension(
        info_request=r, by=world.reviewer, reason="需调取档案", approved_on=date(2025, 6, 20)
    )
    # 6/25 + 20: 6/26–27 (2), 6/30–7/4 (7), 7/7–11 (12), 7/14–18 (17), 7/21–23 (20)
    r = _stored(r)
    assert r.due_on == date(2025, 7, 23)
    assert [s["article"] for s in r.deadline_steps] == [
        "第三十一条",
        "第三十条",
        "第三十条",
        "第三十三条第一款",
        "第三十二条、第三十三条第三款",
        "第三十三条第二款",
    ]
    assert not r.due_uncertain


def test_shorter_extension_is_counted_as_approved(world, township_request):
    services.approve_extension(
        info_request=township_request.request,
        by=world.township_admin,
        reason="需协调",
        days=5,
        approved_on=date(2025, 6, 9),
    )
    # 6/10 + 5: 6/11, 6/12, 6/13, 6/16, 6/17
    assert _stored(township_request.request).due_on == date(2025, 6, 17)


def test_late_correction_notice_is_kept_as_a_warning(world, township_request):
    services.request_correction(
        info_request=township_request.request,
        by=world.editor,
        items="请写明年度",
        requested_on=date(2025, 5, 23),
    )
    services.record_correction(
        info_request=township_request.request,
        by=world.editor,
        description="2025年度",
        received_on=date(2025, 5, 26),
    )
    steps = _stored(township_request.request).deadline_steps
    # 7 working days from 12 May end on Wed 21 May
    assert steps[1]["warning"] == (
        "补正告知应在收到申请之日起7个工作日内（2025年5月21日前）作出，实际于2025年5月23日作出，已逾期"
    )


def test_unknown_year_is_flagged_until_an_administrator_enters_it(world):
    with freeze(date(2026, 12, 15)):
        r = register(world, received=date(2026, 12, 14)).request
        # Mon 14 Dec 2026, 2027 unknown (weekends only): 12/15–18 (4), 12/21–25 (9),
        # 12/28–31 (13), 1/1 (14), 1/4–8 (19), 1/11 (20)
        stored = _stored(r)
        assert (stored.due_on, stored.due_uncertain) == (date(2027, 1, 11), True)
        assert "2027年的节假日安排尚未录入" in stored.deadline_steps[-1]["label"]

        entry, moved = services.save_holiday_year(
            year=2027,
            holidays=[date(2027, 1, 1), date(2027, 1, 2), date(2027, 1, 3)],
            makeup_workdays=[],
            source="国办发明电〔2026〕X号",
            by=world.admin,
        )
        # 1 January 2027 is now a holiday: 1/4–8 (18), 1/11, 1/12 (20)
        stored = _stored(r)
        assert (stored.due_on, stored.due_uncertain) == (date(2027, 1, 12), False)
        assert moved == 1
        assert entry.holidays == ["2027-01-01", "2027-01-02", "2027-01-03"]


def test_replied_requests_keep_their_due_day_when_the_calendar_changes(world, township_request):
    services.decide(
        info_request=township_request.request,
        by=world.editor,
        result="granted",
        reply_text="见附件",
        replied_on=date(2025, 6, 3),
    )
    _, moved = services.save_holiday_year(
        year=2025, holidays=[date(2025, 6, 4)], makeup_workdays=[], source="", by=world.admin
    )
    assert moved == 0
    assert _stored(township_request.request).due_on == date(2025, 6, 10)


@pytest.mark.parametrize(
    ("holidays", "makeup", "message"),
    [
        ([date(2027, 1, 1)], [date(2027, 1, 1)], "2027-01-01 不能同时是放假日和调休上班日。"),
        ([date(2026, 12, 31)], [], "2026-12-31 不属于 2027 年的节假日安排。"),
        ([date(2027, 1, 1)], [date(2027, 1, 4)], "调休上班日 2027-01-04 应为周六或周日。"),
        ([], [], "请至少填写一个放假日期。"),
    ],
)
def test_inconsistent_holiday_years_are_refused(world, holidays, makeup, message):
    from django.core.exceptions import ValidationError

    from gongkai.info_requests.models import HolidayYear

    with pytest.raises(ValidationError) as refused:
        services.save_holiday_year(
            year=2027, holidays=holidays, makeup_workdays=makeup, source="", by=world.admin
        )
    assert refused.value.messages == [message]
    assert not HolidayYear.objects.exists()


def test_only_platform_administrators_enter_holiday_years(world):
    from django.core.exceptions import PermissionDenied

    for user in (world.editor, world.township_admin, world.city_supervisor):
        with pytest.raises(PermissionDenied):
            services.save_holiday_year(
                year=2027, holidays=[date(2027, 1, 1)], makeup_workdays=[], source="", by=user
            )

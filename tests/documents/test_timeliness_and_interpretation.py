"""Timeliness against catalog time limits, drafts at risk, and policies waiting for an interpretation."""

from datetime import UTC, date, datetime

import time_machine

from gongkai.documents import services
from gongkai.documents.choices import Genre
from gongkai.documents.selectors import (
    Period,
    at_risk_drafts,
    policies_without_interpretation,
    timeliness_rows,
)
from tests.documents.conftest import ALL_CHECKS

# 10 working days from 2024-09-30 end on 2024-10-18 (国庆 holiday, 10-12 调休).
ON_TIME = datetime(2024, 10, 18, 2, 0, tzinfo=UTC)
LATE_3 = datetime(2024, 10, 23, 2, 0, tzinfo=UTC)


def publish(world, document, at: datetime):
    services.submit_document(document=document, by=world.editor)
    services.approve_document(document=document, by=world.reviewer, checklist=ALL_CHECKS)
    with time_machine.travel(at, tick=False):
        return services.publish_document(document=document, by=world.reviewer)


def test_timeliness_rows_count_on_time_and_late_publications(world, make_draft):
    publish(world, make_draft(title="按时"), ON_TIME)
    publish(world, make_draft(title="逾期"), LATE_3)
    make_draft(title="草稿不计")
    rows = timeliness_rows(
        [world.township, world.neighbour], Period(date(2024, 10, 1), date(2024, 10, 31))
    )
    township, neighbour = rows
    assert (township.organization, township.published, township.on_time, township.late) == (
        world.township,
        2,
        1,
        1,
    )
    assert township.max_working_days_late == 3
    assert township.percent_on_time == 50
    assert (neighbour.published, neighbour.percent_on_time) == (0, None)
    outside = timeliness_rows([world.township], (date(2024, 11, 1), date(2024, 11, 30)))
    assert outside[0].published == 0


def test_without_catalog_limits_the_regulation_gives_20_working_days(world, make_draft, dibao_item):
    dibao_item.time_limit_working_days = None
    dibao_item.save()
    publish(world, make_draft(), LATE_3)
    (row,) = timeliness_rows([world.township], Period(date(2024, 10, 1), date(2024, 10, 31)))
    assert (row.on_time, row.late) == (1, 0)


def test_drafts_due_within_three_working_days_are_at_risk(world, make_draft):
    soon = make_draft(title="快到期")  # written 2024-09-30, due 2024-10-18
    later = make_draft(title="还早", written_on=date(2024, 10, 14))
    rows = at_risk_drafts([world.township], today=date(2024, 10, 15))
    assert [(r.document, r.working_days_left) for r in rows] == [(soon, 3)]
    overdue = at_risk_drafts([world.township], today=date(2024, 10, 22))
    assert [(r.document.title, r.working_days_overdue) for r in overdue] == [("快到期", 2)]
    assert later not in [r.document for r in overdue]


def test_a_policy_and_its_interpretation_link_both_ways(world, make_draft, client):
    policy = publish(
        world, make_draft(title="城关镇临时救助实施办法", genre=Genre.NORMATIVE), ON_TIME
    )
    interpretation = make_draft(
        title="《城关镇临时救助实施办法》政策解读", genre=Genre.INTERPRETATION, interprets=[policy]
    )
    interpretation = publish(world, interpretation, ON_TIME)
    assert list(policy.interpretations.all()) == [interpretation]
    policy_page = client.get(policy.get_absolute_url()).content.decode()
    assert "政策解读" in policy_page
    assert interpretation.get_absolute_url() in policy_page
    interpretation_page = client.get(interpretation.get_absolute_url()).content.decode()
    assert "解读的政策文件" in interpretation_page
    assert policy.get_absolute_url() in interpretation_page


def test_policies_without_interpretation_after_three_working_days(world, make_draft):
    policy = publish(world, make_draft(title="办法", genre=Genre.NORMATIVE), ON_TIME)  # Fri 10-18
    # Due within Mon 21, Tue 22, Wed 23: missing from Thu 24 on.
    assert policies_without_interpretation([world.township], today=date(2024, 10, 23)) == []
    (row,) = policies_without_interpretation([world.township], today=date(2024, 10, 24))
    assert (row.document, row.working_days_since) == (policy, 4)
    draft = make_draft(title="解读（草稿）", genre=Genre.INTERPRETATION, interprets=[policy])
    assert len(policies_without_interpretation([world.township], today=date(2024, 10, 24))) == 1
    publish(world, draft, LATE_3)
    assert policies_without_interpretation([world.township], today=date(2024, 10, 30)) == []


def test_only_policies_may_be_interpreted(world, make_draft, published):
    import pytest
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as info:
        make_draft(genre=Genre.INTERPRETATION, interprets=[published])
    assert info.value.message_dict == {
        "interprets": ["只能关联规章或行政规范性文件作为被解读的政策。"]
    }

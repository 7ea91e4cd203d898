"""Figures for supervision (selectors) and the administrators' time-limit settings."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from gongkai.orgs.access import Action, organizations_for
from gongkai.participation import selectors
from gongkai.participation.models import ConsultationPeriodSetting
from gongkai.participation.services import consultations, limits, messages
from gongkai.participation.services import opinion as opinion_services
from gongkai.rules.participation_limits import MessageLimit, Period, PeriodUnit
from tests.participation.conftest import at


def test_consultations_without_feedback_and_the_overdue_ones(world, open_consultation, clock):
    county = organizations_for(world.supervisor, Action.SUPERVISE)
    assert selectors.consultations_without_feedback(county, today=date(2025, 3, 12)) == []
    rows = selectors.consultations_without_feedback(county, today=date(2025, 3, 13))
    assert [(r.consultation, r.feedback_due, r.overdue) for r in rows] == [
        (open_consultation, date(2025, 4, 10), False)
    ]
    late = selectors.consultations_without_feedback(county, today=date(2025, 4, 11))
    assert late[0].overdue is True
    other = organizations_for(world.city_supervisor, Action.SUPERVISE).filter(
        path__startswith=world.other_county.path
    )
    assert selectors.consultations_without_feedback(other, today=date(2025, 4, 11)) == []


def test_supervision_rows_count_each_organization(world, open_consultation, clock):
    messages.submit_message(organization=world.township, kind="inquiry", subject="s", body="b")
    event = opinion_services.register_opinion_event(
        organization=world.county,
        by=world.supervisor,
        title="t",
        source="online",
        summary="s",
        level="major",
        discovered_at=at(date(2025, 3, 3), 8),
    )
    opinion_services.assess_opinion_event(event=event, by=world.supervisor, assessment="a")
    opinion_services.issue_transfer_order(
        event=event, organization=world.township, by=world.supervisor
    )
    county = organizations_for(world.supervisor, Action.SUPERVISE)
    rows = selectors.supervision_rows(county, today=date(2025, 3, 13), now=at(date(2025, 3, 13)))
    (row,) = rows
    assert row.organization == world.township
    assert (
        row.open_consultations,
        row.awaiting_feedback,
        row.feedback_overdue,
        row.overdue_messages,
        row.overdue_orders,
    ) == (0, 1, 0, 1, 1)
    assert (row.month.received, row.month.answer_rate) == (1, 0.0)


def test_supervision_page_for_the_county_office_only(world, client, open_consultation, clock):
    url = reverse("participation:supervision")
    client.force_login(world.supervisor)
    assert world.township.name in client.get(url).content.decode()
    client.force_login(world.editor)
    assert client.get(url).status_code == 403


# --- settings --------------------------------------------------------------------------------


def test_only_the_administrator_sets_time_limits(world, clock):
    with pytest.raises(PermissionDenied):
        limits.set_message_limit(
            kind="inquiry", accept_workdays=1, answer_workdays=3, by=world.supervisor
        )
    limits.set_message_limit(kind="inquiry", accept_workdays=1, answer_workdays=3, by=world.admin)
    assert limits.message_limit("inquiry") == MessageLimit(1, 3)


def test_the_legal_floors_hold_against_the_administrator(world, clock):
    with pytest.raises(ValidationError, match="不得少于法定的7个工作日"):
        limits.set_consultation_period(
            kind="normative_document", amount=5, unit="workdays", by=world.admin
        )
    with pytest.raises(ValidationError, match="5小时内"):
        limits.set_response_limit(level="extraordinary", amount=8, unit="hours", by=world.admin)
    limits.set_consultation_period(kind="major_decision", amount=45, unit="days", by=world.admin)
    assert limits.consultation_minimum("major_decision") == Period(45, PeriodUnit.DAYS)
    assert ConsultationPeriodSetting.objects.get().updated_by == world.admin


def test_the_settings_page(world, client, clock):
    url = reverse("participation:time_limits")
    client.force_login(world.supervisor)
    assert client.get(url).status_code == 403
    client.force_login(world.admin)
    assert "最短征求意见期限" in client.get(url).content.decode()
    response = client.post(
        url, {"section": "response", "key": "larger", "amount": "1", "unit": "workdays"}
    )
    assert response.status_code == 302
    assert limits.response_limit("larger") == Period(1, PeriodUnit.WORKDAYS)
    response = client.post(
        url,
        {"section": "period", "key": "normative_document", "amount": "3", "unit": "workdays"},
        follow=True,
    )
    assert "不得少于法定的7个工作日" in response.content.decode()
    assert consultations.earliest_end(
        kind="normative_document", starts_on=date(2025, 3, 3)
    ) == date(2025, 3, 12)

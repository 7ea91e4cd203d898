"""The demo's participation records build on any day, through the services."""

from datetime import datetime

import pytest

from gongkai.demo.participation import build
from gongkai.participation.models import (
    CommentStatus,
    Consultation,
    ConsultationStatus,
    Message,
    MessageStatus,
    TransferOrder,
)
from gongkai.participation.selectors import consultations_without_feedback, overdue_messages
from tests.participation.conftest import TZ


@pytest.mark.parametrize(
    "moment",
    [
        datetime(2025, 3, 3, 10, 0, tzinfo=TZ),  # an ordinary Monday morning
        datetime(2025, 10, 3, 7, 15, tzinfo=TZ),  # 国庆 holiday, before office hours
    ],
)
def test_the_demo_shows_every_phase(world, time_machine, moment):
    time_machine.move_to(moment, tick=False)
    figures = build(orgs=world.orgs, by=world.admin)
    assert figures == {"consultations": 5, "messages": 5, "opinion_events": 2, "proposals": 2}
    today = moment.date()
    township = Consultation.objects.filter(organization=world.township)
    assert {c.phase_on(today) for c in township} == {"open", "closed"}
    closed = township.get(status=ConsultationStatus.CLOSED)
    assert closed.feedback.received_count == 4
    assert closed.comments.filter(status=CommentStatus.HIDDEN).count() == 1
    awaiting = consultations_without_feedback(list(world.orgs.values()), today=today)
    assert [row.overdue for row in awaiting] == [True, False]
    assert Message.objects.filter(status=MessageStatus.ANSWERED, published=True).count() == 2
    assert overdue_messages([world.township], today=today).count() == 1
    assert Message.objects.filter(organization=None).count() == 1
    responded, late = TransferOrder.objects.order_by("issued_at").reverse()
    assert (responded.status, responded.responded_on_time) == ("responded", True)
    assert late.escalation_level >= 1

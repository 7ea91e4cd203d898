"""索引号 given at publication: per organization and year, unique, never reused."""

from datetime import UTC, date, datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from gongkai.audit.models import Event
from gongkai.documents import services
from gongkai.documents.models import IndexCounter
from tests.documents.conftest import ALL_CHECKS


def publish(world, document):
    services.submit_document(document=document, by=world.editor)
    services.approve_document(document=document, by=world.reviewer, checklist=ALL_CHECKS)
    return services.publish_document(document=document, by=world.reviewer)


@time_machine.travel(datetime(2024, 11, 5, 3, 0, tzinfo=UTC), tick=False)
def test_numbers_follow_each_other_and_withdrawal_does_not_free_one(world, make_draft):
    first = publish(world, make_draft(title="一"))
    second = publish(world, make_draft(title="二"))
    services.withdraw_document(document=second, by=world.reviewer, reason="有误")
    third = publish(world, make_draft(title="三"))
    assert [first.index_number, second.index_number, third.index_number] == [
        "QH01T01/2024-00001",
        "QH01T01/2024-00002",
        "QH01T01/2024-00003",
    ]
    assert IndexCounter.objects.get(organization=world.township, year=2024).last_seq == 3


def test_each_year_starts_again_at_one(world, make_draft):
    # The demo world numbers the publications of the last ~14 months; 2022 and 2023 are before it.
    assert not IndexCounter.objects.filter(organization=world.township, year__in=[2022, 2023])
    with time_machine.travel(datetime(2022, 12, 30, 3, 0, tzinfo=UTC), tick=False):
        last_year = publish(world, make_draft(title="年末", written_on=date(2022, 12, 20)))
    with time_machine.travel(datetime(2023, 1, 3, 3, 0, tzinfo=UTC), tick=False):
        this_year = publish(world, make_draft(title="年初", written_on=date(2022, 12, 28)))
    assert (last_year.index_number, this_year.index_number) == (
        "QH01T01/2022-00001",
        "QH01T01/2023-00001",
    )


def test_a_county_pattern_applies_to_its_townships_unless_they_set_their_own(world, make_draft):
    services.set_index_pattern(
        organization=world.county, pattern="DC-{org_code}-{year}-{seq:03d}", by=world.admin
    )
    assert services.pattern_for(world.township) == "DC-{org_code}-{year}-{seq:03d}"
    assert services.pattern_for(world.far_township) == "{org_code}/{year}-{seq:05d}"
    services.set_index_pattern(
        organization=world.township, pattern="{org_code}.{year}.{seq}", by=world.township_admin
    )
    assert services.pattern_for(world.township) == "{org_code}.{year}.{seq}"
    event = (
        Event.objects.filter(action="documents.index_pattern_set", organization=world.township)
        .order_by("-id")
        .first()
    )
    assert event.before == {"pattern": "DC-{org_code}-{year}-{seq:03d}"}
    assert event.after == {"pattern": "{org_code}.{year}.{seq}"}


def test_a_changed_pattern_never_gives_an_existing_number_again(world, make_draft):
    with time_machine.travel(datetime(2024, 11, 5, 3, 0, tzinfo=UTC), tick=False):
        services.set_index_pattern(
            organization=world.township, pattern="{org_code}-{year}-{seq}", by=world.admin
        )
        publish(world, make_draft(title="一"))  # QH01T01-2024-1
        counter = IndexCounter.objects.get(organization=world.township, year=2024)
        counter.last_seq = 0  # as if the counter had been reset by hand
        counter.save()
        again = publish(world, make_draft(title="二"))
    assert again.index_number == "QH01T01-2024-2"


def test_bad_patterns_and_outsiders_are_refused(world):
    with pytest.raises(ValidationError, match="必须包含"):
        services.set_index_pattern(
            organization=world.township, pattern="{seq}", by=world.township_admin
        )
    with pytest.raises(PermissionDenied):
        services.set_index_pattern(
            organization=world.township, pattern="{org_code}{year}{seq}", by=world.editor
        )


def test_several_numbers_can_be_taken_at_once(world):
    with transaction.atomic():
        assert services.take_index_numbers(organization=world.township, year=2030, count=3) == [
            "QH01T01/2030-00001",
            "QH01T01/2030-00002",
            "QH01T01/2030-00003",
        ]

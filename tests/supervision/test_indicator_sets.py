"""Indicator sets: a default built from the rules, new versions only, sums of 100, never edited."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.rules.indicators import DEFAULT_INDICATORS, IndicatorSpec
from gongkai.supervision.models import IndicatorSet, IndicatorSetInUse
from gongkai.supervision.selectors.assessment import effective_indicator_set
from gongkai.supervision.services.assessment import create_indicator_set

URL = "/workspace/supervision/indicators/"


def test_the_platform_default_is_the_rules_default(db):
    default = IndicatorSet.objects.get(owner__isnull=True)
    assert default.version == 1
    assert default.specs() == list(DEFAULT_INDICATORS)


def test_a_county_version_applies_to_its_subtree_only(world):
    specs = [IndicatorSpec("catalog_coverage", 60), IndicatorSpec("blank_items", 40, per_item=2)]
    created = create_indicator_set(
        owner=world.county,
        name="东川县考核指标",
        specs=specs,
        note="突出目录编制",
        by=world.supervisor,
    )
    assert created.version == 1
    assert effective_indicator_set(world.township) == created
    assert effective_indicator_set(world.other_county).owner is None
    again = create_indicator_set(
        owner=world.county, name="东川县考核指标", specs=specs, note="再调整", by=world.supervisor
    )
    assert again.version == 2
    assert effective_indicator_set(world.county) == again


def test_weights_that_do_not_add_up_are_refused_with_the_reason(world):
    specs = [IndicatorSpec("catalog_coverage", 50), IndicatorSpec("blank_items", 40, per_item=1)]
    with pytest.raises(ValidationError) as error:
        create_indicator_set(
            owner=world.county, name="x", specs=specs, note="y", by=world.supervisor
        )
    assert error.value.messages == ["各指标权重之和为 90，应为 100。"]
    assert not IndicatorSet.objects.filter(owner=world.county).exists()


def test_only_the_supervisor_of_the_owner_may_version(world):
    with pytest.raises(PermissionDenied):
        create_indicator_set(
            owner=world.other_county,
            name="x",
            specs=list(DEFAULT_INDICATORS),
            note="y",
            by=world.supervisor,
        )


def test_an_existing_version_is_never_edited(db):
    default = IndicatorSet.objects.get(owner__isnull=True)
    default.name = "改名"
    with pytest.raises(IndicatorSetInUse):
        default.save()


def test_indicator_page_saves_a_new_version_and_refuses_a_bad_sum(client, world):
    client.force_login(world.supervisor)
    page = client.get(URL)
    assert page.status_code == 200
    form = page.context["form"]
    data = {name: field.initial for name, field in form.fields.items() if field.initial is not None}
    data.update(
        {"name": "东川县考核指标", "note": "提高依申请公开权重", "overdue_requests-weight": 20}
    )
    refused = client.post(URL, data)
    assert refused.status_code == 200
    assert "各指标权重之和为 105，应为 100。" in refused.context["form"].non_field_errors()
    data["catalog_coverage-weight"] = 15
    assert client.post(URL, data).status_code == 302
    created = IndicatorSet.objects.get(owner=world.county)
    weights = {spec.code: spec.weight for spec in created.specs()}
    assert (weights["overdue_requests"], weights["catalog_coverage"]) == (20, 15)


def test_indicator_page_is_for_supervisors(client, world):
    client.force_login(world.editor)
    assert client.get(URL).status_code == 403

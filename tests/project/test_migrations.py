from io import StringIO

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_models_and_migrations_agree():
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)


@pytest.mark.django_db
def test_the_26_domains_and_their_guidelines_are_loaded_by_migration():
    from gongkai.catalog.models import Domain, Guideline, GuidelineItem

    assert Domain.objects.count() == 26
    assert Guideline.objects.count() == 26
    assert GuidelineItem.objects.count() == 177
    assert set(Guideline.objects.filter(complete=True).values_list("domain__code", flat=True)) == {
        "fiscal_budget",
        "public_culture",
        "social_assistance",
    }

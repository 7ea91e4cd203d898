"""The demo documents: hundreds of them, late and on time, interpretations, a masked 低保 公示.

build_demo() (tests/conftest.py) already put them into the session's world: these tests read
that world and never build the demo a second time.
"""

from datetime import date

from django.db.models import Count
from django.utils import timezone

from gongkai.demo.documents import PER_ORGANIZATION, _dibao_rows
from gongkai.documents.choices import Disclosure, FindingStatus, Genre, Status
from gongkai.documents.models import Attachment, Document, Finding
from gongkai.documents.selectors import Period, policies_without_interpretation, timeliness_rows
from gongkai.rules.timeliness import effective_limit
from gongkai.rules.workdays import add_workdays, load_calendar


def test_the_demo_has_hundreds_of_documents_under_catalog_items(world):
    assert Document.objects.count() >= 300
    assert not Document.objects.filter(catalog_items__isnull=True).exists()
    assert Document.objects.values("organization").distinct().count() >= 20
    # Every demo body with a published catalog got the same share of history.
    shares = (
        Document.objects.filter(created_by=world.admin)
        .exclude(genre=Genre.INTERPRETATION)
        .values("organization")
        .annotate(n=Count("pk"))
        .values_list("n", flat=True)
    )
    assert set(shares) == {PER_ORGANIZATION}
    published = Document.objects.filter(status=Status.PUBLISHED)
    assert published.filter(index_number__isnull=True).count() == 0
    assert Document.objects.filter(genre=Genre.INTERPRETATION, status=Status.PUBLISHED).exists()
    assert Attachment.objects.filter(document__status=Status.PUBLISHED).exists()


def _late_by_the_rules() -> tuple[int, int]:
    """(published, late) counted document by document, straight from the stored dates."""
    calendar = load_calendar()
    documents = Document.objects.filter(
        disclosure=Disclosure.PROACTIVE, status__in=[Status.PUBLISHED, Status.WITHDRAWN]
    ).prefetch_related("catalog_items")
    published = late = 0
    for document in documents:
        if not document.formed_on:
            continue
        limit = effective_limit(i.time_limit_working_days for i in document.catalog_items.all())
        due = add_workdays(document.formed_on, limit, calendar=calendar).day
        published += 1
        late += timezone.localdate(document.published_at) > due
    return published, late


def test_the_demo_has_late_and_on_time_publications(world):
    rows = timeliness_rows(world.orgs.values(), Period(date(2000, 1, 1), date(2100, 1, 1)))
    published, late = _late_by_the_rules()
    assert late > 0
    assert sum(r.published for r in rows) == published
    assert sum(r.late for r in rows) == late
    assert sum(r.on_time for r in rows) == published - late
    assert published - late > late


def test_some_policies_still_wait_for_an_interpretation(world):
    assert policies_without_interpretation(world.orgs.values())
    interpretation = Document.objects.filter(genre=Genre.INTERPRETATION).first()
    assert interpretation.interprets.get().genre == Genre.NORMATIVE


def test_the_dibao_announcement_is_published_with_masked_data_only(world, client):
    document = Document.objects.get(
        organization=world.township, title__contains="拟新增最低生活保障对象公示"
    )
    assert document.status == Status.PUBLISHED
    html = client.get(document.get_absolute_url()).content.decode()
    for row in _dibao_rows()[1:]:
        assert row[1] not in html
        assert row[2] not in html
        assert row[2][:6] + "********" + row[2][-4:] in html
    attachment = Attachment.objects.get(document=document)
    assert attachment.masked
    assert attachment.original
    assert not Finding.objects.filter(document=document, status=FindingStatus.OPEN).exists()
    waiting = Document.objects.get(
        organization=world.township, title__contains="第二批最低生活保障对象审核结果公示"
    )
    assert waiting.status == Status.SUBMITTED
    assert Finding.objects.filter(document=waiting, status=FindingStatus.OPEN).exists()


def test_some_drafts_are_close_to_their_deadline(world):
    from gongkai.documents.selectors import at_risk_drafts

    rows = at_risk_drafts([world.township])
    assert rows
    assert all(row.working_days_left <= 3 for row in rows)


def test_public_lists_use_a_fixed_number_of_queries(world, client, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        response = client.get(f"/docs/org/{world.township.code}/")
    assert response.status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get(f"/docs/org/{world.township.code}/directory/").status_code == 200

from datetime import date, datetime, time

import pytest
from django.utils import timezone

from gongkai.catalog.models import CatalogItem
from gongkai.demo import supervision as demo
from gongkai.documents.choices import Disclosure, Genre, Status
from gongkai.documents.models import Document


def moment(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(10, 0)))


def catalog_item(org, level1: str, level2: str, domain: str = "social_assistance") -> CatalogItem:
    return CatalogItem.objects.get(
        catalog__organization=org, catalog__domain__code=domain, level1=level1, level2=level2
    )


@pytest.fixture
def publish():
    """A document as already published on a given day, filed under catalog items."""

    def make(org, title, *, formed, published, items=(), genre=Genre.ANNOUNCEMENT, interprets=()):
        document = Document.objects.create(
            organization=org,
            title=title,
            genre=genre,
            written_on=formed,
            disclosure=Disclosure.PROACTIVE,
            status=Status.PUBLISHED,
            published_at=moment(published),
        )
        document.catalog_items.set(items)
        document.interprets.set(interprets)
        return document

    return make


@pytest.fixture
def supervision_demo(world):
    """The supervision demo of today (documents, a county task plan, two months of scores)."""
    return demo.build(orgs=world.orgs, by=world.admin)


@pytest.fixture
def no_publications(world):
    """The world without the demo documents' publications, so that hand-built cases count exactly."""
    Document.objects.update(status=Status.DRAFT, published_at=None)

"""PostgreSQL only: the tsvector column is filled and GIN-indexed (skipped on SQLite)."""

import pytest
from django.db import connection

from gongkai.search.models import SearchEntry

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL full-text search only"
)


def test_vector_filled_and_gin_indexed(search_index, db):
    assert SearchEntry.objects.filter(vector__isnull=True).count() == 0
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'search_entry_vector_gin'"
        )
        (definition,) = cursor.fetchone()
    assert "gin (vector)" in definition


def test_tsquery_matches_whole_tokens(search_index, db):
    from django.contrib.postgres.search import SearchQuery

    query = SearchQuery("最低生活保障", config="simple", search_type="plain")
    assert (
        SearchEntry.objects.filter(vector=query).count()
        == SearchEntry.objects.filter(segmented__contains=" 最低生活保障 ").count()
    )

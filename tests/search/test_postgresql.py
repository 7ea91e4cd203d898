"""PostgreSQL only: one tsvector (words, title words, filter keys) answers searches with no join."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gongkai.documents.models import Document
from gongkai.search.backends import database
from gongkai.search.models import SearchEntry
from gongkai.search.service import search
from gongkai.search.types import SearchFilters

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL full-text search only"
)


def _matching(tsquery: str) -> set[int]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT document_id FROM search_searchentry WHERE vector @@ %s::tsquery", [tsquery]
        )
        return {row[0] for row in cursor.fetchall()}


def test_vector_filled_and_indexed(search_index, db):
    assert SearchEntry.objects.count() == Document.objects.public().count()
    assert SearchEntry.objects.filter(vector__isnull=True).count() == 0
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname LIKE 'search_entry_vector%'"
        )
        definitions = [row[0] for row in cursor.fetchall()]
    assert len(definitions) == 1
    assert f"USING {database.vector_index_kind()} (vector" in definitions[0]


def test_tokens_are_exact_lexemes(search_index, db):
    with_token = _matching("'最低生活保障'")
    assert with_token
    for title, text in SearchEntry.objects.filter(pk__in=with_token).values_list("title", "text"):
        assert "最低生活保障" in title + text
    in_title = _matching("'^最低生活保障'")
    assert in_title
    assert in_title <= with_token
    titles = SearchEntry.objects.filter(pk__in=in_title).values_list("title", flat=True)
    assert all("最低生活保障" in title for title in titles)


def test_filter_keys_in_the_vector_match_filtered(world, search_index, db):
    filters = SearchFilters(organization_id=world.county.pk)
    by_keys = set(
        database.filtered(SearchEntry.objects.all(), filters).values_list("pk", flat=True)
    )
    assert by_keys
    assert _matching(f"'@o{world.county.pk}'") == by_keys
    within = {
        d.pk
        for d in Document.objects.public().select_related("organization")
        if d.organization.is_within(world.county)
    }
    assert by_keys == within


def test_search_never_joins_documents(world, search_index, settings, db):
    settings.GONGKAI_SEARCH_BACKEND = "database"
    filters = SearchFilters(organization_id=world.county.pk, domain_id=world.social_assistance.pk)
    with CaptureQueriesContext(connection) as captured:
        results = database.DatabaseBackend().search(_expanded("公示"), filters, "relevance", 1, 20)
    assert results.total > 0
    assert not [q["sql"] for q in captured.captured_queries if "documents_document" in q["sql"]]


def _ranked(text: str, sort: str) -> list[tuple[float, object]]:
    hits = search(text, sort=sort, per_page=50, highlight=False).hits
    dates = dict(
        Document.objects.filter(pk__in=[h.id for h in hits]).values_list("pk", "published_at")
    )
    return [(h.score, dates[h.id]) for h in hits]


def test_rum_orders_like_gin(search_index, settings, db):
    """RUM (measured slower, not the default) still answers the same when an operator builds it."""
    settings.GONGKAI_SEARCH_BACKEND = "database"
    assert database.vector_index_kind() == "gin"
    by_relevance, by_date = _ranked("公示", "relevance"), _ranked("工作", "date")
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'rum'")
        if cursor.fetchone() is None:
            pytest.skip("postgresql-15-rum is not installed")
        cursor.execute("CREATE EXTENSION IF NOT EXISTS rum")
        cursor.execute("DROP INDEX search_entry_vector_gin")
        cursor.execute(
            "CREATE INDEX search_entry_vector_rum ON search_searchentry "
            "USING rum (vector rum_tsvector_addon_ops, published_at) "
            "WITH (attach = 'published_at', to = 'vector')"
        )
    database.forget_index_kind()
    try:
        assert database.vector_index_kind() == "rum"
        assert _ranked("公示", "relevance") == by_relevance
        assert _ranked("工作", "date") == by_date
    finally:
        database.forget_index_kind()


def test_sample_of_every_bucket_counts_like_the_exact_query(
    search_index, settings, monkeypatch, db
):
    settings.GONGKAI_SEARCH_BACKEND = "database"
    exact = search("工作", highlight=False)
    assert sum(exact.facets["organization"].values()) == exact.total
    monkeypatch.setattr(database, "EXACT_LIMIT", 0)
    monkeypatch.setattr(database, "SAMPLE", 10**9)
    with CaptureQueriesContext(connection) as captured:
        merged = search("工作", highlight=False)
    assert sum("@s63" in q["sql"] for q in captured.captured_queries) == 1
    assert (merged.total, merged.facets) == (exact.total, exact.facets)


def test_large_totals_are_estimated_from_one_bucket(search_index, settings, monkeypatch, db):
    settings.GONGKAI_SEARCH_BACKEND = "database"
    exact = search("工作", highlight=False)
    monkeypatch.setattr(database, "EXACT_LIMIT", 0)
    monkeypatch.setattr(database, "SAMPLE", 1)
    estimated = search("工作", highlight=False)
    assert estimated.total > 0
    assert estimated.total % database.SAMPLE_BUCKETS == 0
    assert sum(estimated.facets["organization"].values()) == estimated.total
    assert [h.id for h in estimated.hits] == [h.id for h in exact.hits]


def _expanded(text: str):
    from gongkai.rules.query_syntax import parse
    from gongkai.search.service import _expanded as expand
    from gongkai.search.synonyms import synonym_map

    return expand(parse(text), synonym_map())

import pytest

from gongkai.documents.choices import Genre
from gongkai.documents.models import Document
from gongkai.search.service import search
from gongkai.search.types import SearchFilters


def titles(results):
    return [str(h.title) for h in results.hits]


def public():
    return Document.objects.public()


def test_all_words_must_match(backend_name):
    results = search("特困人员救助供养 公示", per_page=50)
    expected = public().filter(title__contains="特困人员救助供养", title__endswith="公示").count()
    assert expected > 0
    assert results.total >= expected
    assert results.backend == backend_name
    for hit in results.hits:
        entry_text = Document.objects.get(pk=hit.id)
        assert "公示" in entry_text.title + entry_text.body


def test_synonym_finds_the_formal_term(backend_name):
    formal = search("最低生活保障")
    colloquial = search("低保")
    assert formal.total > 0
    assert colloquial.total >= formal.total
    assert {h.id for h in formal.hits} <= {h.id for h in search("低保", per_page=50).hits}


def test_exclusion(backend_name):
    with_town = search("最低生活保障", per_page=50)
    without = search("最低生活保障 -城关镇", per_page=50)
    assert without.total < with_town.total
    assert all("城关镇" not in str(h.title) for h in without.hits)


def test_phrase_must_be_adjacent(backend_name):
    assert search('"特困人员救助供养审批"').total > 0
    assert search('"审批特困人员"').total == 0


def test_doc_no_comes_first_and_exactly(backend_name):
    document = public().exclude(doc_no="").order_by("pk").first()
    results = search(document.doc_no.replace("〔", "[").replace("〕", "]"))
    assert results.hits[0].id == document.pk
    assert results.backend == "exact"
    assert results.hits[0].title == document.title


def test_index_number_exact(backend_name):
    document = public().order_by("-pk").first()
    results = search(document.index_number)
    assert [h.id for h in results.hits] == [document.pk]


def test_filters_organization_subtree_domain_genre_year(world, backend_name):
    county = search("工作", SearchFilters(organization_id=world.county.pk), per_page=50)
    assert county.total > 0
    ids = {
        h.id
        for h in search("工作", SearchFilters(organization_id=world.county.pk), per_page=50).hits
    }
    orgs = Document.objects.filter(pk__in=ids).select_related("organization")
    assert all(d.organization.is_within(world.county) for d in orgs)
    domain = search("公示", SearchFilters(domain_id=world.social_assistance.pk), per_page=50)
    assert domain.total > 0
    assert set(domain.facets["domain"]) >= {world.social_assistance.pk}
    normative = search("实施细则", SearchFilters(genre=Genre.NORMATIVE), per_page=50)
    assert (
        normative.total
        == public().filter(genre=Genre.NORMATIVE, title__contains="实施细则").count()
    )
    year = public().order_by("pk").first().published_at.year
    by_year = search("工作", SearchFilters(year=year), per_page=50)
    assert set(by_year.facets["year"]) == {year}


def test_catalog_item_filter(backend_name):
    document = public().filter(catalog_items__isnull=False).order_by("pk").first()
    item = document.catalog_items.first()
    results = search(item.level1, SearchFilters(catalog_item_id=item.pk), per_page=50)
    assert document.pk in {h.id for h in results.hits} or results.total > 50


def test_facets_count_domains_organizations_years(backend_name):
    results = search("公示")
    assert sum(results.facets["organization"].values()) == results.total
    assert sum(results.facets["year"].values()) == results.total
    assert results.facets["domain"]


def test_sort_by_date_and_paging(backend_name):
    first = search("工作", sort="date", per_page=5)
    second = search("工作", sort="date", per_page=5, page=2)
    dates = [Document.objects.get(pk=h.id).published_at for h in first.hits + second.hits]
    assert dates == sorted(dates, reverse=True)
    assert not {h.id for h in first.hits} & {h.id for h in second.hits}


def test_highlight_is_escaped_and_marked(backend_name):
    results = search("最低生活保障")
    assert "<mark>最低生活保障</mark>" in str(results.hits[0].title) + str(results.hits[0].snippet)


def test_suggestions_when_nothing_matches(backend_name):
    results = search("最低生活保障 火星基地")
    assert results.total == 0
    assert "最低生活保障" in results.suggestions


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "低" * 2000,
        "，。！？、……",
        "' OR 1=1; DROP TABLE documents_document; --",
        "<script>alert(1)</script>",
        "ＡＢＣ低保　２０２４",
        '"unclosed phrase',
        "-",
        "%_%",
    ],
)
def test_bad_input_returns_a_normal_result(backend_name, raw):
    results = search(raw)
    assert results.total >= 0
    for hit in results.hits:
        assert "<script>" not in str(hit.title) + str(hit.snippet)


def test_withdrawn_document_leaves_the_index(backend_name):
    from gongkai.documents.choices import Status
    from gongkai.search.indexing import reindex_document

    document = public().exclude(doc_no="").order_by("pk").first()
    Document.objects.filter(pk=document.pk).update(status=Status.WITHDRAWN)
    assert reindex_document(document.pk) is False
    assert document.pk not in {h.id for h in search(document.title, per_page=50).hits}
    Document.objects.filter(pk=document.pk).update(status=Status.PUBLISHED)
    assert reindex_document(document.pk) is True
    assert document.pk in {h.id for h in search(document.title, per_page=50).hits}


def test_theme_and_validity_filters(backend_name):
    document = public().filter(theme__isnull=False).order_by("pk").first()
    themed = search("工作", SearchFilters(theme_id=document.theme_id), per_page=50)
    assert themed.total > 0
    assert set(
        Document.objects.filter(pk__in=[h.id for h in themed.hits]).values_list(
            "theme_id", flat=True
        )
    ) == {document.theme_id}
    Document.objects.filter(pk=document.pk).update(validity="repealed")
    from gongkai.search.indexing import reindex_document

    reindex_document(document.pk)
    repealed = search(document.title, SearchFilters(validity="repealed"), per_page=50)
    assert [h.id for h in repealed.hits] == [document.pk]


def test_publication_date_range(backend_name):
    from datetime import timedelta

    from django.utils import timezone

    document = public().order_by("-published_at", "-pk").first()
    day = timezone.localtime(document.published_at).date()
    midnight = timezone.make_aware(timezone.datetime.combine(day, timezone.datetime.min.time()))
    inside = SearchFilters(published_after=midnight, published_before=midnight + timedelta(days=1))
    after = SearchFilters(published_after=midnight + timedelta(days=1))
    before = SearchFilters(published_before=midnight)

    assert document.pk in {h.id for h in search(document.title, inside, per_page=50).hits}
    assert document.pk not in {h.id for h in search(document.title, after, per_page=50).hits}
    assert document.pk not in {h.id for h in search(document.title, before, per_page=50).hits}
    from gongkai.search.segment import query_tokens

    word = max(query_tokens(document.title), key=len)
    found = search(word, inside, per_page=50)
    assert found.total > 0
    assert {
        timezone.localtime(d.published_at).date()
        for d in Document.objects.filter(pk__in=[h.id for h in found.hits])
    } == {day}

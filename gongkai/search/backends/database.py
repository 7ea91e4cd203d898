"""The database backend: an ORM query over SearchEntry (tsvector on PostgreSQL, LIKE on SQLite)."""

from functools import reduce
from operator import and_, or_

from django.db import connection
from django.db.models import Count, Q, QuerySet
from django.db.models.functions import ExtractYear

from gongkai.search.models import SearchEntry
from gongkai.search.segment import index_tokens, query_tokens
from gongkai.search.types import Expanded, Hit, IndexedDocument, SearchFilters, SearchResults


def is_postgresql() -> bool:
    return connection.vendor == "postgresql"


def spaced(tokens: list[str]) -> str:
    """Tokens between single spaces, with a space at both ends so ' token ' matches whole tokens."""
    return f" {' '.join(tokens)} " if tokens else ""


class DatabaseBackend:
    name = "database"

    def index_documents(self, docs: list[IndexedDocument]) -> int:
        entries = [
            SearchEntry(
                document_id=doc.id,
                title=doc.title,
                text=doc.text,
                segmented=spaced(
                    index_tokens(doc.title) + index_tokens(f"{doc.organization_name} {doc.text}")
                ),
                doc_no=doc.doc_no,
                index_number=doc.index_number,
                published_at=doc.published_at,
            )
            for doc in docs
        ]
        SearchEntry.objects.filter(document_id__in=[doc.id for doc in docs]).delete()
        SearchEntry.objects.bulk_create(entries, batch_size=500)
        if is_postgresql() and docs:
            with connection.cursor() as cursor:
                cursor.execute(
                    "UPDATE search_searchentry SET vector = to_tsvector('simple', segmented) "
                    "WHERE document_id = ANY(%s)",
                    [[doc.id for doc in docs]],
                )
        return len(docs)

    def remove(self, ids: list[int]) -> None:
        SearchEntry.objects.filter(document_id__in=ids).delete()

    def clear(self) -> None:
        SearchEntry.objects.all().delete()

    def _tokens_q(self, tokens: list[str]) -> Q:
        if is_postgresql():
            return Q(pk__in=_tsquery_ids(tokens))
        return reduce(and_, (Q(segmented__contains=f" {t} ") for t in tokens))

    def _text_q(self, query: Expanded) -> Q | None:
        musts = []
        for group in query.groups:
            alternatives = [query_tokens(alt) for alt in group]
            alternatives = [self._tokens_q(a) for a in alternatives if a]
            if alternatives:
                musts.append(reduce(or_, alternatives))
        for phrase in query.phrases:
            compact = phrase.replace(" ", "")
            if compact:
                musts.append(Q(title__icontains=compact) | Q(text__icontains=compact))
        if not musts:
            return None
        condition = reduce(and_, musts)
        for word in query.excluded:
            tokens = query_tokens(word)
            if tokens:
                condition &= ~self._tokens_q(tokens)
        return condition

    def matching(self, query: Expanded, filters: SearchFilters) -> QuerySet | None:
        condition = self._text_q(query)
        if condition is None:
            return None
        return filtered(SearchEntry.objects.filter(condition), filters)

    def search(
        self, query: Expanded, filters: SearchFilters, sort: str, page: int, per_page: int
    ) -> SearchResults:
        entries = self.matching(query, filters)
        if entries is None:
            return SearchResults(total=0, hits=[], backend=self.name)
        ids = entries.values("pk")
        base = SearchEntry.objects.filter(pk__in=ids)
        if sort == "date":
            ordered = base.order_by("-published_at", "-pk")
        else:
            first = query.groups[0] if query.groups else [p.replace(" ", "") for p in query.phrases]
            in_title = reduce(or_, (Q(title__icontains=alt) for alt in first)) if first else Q()
            ordered = _rank(base, in_title)
        start = (page - 1) * per_page
        rows = list(
            ordered.values_list("pk", "rank" if sort != "date" else "pk")[start : start + per_page]
        )
        hits = [Hit(id=pk, score=float(score) if sort != "date" else 0.0) for pk, score in rows]
        return SearchResults(total=base.count(), hits=hits, facets=facets(base), backend=self.name)


def _tsquery_ids(tokens: list[str]):
    from django.contrib.postgres.search import SearchQuery

    query = SearchQuery(" ".join(tokens), config="simple", search_type="plain")
    return SearchEntry.objects.filter(vector=query).values("pk")


def _rank(base: QuerySet, in_title: Q) -> QuerySet:
    from django.db.models import Case, IntegerField, Value, When

    return base.annotate(
        rank=Case(When(in_title, then=Value(2)), default=Value(1), output_field=IntegerField())
    ).order_by("-rank", "-published_at", "-pk")


def filtered(entries: QuerySet, filters: SearchFilters) -> QuerySet:
    from gongkai.documents.models import Document
    from gongkai.orgs.models import Organization

    documents = Document.objects.public()
    if filters.organization_id is not None:
        root = Organization.objects.filter(pk=filters.organization_id).first()
        documents = (
            documents.filter(organization__path__startswith=root.path) if root else documents.none()
        )
    if filters.domain_id is not None:
        documents = documents.filter(catalog_items__catalog__domain_id=filters.domain_id)
    if filters.catalog_item_id is not None:
        documents = documents.filter(catalog_items=filters.catalog_item_id)
    if filters.theme_id is not None:
        documents = documents.filter(theme_id=filters.theme_id)
    if filters.genre:
        documents = documents.filter(genre=filters.genre)
    if filters.validity:
        documents = documents.filter(validity=filters.validity)
    if filters.year is not None:
        documents = documents.filter(published_at__year=filters.year)
    return entries.filter(document__in=documents.values("pk"))


def facets(entries: QuerySet) -> dict[str, dict[int, int]]:
    from gongkai.documents.models import Document

    documents = Document.objects.filter(pk__in=entries.values("pk"))
    by_domain = (
        documents.values_list("catalog_items__catalog__domain_id")
        .exclude(catalog_items__catalog__domain_id=None)
        .annotate(n=Count("pk", distinct=True))
    )
    by_org = documents.values_list("organization_id").annotate(n=Count("pk")).order_by()
    by_year = (
        documents.annotate(y=ExtractYear("published_at"))
        .values_list("y")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {
        "domain": dict(by_domain.order_by()),
        "organization": dict(by_org),
        "year": {k: n for k, n in by_year if k},
    }

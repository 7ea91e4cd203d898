"""Keep the search index in step with publication: one document, or everything."""

import logging
from collections.abc import Callable, Iterator

from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone

from gongkai.documents.html import body_text
from gongkai.documents.selectors.public import public_documents
from gongkai.orgs.models import Organization
from gongkai.search.backends.database import DatabaseBackend
from gongkai.search.backends.embedded import EmbeddedBackend
from gongkai.search.types import IndexedDocument

log = logging.getLogger(__name__)
BATCH = 2000
_embedded: dict[str, EmbeddedBackend] = {}


def configured_backend_name() -> str:
    name = getattr(settings, "GONGKAI_SEARCH_BACKEND", "embedded")
    return name if name in ("embedded", "database") else "embedded"


def embedded_backend() -> EmbeddedBackend:
    """One tantivy handle per index directory and process."""
    path = str(settings.DATA_DIR / "search" / "tantivy")
    if path not in _embedded:
        _embedded[path] = EmbeddedBackend(path)
    return _embedded[path]


def database_backend() -> DatabaseBackend:
    return DatabaseBackend()


def _ancestor_ids(org: Organization, paths: dict[str, int]) -> list[int]:
    codes = org.path.strip("/").split("/")
    prefixes = ["/".join(codes[: n + 1]) + "/" for n in range(len(codes))]
    return [paths[p] for p in prefixes if p in paths]


def _documents(queryset) -> Iterator[IndexedDocument]:
    paths = dict(Organization.objects.values_list("path", "pk"))
    queryset = queryset.select_related("organization").prefetch_related(
        Prefetch("catalog_items", to_attr="items")
    )
    items_domain = {}
    from gongkai.catalog.models import CatalogItem

    for document in queryset.iterator(chunk_size=BATCH):
        item_ids = [item.pk for item in document.items]
        missing = [i for i in item_ids if i not in items_domain]
        if missing:
            items_domain.update(
                CatalogItem.objects.filter(pk__in=missing).values_list("pk", "catalog__domain_id")
            )
        published = timezone.localtime(document.published_at) if document.published_at else None
        yield IndexedDocument(
            id=document.pk,
            title=document.title,
            text=body_text(document.body) if document.body else "",
            doc_no=document.doc_no,
            index_number=document.index_number or "",
            organization_id=document.organization_id,
            organization_ids=_ancestor_ids(document.organization, paths),
            domain_ids=sorted({items_domain[i] for i in item_ids}),
            catalog_item_ids=item_ids,
            theme_id=document.theme_id,
            genre=document.genre,
            validity=document.validity,
            published_at=published,
            organization_name=document.organization.name,
        )


def _backends() -> list:
    """The database table always (it is the fallback); tantivy too when it is the configured backend."""
    backends = [database_backend()]
    if configured_backend_name() == "embedded":
        backends.append(embedded_backend())
    return backends


def reindex_document(document_id: int) -> bool:
    """Index a document if it is public now, remove it otherwise; returns whether it is searchable."""
    docs = list(_documents(public_documents().filter(pk=document_id)))
    for backend in _backends():
        try:
            if docs:
                backend.index_documents(docs)
            else:
                backend.remove([document_id])
        except Exception:
            log.exception("search: reindex of document %s failed in %s", document_id, backend.name)
    return bool(docs)


def rebuild_index(*, progress: Callable[[int, int], None] | None = None, backends=None) -> int:
    """Empty the index and add every public document again, BATCH at a time."""
    from gongkai.search.segment import ensure_dictionary, reset_dictionary

    reset_dictionary()
    ensure_dictionary()
    backends = backends if backends is not None else _backends()
    for backend in backends:
        backend.clear()
    queryset = public_documents().order_by("pk")
    total, done, batch = queryset.count(), 0, []
    for doc in _documents(queryset):
        batch.append(doc)
        if len(batch) >= BATCH:
            done += _flush(backends, batch)
            batch = []
            if progress:
                progress(done, total)
    done += _flush(backends, batch)
    if progress:
        progress(done, total)
    log.info("search: index rebuilt with %d documents", done)
    return done


def _flush(backends, batch: list[IndexedDocument]) -> int:
    for backend in backends:
        backend.index_documents(batch)
    return len(batch)

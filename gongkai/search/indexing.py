"""Keep the search index in step with publication: one document, or everything.

A rebuild reads the documents in chunks, turns HTML into text and segments it in a process pool
(the CPU-heavy part), fills a fresh embedded index that replaces the live one only when complete,
and upserts the database table in place, so the site keeps searching throughout.
"""

import logging
import os
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import replace
from multiprocessing import get_context

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from gongkai.documents.models import Document
from gongkai.documents.selectors.public import public_documents
from gongkai.orgs.models import Organization
from gongkai.search.backends.database import DatabaseBackend
from gongkai.search.backends.embedded import EmbeddedBackend
from gongkai.search.prepare import PreparedDocument, prepare, prepare_batch, start_worker
from gongkai.search.segment import dictionary_words, ensure_dictionary, reset_dictionary

log = logging.getLogger(__name__)
BATCH = 2000
CHUNK = 200  # documents per pool task
IN_FLIGHT = 8  # chunks queued in the pool at once, so memory stays flat at any corpus size
POOL_FROM = 5000  # below this many documents a pool costs more than it saves
_FIELDS = (
    "pk", "title", "body", "doc_no", "index_number", "organization_id", "theme_id", "genre",
    "validity", "published_at",
)  # fmt: skip
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


def _ancestor_ids(path: str, paths: dict[str, int]) -> list[int]:
    codes = path.strip("/").split("/")
    prefixes = ["/".join(codes[: n + 1]) + "/" for n in range(len(codes))]
    return [paths[p] for p in prefixes if p in paths]


def _raw_chunks(queryset, size: int) -> Iterator[list[tuple[PreparedDocument, str]]]:
    """(document without text, body HTML) pairs, `size` at a time, read as plain rows."""
    from gongkai.catalog.models import CatalogItem

    organizations = {
        pk: (name, path)
        for pk, name, path in Organization.objects.values_list("pk", "name", "path")
    }
    paths = {path: pk for pk, (_, path) in organizations.items()}
    ancestors: dict[int, list[int]] = {}
    local = timezone.get_current_timezone()
    items_domain: dict[int, int | None] = {}
    links = Document.catalog_items.through.objects
    rows = queryset.values_list(*_FIELDS).iterator(chunk_size=BATCH)
    while True:
        chunk = [row for _, row in zip(range(size), rows, strict=False)]
        if not chunk:
            return
        items: dict[int, list[int]] = {}
        for document_id, item_id in links.filter(document_id__in=[r[0] for r in chunk]).values_list(
            "document_id", "catalogitem_id"
        ):
            items.setdefault(document_id, []).append(item_id)
        missing = {i for ids in items.values() for i in ids if i not in items_domain}
        if missing:
            items_domain.update(
                CatalogItem.objects.filter(pk__in=missing).values_list("pk", "catalog__domain_id")
            )
        out = []
        for (
            pk,
            title,
            body,
            doc_no,
            index_number,
            org_id,
            theme_id,
            genre,
            validity,
            published,
        ) in chunk:
            name, path = organizations.get(org_id, ("", ""))
            if org_id not in ancestors:
                ancestors[org_id] = _ancestor_ids(path, paths) or [org_id]
            item_ids = sorted(items.get(pk, []))
            document = PreparedDocument(
                id=pk,
                title=title,
                text="",
                doc_no=doc_no,
                index_number=index_number or "",
                organization_id=org_id,
                organization_ids=ancestors[org_id],
                domain_ids=sorted({d for i in item_ids if (d := items_domain.get(i)) is not None}),
                catalog_item_ids=item_ids,
                theme_id=theme_id,
                genre=genre,
                validity=validity,
                published_at=published.astimezone(local) if published else None,
                organization_name=name,
            )
            out.append((document, body or ""))
        yield out


def _with_text(chunk, prepared_list) -> list[PreparedDocument]:
    return [
        replace(document, text=prepared.text, prepared=prepared)
        for (document, _), prepared in zip(chunk, prepared_list, strict=True)
    ]


def _pool_inputs(chunk) -> list[tuple[str, str, str]]:
    return [(document.title, body, document.organization_name) for document, body in chunk]


def _prepared_chunks(queryset, *, pooled: bool) -> Iterator[list[PreparedDocument]]:
    """Documents with their text and tokens, in order; segmented by a pool for large rebuilds."""
    ensure_dictionary()
    chunks = _raw_chunks(queryset, CHUNK)
    if not pooled:
        for chunk in chunks:
            yield _with_text(chunk, [prepare(*row) for row in _pool_inputs(chunk)])
        return
    workers = max(1, min(os.cpu_count() or 1, 4))
    context = get_context("spawn")  # no fork: the parent holds database connections and threads
    with context.Pool(workers, initializer=start_worker, initargs=(dictionary_words(),)) as pool:
        pending: deque = deque()
        for chunk in chunks:
            pending.append((chunk, pool.apply_async(prepare_batch, (_pool_inputs(chunk),))))
            if len(pending) >= IN_FLIGHT:
                done, result = pending.popleft()
                yield _with_text(done, result.get())
        while pending:
            done, result = pending.popleft()
            yield _with_text(done, result.get())


def _documents(queryset) -> Iterator[PreparedDocument]:
    for chunk in _prepared_chunks(queryset, pooled=False):
        yield from chunk


def _backends() -> list:
    """The database table always (it is the fallback); tantivy too when it is the configured backend."""
    backends = [database_backend()]
    if configured_backend_name() == "embedded":
        backends.append(embedded_backend())
    return backends


def reindex_document(document_id: int, backends=None) -> bool:
    """Index a document if it is public now, remove it otherwise; returns whether it is searchable."""
    docs = list(_documents(public_documents().filter(pk=document_id)))
    for backend in backends if backends is not None else _backends():
        try:
            if docs:
                backend.index_documents(docs)
            else:
                backend.remove([document_id])
        except Exception:
            log.exception("search: reindex of document %s failed in %s", document_id, backend.name)
    return bool(docs)


class _InPlace:
    """A backend without a fresh-copy build (the database table): upsert, then drop the rest."""

    def __init__(self, backend):
        self.backend = backend
        self.seen: set[int] = set()

    def add(self, docs: list) -> None:
        with transaction.atomic():
            self.backend.index_documents(docs)
        self.seen.update(doc.id for doc in docs)

    def finish(self) -> None:
        from gongkai.search.models import SearchEntry

        indexed = set(SearchEntry.objects.values_list("pk", flat=True))
        stale = sorted(indexed - self.seen)
        for start in range(0, len(stale), BATCH):
            self.backend.remove(stale[start : start + BATCH])

    def abort(self) -> None:
        pass


def rebuild_index(*, progress: Callable[[int, int], None] | None = None, backends=None) -> int:
    """Index every public document again while searches keep using the current index.

    The embedded index is built in a fresh directory and switched in at the end; documents
    published, edited or withdrawn meanwhile are indexed again after the switch.
    """
    reset_dictionary()
    ensure_dictionary()
    backends = backends if backends is not None else _backends()
    started = timezone.now()
    builds = [b.start_rebuild() if hasattr(b, "start_rebuild") else _InPlace(b) for b in backends]
    queryset = public_documents().order_by("pk")
    total, done = queryset.count(), 0
    try:
        for chunk in _prepared_chunks(queryset, pooled=total >= POOL_FROM):
            for build in builds:
                build.add(chunk)
            done += len(chunk)
            if progress and (done % BATCH < CHUNK or done == total):
                progress(done, total)
        for build in builds:
            build.finish()
    except BaseException:
        for build in builds:
            build.abort()
        raise
    if progress and done != total:
        progress(done, total)
    changed = Document.objects.filter(updated_at__gte=started).values_list("pk", flat=True)
    for document_id in changed:
        reindex_document(document_id, backends)
    log.info("search: index rebuilt with %d documents", done)
    return done

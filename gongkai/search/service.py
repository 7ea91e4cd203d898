"""The one search function the pages, the API and the bench call."""

import logging
from dataclasses import replace

from django.db import connection
from django.db.models import Q

from gongkai.rules.query_syntax import ParsedQuery, parse
from gongkai.search.backends.embedded import IndexUnavailable
from gongkai.search.highlight import mark, snippet
from gongkai.search.indexing import configured_backend_name, database_backend, embedded_backend
from gongkai.search.models import SearchEntry
from gongkai.search.segment import query_tokens
from gongkai.search.synonyms import expand, synonym_map
from gongkai.search.types import SORTS, Expanded, Hit, SearchFilters, SearchResults

log = logging.getLogger(__name__)
MAX_PAGE = 50
MAX_PER_PAGE = 50


def backend():
    return embedded_backend() if configured_backend_name() == "embedded" else database_backend()


def _expanded(query: ParsedQuery, table: dict[str, list[str]]) -> Expanded:
    return Expanded(
        query=query,
        groups=expand(query.words, table),
        phrases=query.phrases,
        excluded=query.excluded,
    )


_rebuild_requested = {"pending": False}


def _run(chosen, expanded, filters, sort, page, per_page) -> SearchResults:
    try:
        results = chosen.search(expanded, filters, sort, page, per_page)
    except IndexUnavailable as exc:
        log.warning("search: %s; rebuilding, searching the database meanwhile", exc)
        if not _rebuild_requested["pending"]:  # one rebuild per process, not one per request
            _rebuild_requested["pending"] = True
            _schedule_rebuild()
        return database_backend().search(expanded, filters, sort, page, per_page)
    _rebuild_requested["pending"] = False
    return results


def _schedule_rebuild() -> None:
    from gongkai.search.tasks import rebuild_search_index_task

    try:
        rebuild_search_index_task.enqueue()
    except Exception:
        log.exception("search: could not enqueue the index rebuild")


def _exact(query: ParsedQuery, filters: SearchFilters) -> list[int]:
    if not (query.doc_no or query.index_number):
        return []
    from gongkai.search.backends.database import filtered

    condition = Q(doc_no=query.doc_no) if query.doc_no else Q(index_number=query.index_number)
    return list(
        filtered(SearchEntry.objects.filter(condition), filters).values_list("pk", flat=True)[:20]
    )


def search(
    text: str,
    filters: SearchFilters | None = None,
    *,
    sort: str = "relevance",
    page: int = 1,
    per_page: int = 20,
    highlight: bool = True,
) -> SearchResults:
    """Search public documents; never raises on bad input, returns an empty result instead."""
    filters = filters or SearchFilters()
    sort = sort if sort in SORTS else "relevance"
    page = min(max(1, page), MAX_PAGE)
    per_page = min(max(1, per_page), MAX_PER_PAGE)
    query = parse(text)
    if query.is_empty:
        return SearchResults(total=0, hits=[], backend="none")
    if query.doc_no or query.index_number:
        exact = _exact(query, filters)
        if exact:
            hits = [Hit(id=pk, score=1000.0) for pk in exact]
            results = SearchResults(total=len(hits), hits=hits, backend="exact")
            return _decorate(results, query, highlight, {})
        if not query.terms:
            query = parse(_as_words(query))
    table = synonym_map()
    expanded = _expanded(query, table)
    results = _run(backend(), expanded, filters, sort, page, per_page)
    if results.total == 0:
        results.suggestions = _suggestions(query, table, filters)
    return _decorate(results, query, highlight, table)


def _matches(expanded: Expanded, filters: SearchFilters) -> bool:
    chosen = backend()
    if hasattr(chosen, "has_match"):
        try:
            return chosen.has_match(expanded, filters)
        except IndexUnavailable:
            pass
    return _run(chosen, expanded, filters, "relevance", 1, 1).total > 0


def _as_words(query: ParsedQuery) -> str:
    return (query.doc_no or query.index_number).replace("〔", " ").replace("〕", " ")


def _suggestions(
    query: ParsedQuery, table: dict[str, list[str]], filters: SearchFilters
) -> list[str]:
    """Other spellings, then the query with one word fewer, kept only when they find something."""
    candidates: list[str] = []
    for word in query.words:
        for synonym in table.get(word, []):
            candidates.append(" ".join(synonym if w == word else w for w in query.words))
    if len(query.words) > 1:
        for word in query.words:
            candidates.append(" ".join(w for w in query.words if w != word))
    found = []
    for candidate in dict.fromkeys(candidates):
        if _matches(_expanded(parse(candidate), {}), filters):
            found.append(candidate)
        if len(found) == 3:
            break
    return found


def _decorate(
    results: SearchResults, query: ParsedQuery, highlight: bool, table: dict[str, list[str]]
) -> SearchResults:
    if not results.hits:
        return results
    entries = _entries([hit.id for hit in results.hits], highlight)
    terms = _highlight_terms(query, table) if highlight else []
    hits = []
    for hit in results.hits:
        entry = entries.get(hit.id)
        if entry is None:
            continue
        if highlight:
            hits.append(replace(hit, title=mark(entry[1], terms), snippet=snippet(entry[2], terms)))
        else:
            hits.append(replace(hit, title=entry[1]))
    results.hits = hits
    return results


def _entries(ids: list[int], with_text: bool) -> dict[int, tuple]:
    """Titles (and texts) of the hits by id: plain SQL, since the ORM's query building would cost
    more than the engine's whole query."""
    table = SearchEntry._meta.db_table
    columns = "document_id, title, text" if with_text else "document_id, title"
    placeholders = ", ".join(["%s"] * len(ids))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {columns} FROM {table} WHERE document_id IN ({placeholders})",  # noqa: S608
            ids,
        )
        return {row[0]: row for row in cursor.fetchall()}


def _highlight_terms(query: ParsedQuery, table: dict[str, list[str]]) -> list[str]:
    if query.doc_no or query.index_number:
        return [query.doc_no or query.index_number]
    terms = []
    for word in query.words:
        terms += [word, *table.get(word, [])]
        terms += [t for t in query_tokens(word) if len(t) > 1]
    terms += [p.replace(" ", "") for p in query.phrases]
    return [t for t in terms if t]

"""The database backend over SearchEntry: a tsvector on PostgreSQL (GIN or RUM), LIKE on SQLite.

Filters and facets read columns copied onto SearchEntry, never Document. On PostgreSQL the filter
keys (@o12 …) and the title words (^低保) are lexemes of the same tsvector, so one index answers
the words and the filters together, and "title matches" is one more lexeme test.
"""

import math
from collections import Counter
from datetime import datetime
from functools import reduce
from operator import and_, or_
from typing import NamedTuple

from django.db import connection, transaction
from django.db.models import Q, QuerySet

from gongkai.search.models import SearchEntry
from gongkai.search.segment import index_tokens, query_tokens
from gongkai.search.types import Expanded, Hit, IndexedDocument, SearchFilters, SearchResults

TABLE = "search_searchentry"
SAMPLE_BUCKETS = 64
# Reading the heap row of each match costs ~2.5 µs, so a common word (950,000 matches of a
# million) cannot be counted exactly in the budget. Bucket 0 of the document ids (lexemes
# @s0…@s63) is counted first; when it predicts more than EXACT_LIMIT matches, the total and the
# facets come from the first buckets holding about SAMPLE matches, scaled to all buckets.
EXACT_LIMIT = 10_000
SAMPLE = 5_000
# Newest first along the published_at index reads one TOASTed tsvector per row (~0.1 ms); through
# the GIN bitmap it reads one heap row per match (~2.5 µs) and sorts them. Below WALK_FROM
# matches the bitmap is cheaper, and the planner (which misjudges multi-word and year
# selectivity, and then walks for seconds) is told so.
WALK_FROM = 30_000
# RUM returns rows ordered by their distance to this instant: newest first.
FUTURE = "2200-01-01T00:00:00+00:00"
NO_DATE = "1970-01-01T00:00:00+00:00"


def is_postgresql() -> bool:
    return connection.vendor == "postgresql"


def spaced(tokens: list[str]) -> str:
    """Tokens between single spaces, with a space at both ends so ' token ' matches whole tokens."""
    return f" {' '.join(tokens)} " if tokens else ""


def document_keys(doc: IndexedDocument) -> list[str]:
    keys = [f"@o{pk}" for pk in doc.organization_ids or [doc.organization_id]]
    keys += [f"@d{pk}" for pk in doc.domain_ids]
    keys += [f"@i{pk}" for pk in doc.catalog_item_ids]
    if doc.theme_id:
        keys.append(f"@t{doc.theme_id}")
    if doc.genre:
        keys.append(f"@g{doc.genre}")
    if doc.validity:
        keys.append(f"@v{doc.validity}")
    keys.append(f"@y{doc.year}")
    return list(dict.fromkeys(keys))


def filter_keys(filters: SearchFilters) -> list[str]:
    pairs = [
        ("o", filters.organization_id),
        ("d", filters.domain_id),
        ("i", filters.catalog_item_id),
        ("t", filters.theme_id),
        ("g", filters.genre or None),
        ("v", filters.validity or None),
        ("y", filters.year),
    ]
    return [f"@{prefix}{value}" for prefix, value in pairs if value is not None]


def filtered(entries: QuerySet, filters: SearchFilters) -> QuerySet:
    """Entries that pass the filters (organization subtree, domain, item, theme, genre, validity, year)."""
    for key in filter_keys(filters):
        entries = entries.filter(keys__contains=f" {key} ")
    if filters.published_after:
        entries = entries.filter(published_at__gte=filters.published_after)
    if filters.published_before:
        entries = entries.filter(published_at__lt=filters.published_before)
    return entries


class DatabaseBackend:
    name = "database"

    def index_documents(self, docs: list[IndexedDocument]) -> int:
        if not docs:
            return 0
        if is_postgresql():
            _insert_postgresql(docs)
        else:
            _insert_sqlite(docs)
        return len(docs)

    def remove(self, ids: list[int]) -> None:
        SearchEntry.objects.filter(document_id__in=ids).delete()

    def clear(self) -> None:
        if is_postgresql():
            with connection.cursor() as cursor:
                cursor.execute(f"TRUNCATE {TABLE}")
        else:
            SearchEntry.objects.all().delete()

    def search(
        self, query: Expanded, filters: SearchFilters, sort: str, page: int, per_page: int
    ) -> SearchResults:
        if is_postgresql():
            return _search_postgresql(query, filters, sort, page, per_page)
        return _search_sqlite(query, filters, sort, page, per_page)


# -- PostgreSQL ------------------------------------------------------------------------------------
_INSERT = """
INSERT INTO search_searchentry (document_id, title, text, segmented, keys, doc_no, index_number,
    published_at, organization_id, year, domain_ids, vector, indexed_at)
VALUES (%s, %s, %s, '', %s, %s, %s, %s, %s, %s, %s::integer[], array_to_tsvector(string_to_array(%s, ' ')), now())
ON CONFLICT (document_id) DO UPDATE SET title = EXCLUDED.title, text = EXCLUDED.text,
    keys = EXCLUDED.keys, doc_no = EXCLUDED.doc_no, index_number = EXCLUDED.index_number,
    published_at = EXCLUDED.published_at, organization_id = EXCLUDED.organization_id,
    year = EXCLUDED.year, domain_ids = EXCLUDED.domain_ids, vector = EXCLUDED.vector,
    indexed_at = EXCLUDED.indexed_at
"""


def _tokens(doc: IndexedDocument) -> tuple[list[str], list[str]]:
    """Title tokens and body tokens: segmented ahead by the rebuild's pool when it ran."""
    prepared = getattr(doc, "prepared", None)
    if prepared is not None:
        return prepared.title_tokens.split(), prepared.body_tokens.split()
    return index_tokens(doc.title), index_tokens(f"{doc.organization_name} {doc.text}")


def _lexemes(doc: IndexedDocument, keys: list[str]) -> list[str]:
    """Distinct lexemes (tokens never hold spaces); sent as one string, cheaper than a text[]."""
    title, body = _tokens(doc)
    words = set(title)
    words.update(body)
    words.update(f"^{token}" for token in title)
    words.update(keys)
    words.add(f"@s{doc.id % SAMPLE_BUCKETS}")
    words.discard("")
    return sorted(words)


def _insert_postgresql(docs: list[IndexedDocument]) -> None:
    rows = []
    for doc in docs:
        keys = document_keys(doc)
        rows.append(
            (
                doc.id,
                doc.title,
                doc.text,
                spaced(keys),
                doc.doc_no,
                doc.index_number,
                doc.published_at or NO_DATE,
                doc.organization_id,
                doc.year,
                list(doc.domain_ids),
                " ".join(_lexemes(doc, keys)),
            )
        )
    with transaction.atomic(), connection.cursor() as cursor:  # one commit per batch, not per row
        cursor.executemany(_INSERT, rows)


_index_kind: dict[str, str] = {}


def vector_index_kind() -> str:
    """ "rum" when the migration could build a RUM index (it orders by date inside the index), else "gin"."""
    alias = connection.settings_dict["NAME"]
    if alias not in _index_kind:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT 1 FROM pg_indexes WHERE tablename = %s AND indexdef LIKE %s",
                [TABLE, "%USING rum%"],
            )
            _index_kind[alias] = "rum" if cursor.fetchone() else "gin"
    return _index_kind[alias]


def forget_index_kind() -> None:
    _index_kind.clear()


def _quoted(token: str) -> str:
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


def _all_of(tokens: list[str]) -> str:
    return "(" + " & ".join(_quoted(t) for t in tokens) + ")"


def _any_of(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else "(" + " | ".join(parts) + ")"


def _group_alternatives(query: Expanded) -> list[list[list[str]]]:
    groups = []
    for group in query.groups:
        alternatives = [tokens for tokens in (query_tokens(alt) for alt in group) if tokens]
        if alternatives:
            groups.append(alternatives)
    return groups


def text_tsquery(query: Expanded, filters: SearchFilters) -> tuple[str, str]:
    """(the whole condition, the title-words condition) as tsquery text; empty when nothing to match."""
    groups = _group_alternatives(query)
    musts = [_any_of([_all_of(a) for a in alternatives]) for alternatives in groups]
    title = [
        _any_of([_all_of([f"^{t}" for t in a]) for a in alternatives]) for alternatives in groups
    ]
    for word in query.excluded:
        tokens = query_tokens(word)
        if tokens:
            musts.append("!" + _all_of(tokens))
    musts += [_quoted(key) for key in filter_keys(filters)]
    return " & ".join(musts), " & ".join(title)


def _phrases(query: Expanded) -> list[str]:
    return [p.replace(" ", "").lower() for p in query.phrases if p.replace(" ", "")]


class Narrowing(NamedTuple):
    """What the tsquery cannot say: exact substrings (quoted phrases) and a publication window."""

    phrases: list[str]
    after: datetime | None = None
    before: datetime | None = None


def _where(tsquery: str, narrowing: Narrowing, year: int | None = None) -> tuple[str, list]:
    parts, params = [], []
    if tsquery:
        parts.append("vector @@ %s::tsquery")
        params.append(tsquery)
    if year:
        # Also a range, so a walk along the date index starts at that year (the key stays exact).
        parts.append("published_at >= %s AND published_at < %s")
        params += [f"{year - 1}-12-31", f"{year + 1}-01-02"]
    if narrowing.after:
        parts.append("published_at >= %s")
        params.append(narrowing.after)
    if narrowing.before:
        parts.append("published_at < %s")
        params.append(narrowing.before)
    for phrase in narrowing.phrases:
        parts.append("(strpos(lower(title), %s) > 0 OR strpos(lower(text), %s) > 0)")
        params += [phrase, phrase]
    return " AND ".join(parts), params


def _probe(cursor, tsquery: str, narrowing: Narrowing) -> int:
    """Matches predicted from bucket 0, reading no more rows than needed to reach WALK_FROM."""
    where, params = _where(_in_buckets(tsquery, range(1)), narrowing)
    cursor.execute(
        f"SELECT count(*) FROM (SELECT 1 FROM {TABLE} WHERE {where} LIMIT %s) AS probe",  # noqa: S608
        [*params, WALK_FROM // SAMPLE_BUCKETS + 1],
    )
    return cursor.fetchone()[0] * SAMPLE_BUCKETS


def _newest(
    cursor, condition: tuple[str, list], offset: int, limit: int, matches: int
) -> list[int]:
    where, params = condition
    if limit <= 0:
        return []
    if vector_index_kind() == "rum" and "vector @@" in where:
        order = "published_at <=| %s::timestamptz"
        order_params = [FUTURE]
    else:
        order, order_params = "published_at DESC, document_id DESC", []
    bitmap = matches < WALK_FROM and order_params == []
    if bitmap:
        cursor.execute("SET LOCAL enable_indexscan = off")
    cursor.execute(
        # The clauses are constant fragments; every value is a parameter.
        f"SELECT document_id FROM {TABLE} WHERE {where} ORDER BY {order} LIMIT %s OFFSET %s",  # noqa: S608
        [*params, *order_params, limit, offset],
    )
    ids = [row[0] for row in cursor.fetchall()]
    if bitmap:
        cursor.execute("SET LOCAL enable_indexscan = on")
    return ids


def _search_postgresql(
    query: Expanded, filters: SearchFilters, sort: str, page: int, per_page: int
) -> SearchResults:
    tsquery, title_tsquery = text_tsquery(query, filters)
    narrowing = Narrowing(_phrases(query), filters.published_after, filters.published_before)
    if not (_group_alternatives(query) or narrowing.phrases):
        return SearchResults(total=0, hits=[], backend="database")
    year = filters.year
    start, end = (page - 1) * per_page, page * per_page
    with transaction.atomic(), connection.cursor() as cursor:
        # The planner does not price reading each TOASTed tsvector: a sequential scan looks cheap
        # for common words and is 30× slower than the index.
        cursor.execute("SET LOCAL enable_seqscan = off")
        total, facets, estimated = _counts(cursor, tsquery, narrowing)
        if not total:
            return SearchResults(total=0, hits=[], backend="database")
        if sort == "date" or not title_tsquery:
            ids = _newest(cursor, _where(tsquery, narrowing, year), start, per_page, total)
            scores = [0.0] * len(ids)
        else:
            # Documents with every word in the title first, then the others; newest first in each.
            in_title = f"{tsquery} & {title_tsquery}"
            rest = f"{tsquery} & !({title_tsquery})"
            common = total >= WALK_FROM
            in_title_matches = _probe(cursor, in_title, narrowing) if common else 0
            first = _newest(cursor, _where(in_title, narrowing, year), 0, end, in_title_matches)
            others: list[int] = []
            if len(first) < end:
                rest_matches = _probe(cursor, rest, narrowing) if common else 0
                skip = max(0, start - len(first))
                count = end - max(start, len(first))
                others = _newest(cursor, _where(rest, narrowing, year), skip, count, rest_matches)
            ids = first[start:] + others
            scores = [2.0] * len(first[start:]) + [1.0] * len(others)
    hits = [Hit(id=pk, score=score) for pk, score in zip(ids, scores, strict=True)]
    return SearchResults(
        total=total, hits=hits, facets=facets, backend="database", approximate=estimated
    )


def _in_buckets(tsquery: str, buckets: range) -> str:
    return f"{tsquery} & (" + " | ".join(_quoted(f"@s{n}") for n in buckets) + ")"


def _facet_rows(cursor, tsquery: str, narrowing: Narrowing) -> Counter:
    where, params = _where(tsquery, narrowing)
    cursor.execute(
        f"""
        WITH matches AS MATERIALIZED (
            SELECT organization_id, year, domain_ids FROM {TABLE} WHERE {where}
        )
        SELECT 'organization', organization_id, count(*) FROM matches GROUP BY 2
        UNION ALL SELECT 'year', year, count(*) FROM matches WHERE year > 0 GROUP BY 2
        UNION ALL SELECT 'domain', d, count(*) FROM matches, unnest(domain_ids) d GROUP BY 2
        """,  # noqa: S608
        params,
    )
    return Counter({(facet, key): n for facet, key, n in cursor.fetchall()})


def _counts(cursor, tsquery: str, narrowing: Narrowing) -> tuple[int, dict, bool]:
    """The total and the counts per organization, year and domain, and whether they were scaled
    from a sample (large results)."""
    buckets = SAMPLE_BUCKETS
    if tsquery:
        rows = _facet_rows(cursor, _in_buckets(tsquery, range(1)), narrowing)
        in_first = sum(n for (facet, _), n in rows.items() if facet == "organization")
        if in_first * SAMPLE_BUCKETS <= EXACT_LIMIT:
            rows = _facet_rows(cursor, tsquery, narrowing)
        else:
            buckets = min(SAMPLE_BUCKETS, math.ceil(SAMPLE / in_first))
            if buckets > 1:
                rows += _facet_rows(cursor, _in_buckets(tsquery, range(1, buckets)), narrowing)
    else:
        rows = _facet_rows(cursor, tsquery, narrowing)
    scale = SAMPLE_BUCKETS / buckets
    counts: dict[str, dict[int, int]] = {"domain": {}, "organization": {}, "year": {}}
    for (facet, key), n in rows.items():
        if key is not None:
            counts[facet][key] = round(n * scale)
    total = round(scale * sum(n for (facet, _), n in rows.items() if facet == "organization"))
    return total, counts, scale > 1


# -- SQLite (small sites, and the fallback while an embedded index is rebuilt) ---------------------
def _insert_sqlite(docs: list[IndexedDocument]) -> None:
    entries = [
        SearchEntry(
            document_id=doc.id,
            title=doc.title,
            text=doc.text,
            segmented=spaced([token for tokens in _tokens(doc) for token in tokens]),
            keys=spaced(document_keys(doc)),
            doc_no=doc.doc_no,
            index_number=doc.index_number,
            published_at=doc.published_at,
            organization_id=doc.organization_id,
            year=doc.year,
            domain_ids=list(doc.domain_ids),
        )
        for doc in docs
    ]
    SearchEntry.objects.filter(document_id__in=[doc.id for doc in docs]).delete()
    SearchEntry.objects.bulk_create(entries, batch_size=500)


def _tokens_q(tokens: list[str]) -> Q:
    return reduce(and_, (Q(segmented__contains=f" {t} ") for t in tokens))


def _text_q(query: Expanded) -> Q | None:
    musts = [
        reduce(or_, (_tokens_q(a) for a in alternatives))
        for alternatives in _group_alternatives(query)
    ]
    for phrase in _phrases(query):
        musts.append(Q(title__icontains=phrase) | Q(text__icontains=phrase))
    if not musts:
        return None
    condition = reduce(and_, musts)
    for word in query.excluded:
        tokens = query_tokens(word)
        if tokens:
            condition &= ~_tokens_q(tokens)
    return condition


def _search_sqlite(
    query: Expanded, filters: SearchFilters, sort: str, page: int, per_page: int
) -> SearchResults:
    from django.db.models import Case, IntegerField, Value, When

    condition = _text_q(query)
    if condition is None:
        return SearchResults(total=0, hits=[], backend="database")
    entries = filtered(SearchEntry.objects.filter(condition), filters)
    if sort == "date":
        ordered = entries.annotate(rank=Value(0)).order_by("-published_at", "-pk")
    else:
        first = query.groups[0] if query.groups else _phrases(query)
        in_title = reduce(or_, (Q(title__icontains=alt) for alt in first)) if first else Q()
        ordered = entries.annotate(
            rank=Case(When(in_title, then=Value(2)), default=Value(1), output_field=IntegerField())
        ).order_by("-rank", "-published_at", "-pk")
    start = (page - 1) * per_page
    rows = list(ordered.values_list("pk", "rank")[start : start + per_page])
    hits = [Hit(id=pk, score=float(rank)) for pk, rank in rows]
    facets: dict[str, Counter] = {"domain": Counter(), "organization": Counter(), "year": Counter()}
    for organization_id, year, domain_ids in entries.values_list(
        "organization_id", "year", "domain_ids"
    ):
        facets["organization"][organization_id] += 1
        if year:
            facets["year"][year] += 1
        facets["domain"].update(domain_ids)
    return SearchResults(
        total=sum(facets["organization"].values()),
        hits=hits,
        facets={name: dict(counts) for name, counts in facets.items()},
        backend="database",
    )

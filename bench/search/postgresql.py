"""PostgreSQL search bench: load the synthetic corpus, index it with the app, time GIN and RUM.

    flock /tmp/bench.lock .venv/bin/python -m bench.search.postgresql [--docs 100000] [--queries 300]

Creates a throw-away database (gongkai_bench_pg_<docs>) on the server of PG_BENCH_URL
(default postgres://postgres@127.0.0.1:5432) and drops it at the end unless --keep.
--reuse keeps a database loaded by an earlier --keep run. Prints figures, asserts nothing.
"""

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))

from bench.search.run import load_corpus, naive_query, percentiles

SERVER = os.environ.get("PG_BENCH_URL", "postgres://postgres@127.0.0.1:5432")


def admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as conn:
        conn.execute(sql)


def database_exists(name: str) -> bool:
    import psycopg

    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as conn:
        row = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
    return row is not None


def setup_django(name: str) -> None:
    os.environ["DATABASE_URL"] = f"{SERVER}/{name}"
    os.environ["GONGKAI_DATA_DIR"] = tempfile.mkdtemp(prefix="gongkai-pg-bench-")
    os.environ["GONGKAI_SEARCH_BACKEND"] = "database"
    os.environ["DJANGO_SETTINGS_MODULE"] = "gongkai.settings"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def corpus_meta() -> dict:
    from gongkai.catalog.models import Domain
    from gongkai.orgs.models import Organization

    counties = Organization.objects.filter(path__regex=r"^BQ/BQ[0-9]{2}/$").order_by("pk")
    domains = Domain.objects.order_by("position", "pk")[:26]
    return {
        "counties": list(counties.values_list("pk", flat=True)),
        "domains": list(domains.values_list("pk", flat=True)),
    }


def relation_size(table: str) -> int:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_total_relation_size(%s)", [table])
        return cursor.fetchone()[0]


def index_size(name: str) -> int:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_relation_size(%s)", [name])
        return cursor.fetchone()[0]


def mib(size: int) -> str:
    return f"{size / 2**20:,.0f} MiB"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--naive-queries", type=int, default=20)
    parser.add_argument("--rum-queries", type=int, default=0, help="fewer queries for RUM")
    parser.add_argument("--keep", action="store_true", help="keep the database")
    parser.add_argument("--reuse", action="store_true", help="reuse a kept, loaded database")
    parser.add_argument("--load-only", action="store_true")
    parser.add_argument("--skip-build", action="store_true", help="reuse the kept search index")
    parser.add_argument("--build-only", action="store_true")
    parser.add_argument("--kinds", default="rum,gin", help="vector indexes to time, in order")
    parser.add_argument(
        "--rebuild-each", action="store_true", help="time the app's rebuild under each index"
    )
    args = parser.parse_args()
    name = f"gongkai_bench_pg_{args.docs}"
    if not (args.reuse and database_exists(name)):
        admin(f"DROP DATABASE IF EXISTS {name}")
        admin(f"CREATE DATABASE {name}")
        args.reuse = False
    setup_django(name)
    try:
        run(args)
    finally:
        from django.db import connections

        connections.close_all()
        if not args.keep:
            admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def run(args) -> None:
    from gongkai.documents.models import Document

    print(f"corpus: {args.docs} documents, 2,000 organizations, 26 domains, 10 years", flush=True)
    if not args.reuse:
        meta = load_corpus(args.docs)
        print(f"DB insert: {meta['insert_s']:.1f} s", flush=True)
    print(f"documents in the database: {Document.objects.count():,}", flush=True)
    print(f"documents table: {mib(relation_size('documents_document'))}", flush=True)
    if args.load_only:
        return
    meta = corpus_meta()
    kinds = [k for k in args.kinds.split(",") if k]
    for n, kind in enumerate(kinds):
        if not args.skip_build and (n == 0 or args.rebuild_each):
            use_index(kind)
            build(kind)
            if args.build_only:
                vacuum()
                sizes(kind)
                return
        elif n > 0:
            use_index(kind, rebuild=True)
        else:
            use_index(kind)
        vacuum()
        sizes(kind)
        facet_timings(kind)
        workload(args, meta, kind)
    naive(args, meta)


INDEXES = {
    "rum": "CREATE INDEX search_entry_vector_rum ON search_searchentry "
    "USING rum (vector rum_tsvector_addon_ops, published_at) "
    "WITH (attach = 'published_at', to = 'vector')",
    "gin": "CREATE INDEX search_entry_vector_gin ON search_searchentry USING gin (vector)",
}


def use_index(kind: str, *, rebuild: bool = False) -> None:
    """Keep exactly one vector index, of this kind (rebuild: create it again now)."""
    from django.db import connection

    from gongkai.search.backends.database import forget_index_kind

    with connection.cursor() as cursor:
        cursor.execute("CREATE EXTENSION IF NOT EXISTS rum")
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE indexname LIKE 'search_entry_vector%%'"
        )
        existing = [row[0] for row in cursor.fetchall()]
        for name in existing:
            if rebuild or not name.endswith(kind):
                cursor.execute(f"DROP INDEX {name}")
        if rebuild or f"search_entry_vector_{kind}" not in existing:
            cursor.execute("SET maintenance_work_mem = '1GB'")
            started = time.monotonic()
            cursor.execute(INDEXES[kind])
            print(f"[{kind}] CREATE INDEX: {time.monotonic() - started:.1f} s", flush=True)
    forget_index_kind()


def build(kind: str) -> None:
    from gongkai.search.indexing import database_backend, rebuild_index

    started = time.monotonic()
    built = rebuild_index(backends=[database_backend()])
    seconds = time.monotonic() - started
    print(
        f"[{kind}] app rebuild_index (DB read + HTML→text + rjieba + INSERT with the tsvector, "
        f"{kind.upper()} index present): {built:,} docs in {seconds:.1f} s = "
        f"{built / seconds:,.0f} docs/s",
        flush=True,
    )


def vacuum() -> None:
    from django.db import connection

    started = time.monotonic()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE search_searchentry")
    print(f"  VACUUM ANALYZE: {time.monotonic() - started:.1f} s", flush=True)


def sizes(kind: str) -> None:
    print(
        f"[{kind}] search_searchentry total {mib(relation_size('search_searchentry'))} "
        f"(heap {mib(index_size('search_searchentry'))}); "
        f"{kind.upper()} index {mib(index_size(f'search_entry_vector_{kind}'))}",
        flush=True,
    )


def _expanded(text: str):
    from gongkai.rules.query_syntax import parse
    from gongkai.search import service
    from gongkai.search.synonyms import synonym_map

    return service._expanded(parse(text), synonym_map())


def facet_timings(kind: str) -> None:
    """Common words: exact count and facets over every match, against the backend's sampling."""
    from django.db import connection

    from gongkai.search.backends import database
    from gongkai.search.types import SearchFilters

    for text in ("通知", "资金", "最低生活保障", "公示 城关镇", "扶贫对象"):
        tsquery, _ = database.text_tsquery(_expanded(text), SearchFilters())
        timings = {}
        with connection.cursor() as cursor:
            cursor.execute("SET enable_seqscan = off")
            t0 = time.perf_counter()
            cursor.execute(
                "SELECT count(*) FROM search_searchentry WHERE vector @@ %s::tsquery", [tsquery]
            )
            total = cursor.fetchone()[0]
            timings["count exact"] = time.perf_counter() - t0
            t0 = time.perf_counter()
            database._facet_rows(cursor, tsquery, database.Narrowing([]))
            timings["count + facets exact"] = time.perf_counter() - t0
            t0 = time.perf_counter()
            estimate, _, _ = database._counts(cursor, tsquery, database.Narrowing([]))
            timings["as configured"] = time.perf_counter() - t0
            cursor.execute("RESET enable_seqscan")
        shown = ", ".join(f"{name} {seconds * 1000:.0f} ms" for name, seconds in timings.items())
        print(f"[{kind}] {text}: {total:,} matches (app: {estimate:,}); {shown}", flush=True)


def _filters(kind: str, meta: dict, rng: random.Random):
    from gongkai.search.types import SearchFilters

    return SearchFilters(
        organization_id=rng.choice(meta["counties"]) if kind == "org" else None,
        domain_id=rng.choice(meta["domains"]) if kind == "domain" else None,
        year=rng.randint(2016, 2025) if kind == "year" else None,
    )


def bare_sql(raw, tsquery: str, kind: str) -> None:
    """The engine alone: exact count, then the newest 20 matches, straight through psycopg.

    Planned like the app (no sequential scan; the bitmap below WALK_FROM matches).
    """
    from gongkai.search.backends.database import WALK_FROM

    order = (
        "published_at <=| '2200-01-01'::timestamptz"
        if kind == "rum"
        else "published_at DESC, document_id DESC"
    )
    with raw.transaction():
        raw.execute("SET LOCAL enable_seqscan = off")
        total = raw.execute(
            "SELECT count(*) FROM search_searchentry WHERE vector @@ %s::tsquery", [tsquery]
        ).fetchone()[0]
        if total < WALK_FROM and kind == "gin":
            raw.execute("SET LOCAL enable_indexscan = off")
        raw.execute(
            "SELECT document_id FROM search_searchentry WHERE vector @@ %s::tsquery "
            f"ORDER BY {order} LIMIT 20",
            [tsquery],
        ).fetchall()


def workload(args, meta: dict, kind: str) -> None:
    import psycopg
    from django.conf import settings

    from bench.search import corpus

    settings.GONGKAI_SEARCH_BACKEND = "database"
    queries = corpus.queries(
        args.rum_queries if kind == "rum" and args.rum_queries else args.queries
    )
    raw = psycopg.connect(os.environ["DATABASE_URL"], autocommit=True)
    try:
        app_ms, bare_ms, by_kind, total = _timed(queries, meta, kind, raw)
    finally:
        raw.close()
    print(
        f"[{kind}] queries: {len(queries)} (1–3 words, 1/2 with a filter), top 20; "
        f"mean total {total / len(queries):,.0f}"
    )
    print(
        f"[{kind}]   app service.search() (count, top 20, facets, snippets): {percentiles(app_ms)}"
    )
    for name, values in sorted(by_kind.items()):
        print(f"[{kind}]     filter={name:<7} {percentiles(values)}")
    print(f"[{kind}]   bare SQL (tsquery + filters, count + newest 20): {percentiles(bare_ms)}")


def _timed(queries, meta: dict, kind: str, raw):
    from gongkai.search import service
    from gongkai.search.backends import database

    rng = random.Random(5)
    for text, filter_kind in queries[:10]:  # warm the caches the same way for both indexes
        service.search(text, _filters(filter_kind, meta, rng), per_page=20)
    rng = random.Random(5)
    app_ms, bare_ms, by_kind, total = [], [], {}, 0
    for text, filter_kind in queries:
        filters = _filters(filter_kind, meta, rng)
        t0 = time.perf_counter()
        results = service.search(text, filters, per_page=20)
        elapsed = (time.perf_counter() - t0) * 1000
        app_ms.append(elapsed)
        by_kind.setdefault(filter_kind, []).append(elapsed)
        total += results.total
        tsquery, _ = database.text_tsquery(_expanded(text), filters)
        t0 = time.perf_counter()
        if tsquery:
            bare_sql(raw, tsquery, kind)
        bare_ms.append((time.perf_counter() - t0) * 1000)
    return app_ms, bare_ms, by_kind, total


def naive(args, meta: dict) -> None:
    from bench.search import corpus

    rng = random.Random(5)
    naive_ms = []
    for text, filter_kind in corpus.queries(args.queries)[: args.naive_queries]:
        filters = _filters(filter_kind, meta, rng)
        t0 = time.perf_counter()
        naive_query(text, filters)
        naive_ms.append((time.perf_counter() - t0) * 1000)
        print(f"  naive {len(naive_ms)}: {naive_ms[-1]:,.0f} ms", flush=True)
    print(f"naive icontains (top 20 by date + count): {percentiles(naive_ms)}")


if __name__ == "__main__":
    main()

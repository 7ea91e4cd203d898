"""Search bench: build a synthetic corpus, index it, time queries through the app, bare tantivy and icontains.

    flock /tmp/bench.lock .venv/bin/python bench/search/run.py [--docs 100000] [--queries 300]
        [--naive-queries 100] [--data-dir DIR [--reuse-index]] [--profile]

Uses a throw-away data directory unless --data-dir names one to keep and reuse (SQLite unless
DATABASE_URL is set). The index build runs rebuild_index as the command does (process pool,
fresh directory switched in). Prints figures, asserts nothing.
"""

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))


def percentiles(values: list[float]) -> str:
    if not values:
        return "n/a"
    ordered = sorted(values)

    def at(p: float) -> float:
        return ordered[min(len(ordered) - 1, int(p * len(ordered)))]

    return (
        f"p50 {statistics.median(ordered):7.1f}  p95 {at(0.95):7.1f}  p99 {at(0.99):7.1f}  "
        f"max {ordered[-1]:7.1f} ms  (n={len(ordered)})"
    )


def warm(path: Path) -> int:
    """Read a file, or every file under a directory, so the page cache holds it."""
    read = 0
    for file in [path] if path.is_file() else [f for f in path.rglob("*") if f.is_file()]:
        with open(file, "rb") as handle:
            while chunk := handle.read(1 << 24):
                read += len(chunk)
    return read


def du(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def setup_django(data_dir: str) -> None:
    os.environ["GONGKAI_DATA_DIR"] = data_dir
    os.environ["DJANGO_SETTINGS_MODULE"] = "gongkai.settings"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def load_corpus(count: int) -> dict:
    from django.db import transaction

    from bench.search import corpus
    from gongkai.catalog.models import Catalog, CatalogItem, Domain
    from gongkai.documents.models import Document
    from gongkai.orgs.models import Organization, Region

    region = Region.objects.create(code="990000", name="基准市", level="city", path="990000/")
    org_rows = corpus.organizations()
    orgs: list[Organization] = []
    for level in (slice(0, 1), slice(1, 41), slice(41, None)):
        created = []
        for code, name, parent in org_rows[level]:
            parent_org = orgs[parent] if parent is not None else None
            created.append(
                Organization(
                    code=code,
                    name=name,
                    kind="government" if parent in (None, 0) else "department",
                    region=region,
                    parent=parent_org,
                    path=f"{parent_org.path if parent_org else ''}{code}/",
                )
            )
        orgs += Organization.objects.bulk_create(created, batch_size=1000)
    orgs = list(Organization.objects.filter(path__startswith="BQ/").order_by("pk"))
    domains = list(Domain.objects.order_by("position", "pk"))[:26]
    for n in range(len(domains), 26):
        domains.append(Domain.objects.create(code=f"bench{n}", name=f"基准领域{n}", position=n))
    items = []
    for domain in domains:
        catalog = Catalog.objects.create(organization=orgs[0], domain=domain, published_version=1)
        items.append(CatalogItem.objects.create(catalog=catalog, level1=domain.name))
    through = Document.catalog_items.through
    started = time.monotonic()
    batch, links = [], []
    for i, fake in enumerate(corpus.documents(count, [o.name for o in orgs])):
        org = orgs[fake.org_index]
        batch.append(
            Document(
                organization=org,
                title=fake.title[:200],
                body=fake.body,
                doc_no=fake.doc_no,
                index_number=f"{org.code}/{fake.published_at.year}-{i:07d}",
                genre=fake.genre,
                status="published",
                disclosure="proactive",
                published_at=fake.published_at,
            )
        )
        links.append(fake.domain_index)
        if len(batch) == 5000 or i == count - 1:
            with transaction.atomic():
                created = Document.objects.bulk_create(batch)
                through.objects.bulk_create(
                    [
                        through(document_id=d.pk, catalogitem_id=items[k].pk)
                        for d, k in zip(created, links, strict=True)
                    ]
                )
            batch, links = [], []
            print(f"  inserted {i + 1}/{count}", flush=True)
    return {
        "insert_s": time.monotonic() - started,
        "counties": [o.pk for o in orgs[1:41]],
        "domains": [d.pk for d in domains],
    }


def fill_entries() -> None:
    """The rows the app reads for titles and snippets (no segmentation: the embedded backend is timed)."""
    from gongkai.documents.html import body_text
    from gongkai.documents.models import Document
    from gongkai.search.models import SearchEntry

    rows = []
    for pk, title, body, doc_no, index_number, published in Document.objects.values_list(
        "pk", "title", "body", "doc_no", "index_number", "published_at"
    ).iterator(chunk_size=2000):
        rows.append(
            SearchEntry(
                document_id=pk,
                title=title,
                text=body_text(body),
                doc_no=doc_no,
                index_number=index_number,
                published_at=published,
            )
        )
        if len(rows) == 5000:
            SearchEntry.objects.bulk_create(rows)
            rows = []
    SearchEntry.objects.bulk_create(rows)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--naive-queries", type=int, default=100)
    parser.add_argument("--keep", action="store_true", help="keep the data directory")
    parser.add_argument(
        "--data-dir", help="use and keep this directory; a corpus already loaded there is reused"
    )
    parser.add_argument("--profile", action="store_true", help="cProfile the app's searches")
    parser.add_argument(
        "--warm-cache",
        action="store_true",
        help="read the database file and the index once before timing (as on a server with the RAM)",
    )
    parser.add_argument(
        "--reuse-index",
        action="store_true",
        help="with --data-dir: time the queries on the index an earlier run built there",
    )
    args = parser.parse_args()
    data_dir = args.data_dir or tempfile.mkdtemp(prefix="gongkai-search-bench-")
    Path(data_dir).mkdir(parents=True, exist_ok=True)
    setup_django(data_dir)
    try:
        run(args, Path(data_dir))
    finally:
        if not (args.keep or args.data_dir):
            shutil.rmtree(data_dir, ignore_errors=True)


def loaded_corpus(count: int) -> dict | None:
    """The counties and domains of a corpus an earlier --data-dir run loaded, if it has `count` documents."""
    from gongkai.catalog.models import Catalog
    from gongkai.documents.models import Document
    from gongkai.orgs.models import Organization

    if Document.objects.count() != count:
        return None
    root = Organization.objects.get(path="BQ/")
    return {
        "insert_s": 0.0,
        "counties": list(
            Organization.objects.filter(parent=root).order_by("pk").values_list("pk", flat=True)
        ),
        "domains": list(
            Catalog.objects.filter(organization=root)
            .order_by("pk")
            .values_list("domain_id", flat=True)
        ),
    }


def bare_query(backend, expanded, filters) -> list[int]:
    """The bare engine: the tantivy query the backend builds, top 20 ids and the count, no Django."""
    searcher = backend.searcher()
    query = backend.full_query(expanded, filters)
    if query is None:
        return []
    found = searcher.search(query, limit=20, count=True)
    return searcher.fast_field_values("id", [address for _, address in found.hits])


def naive_query(text: str, filters) -> None:
    """What a Django developer would write first: icontains on title and body, newest first."""
    from django.db.models import Q

    from gongkai.documents.models import Document

    documents = Document.objects.public()
    for word in text.split():
        documents = documents.filter(Q(title__icontains=word) | Q(body__icontains=word))
    if filters.organization_id:
        documents = documents.filter(organization__parent_id=filters.organization_id)
    if filters.domain_id:
        documents = documents.filter(catalog_items__catalog__domain_id=filters.domain_id)
    if filters.year:
        documents = documents.filter(published_at__year=filters.year)
    list(documents.order_by("-published_at").values_list("pk", "title")[:20])
    documents.count()


def run(args, data_dir: Path) -> None:
    from bench.search import corpus
    from gongkai.rules.query_syntax import parse
    from gongkai.search import service
    from gongkai.search.indexing import embedded_backend, rebuild_index
    from gongkai.search.synonyms import synonym_map
    from gongkai.search.types import SearchFilters

    print(f"corpus: {args.docs} documents, 2,000 organizations, 26 domains, 10 years")
    meta = loaded_corpus(args.docs) if args.data_dir else None
    if meta is None:
        meta = load_corpus(args.docs)
        print(f"DB insert: {meta['insert_s']:.1f} s")
        fill_entries()
    else:
        print(f"reusing the corpus loaded in {data_dir}")
    database_mib = (data_dir / "gongkai.sqlite3").stat().st_size / 2**20
    print(f"SQLite database: {database_mib:,.0f} MiB")
    backend = embedded_backend()
    if args.reuse_index and backend.exists():
        print(f"reusing the index built earlier in {backend.current_path()}")
    else:
        started = time.monotonic()
        built = rebuild_index(backends=[backend])
        build_s = time.monotonic() - started
        print(
            f"embedded index build (DB read + HTML→text + rjieba + tantivy): {built} docs in "
            f"{build_s:.1f} s = {built / build_s:,.0f} docs/s"
        )
    searcher = backend.searcher()
    print(
        f"index: {du(backend.current_path()) / 2**20:,.0f} MiB, {searcher.num_docs} documents, "
        f"{searcher.num_segments} segments"
    )
    if args.warm_cache:
        started = time.monotonic()
        read = sum(warm(path) for path in (data_dir / "gongkai.sqlite3", backend.current_path()))
        print(
            f"page cache warmed: {read / 2**20:,.0f} MiB read in {time.monotonic() - started:.1f} s"
        )
    rng = random.Random(5)
    workload = corpus.queries(args.queries)
    plans = [
        (
            text,
            kind,
            SearchFilters(
                organization_id=rng.choice(meta["counties"]) if kind == "org" else None,
                domain_id=rng.choice(meta["domains"]) if kind == "domain" else None,
                year=rng.randint(2016, 2025) if kind == "year" else None,
            ),
        )
        for text, kind in workload
    ]
    synonyms = synonym_map()
    expanded = {text: service._expanded(parse(text), synonyms) for text, _, _ in plans}
    for text, _, filters in plans[:5]:  # warm the caches both sides use
        service.search(text, filters, per_page=20)
        bare_query(backend, expanded[text], filters)
    profiler = None
    if args.profile:
        import cProfile

        profiler = cProfile.Profile()
    app_ms, bare_ms, naive_ms = [], [], []
    by_kind: dict[str, list[float]] = {}
    totals = 0
    for n, (text, kind, filters) in enumerate(plans):
        if profiler:
            profiler.enable()
        t0 = time.perf_counter()
        results = service.search(text, filters, per_page=20)
        elapsed = (time.perf_counter() - t0) * 1000
        if profiler:
            profiler.disable()
        app_ms.append(elapsed)
        by_kind.setdefault(kind, []).append(elapsed)
        totals += results.total
        t0 = time.perf_counter()
        bare_query(backend, expanded[text], filters)
        bare_ms.append((time.perf_counter() - t0) * 1000)
        if n < args.naive_queries:
            t0 = time.perf_counter()
            naive_query(text, filters)
            naive_ms.append((time.perf_counter() - t0) * 1000)
    print(
        f"queries: {len(workload)} (1–3 words, 1/2 with a filter), top 20; mean total {totals / len(workload):,.0f}"
    )
    print(f"  app search() with snippets + facets: {percentiles(app_ms)}")
    for kind, values in sorted(by_kind.items()):
        print(f"    filter={kind:<7} {percentiles(values)}")
    print(f"  bare tantivy (query + top 20 ids + count): {percentiles(bare_ms)}")
    print(f"  naive icontains (top 20 by date + count): {percentiles(naive_ms)}")
    if profiler:
        import pstats

        pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)


if __name__ == "__main__":
    main()

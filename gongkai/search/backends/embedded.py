"""The embedded backend: a tantivy index on disk under DATA_DIR/search, fed with rjieba tokens.

`path` is a symbolic link to the live index directory. A rebuild fills a fresh directory beside
it and then replaces the link in one rename, so searches keep answering from the old index
meanwhile; every process notices the new link on its next search.
"""

import fcntl
import logging
import os
import re
import shutil
import threading
import time
import uuid
from pathlib import Path

import tantivy

from gongkai.search.prepare import Prepared, PreparedDocument
from gongkai.search.segment import char_text, index_tokens, query_tokens
from gongkai.search.types import Expanded, Hit, IndexedDocument, SearchFilters, SearchResults

log = logging.getLogger(__name__)

FACETS = ("domain", "organization", "year")
FACET_BUCKETS = 50  # per facet, largest counts first; pages show 10
WRITER_HEAP = 64_000_000
BUILD_HEAP = 3_000_000_000  # one thread: few large segments, so no merge at the end
BUILD_THREADS = 1
TITLE_BOOST = 2.0
# Facets count every match up to FACET_EXACT_LIMIT; above it, only the matches in a nested sample
# (level L holds one document in 2**L, one indexed term each) of at least FACET_SAMPLE matches,
# scaled to the total.
SAMPLE_LEVELS = 8
FACET_EXACT_LIMIT = 10_000
FACET_SAMPLE = 5_000
_Occur = tantivy.Occur
_PHRASE_JUNK = re.compile(r"[^\w\u3400-\u9fff]+")


class IndexUnavailable(Exception):
    """The index is missing or unreadable: rebuild it and search the database meanwhile."""


class RebuildRunning(Exception):
    """Another process is building a fresh index for the same link."""


def _schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_integer_field("id", indexed=True, fast=True)
    # Words need frequencies for ranking only; exact phrases use the positions of "exact".
    builder.add_text_field("title", tokenizer_name="whitespace", index_option="freq")
    builder.add_text_field("body", tokenizer_name="whitespace", index_option="freq")
    # One token per character, so a "phrase" matches an exact substring whatever the segmentation.
    builder.add_text_field("exact", tokenizer_name="whitespace")
    builder.add_text_field("doc_no", tokenizer_name="raw")
    builder.add_text_field("index_number", tokenizer_name="raw")
    builder.add_integer_field("org", indexed=True)
    builder.add_integer_field("organization", indexed=True, fast=True)
    builder.add_integer_field("domain", indexed=True, fast=True)
    builder.add_integer_field("item", indexed=True)
    builder.add_integer_field("theme", indexed=True)
    builder.add_text_field("genre", tokenizer_name="raw")
    builder.add_text_field("validity", tokenizer_name="raw")
    builder.add_integer_field("year", indexed=True, fast=True)
    builder.add_integer_field("ts", indexed=True, fast=True)
    builder.add_integer_field("sample", indexed=True)
    return builder.build()


def sample_levels(doc_id: int) -> list[int]:
    """The sample levels a document belongs to: level L when its hash is a multiple of 2**L."""
    bucket = (doc_id * 2654435761 % 2**32) >> (32 - SAMPLE_LEVELS)  # Knuth's multiplicative hash
    return [level for level in range(SAMPLE_LEVELS + 1) if bucket % (1 << level) == 0]


class EmbeddedBackend:
    name = "embedded"

    def __init__(self, path: Path):
        self.path = Path(path)
        self.schema = _schema()
        self._index: tantivy.Index | None = None
        self._opened = ""  # the directory behind self._index
        self._lock = threading.Lock()

    # -- index life cycle -------------------------------------------------------------------------
    def current_path(self) -> Path:
        return Path(os.path.realpath(self.path))

    def exists(self) -> bool:
        return (self.path / "meta.json").exists()

    def _target(self) -> str:
        """The directory the link points at (one system call), or the path itself if no link."""
        try:
            return os.path.join(self.path.parent, os.readlink(self.path))
        except OSError:
            return str(self.path)

    def index(self) -> tantivy.Index:
        """The live index, opened again when a rebuild switched the link."""
        target = self._target()
        if self._index is not None and target == self._opened:
            return self._index
        with self._lock:
            if self._index is None or target != self._opened:
                if not os.path.exists(os.path.join(target, "meta.json")):
                    raise IndexUnavailable(f"no search index at {self.path}")
                try:
                    self._index = tantivy.Index(self.schema, path=target, reuse=True)
                except Exception as exc:
                    raise IndexUnavailable(f"search index unreadable: {exc}") from exc
                self._opened = target
        return self._index

    def clear(self) -> None:
        """An empty live index (through the same switch as a rebuild)."""
        build = self.start_rebuild()
        build.finish()

    def start_rebuild(self) -> "IndexBuild":
        return IndexBuild(self)

    def switch_to(self, directory: Path) -> None:
        """Point the link at `directory` atomically; keep the previous directory one more round."""
        previous = self.current_path()
        temporary = self.path.with_name(f".{self.path.name}-{uuid.uuid4().hex[:8]}")
        os.symlink(directory.name, temporary)
        if self.path.is_dir() and not self.path.is_symlink():  # a plain directory (older layout)
            self.path.rename(self.path.with_name(f"{self.path.name}-{_stamp()}-old"))
        os.replace(temporary, self.path)
        with self._lock:
            self._index, self._opened = None, ""
        for old in self.path.parent.glob(f"{self.path.name}-*"):
            if old.is_dir() and old not in (directory, previous):
                shutil.rmtree(old, ignore_errors=True)

    def _document(self, doc: IndexedDocument) -> tantivy.Document:
        prepared = doc.prepared if isinstance(doc, PreparedDocument) else None
        if prepared is None:
            prepared = Prepared(
                text=doc.text,
                title_tokens=" ".join(index_tokens(doc.title)),
                body_tokens=" ".join(index_tokens(f"{doc.organization_name} {doc.text}")),
                title_chars=char_text(doc.title),
                body_chars=char_text(doc.text),
            )
        out = tantivy.Document()
        out.add_integer("id", doc.id)
        out.add_text("title", prepared.title_tokens)
        out.add_text("body", prepared.title_tokens)
        out.add_text("body", prepared.body_tokens)
        out.add_text("exact", prepared.title_chars)
        out.add_text("exact", prepared.body_chars)
        if doc.doc_no:
            out.add_text("doc_no", doc.doc_no)
        if doc.index_number:
            out.add_text("index_number", doc.index_number)
        for org in doc.organization_ids:
            out.add_integer("org", org)
        out.add_integer("organization", doc.organization_id)
        for domain in doc.domain_ids:
            out.add_integer("domain", domain)
        for item in doc.catalog_item_ids:
            out.add_integer("item", item)
        out.add_integer("theme", doc.theme_id or 0)
        out.add_text("genre", doc.genre or "-")
        out.add_text("validity", doc.validity or "-")
        out.add_integer("year", doc.year)
        out.add_integer("ts", int(doc.published_at.timestamp()) if doc.published_at else 0)
        for level in sample_levels(doc.id):
            out.add_integer("sample", level)
        return out

    def index_documents(self, docs: list[IndexedDocument]) -> int:
        """Add or replace documents in the live index; without one, the pending rebuild adds them."""
        try:
            index = self.index()
        except IndexUnavailable:
            log.info("search: no live index, %d document(s) left to the rebuild", len(docs))
            return 0
        writer = index.writer(heap_size=WRITER_HEAP, num_threads=1)
        try:
            for doc in docs:
                writer.delete_documents_by_term("id", doc.id)
                writer.add_document(self._document(doc))
            writer.commit()
            writer.wait_merging_threads()
        except Exception:
            writer.rollback()
            raise
        index.reload()
        return len(docs)

    def remove(self, ids: list[int]) -> None:
        try:
            index = self.index()
        except IndexUnavailable:
            return
        writer = index.writer(heap_size=WRITER_HEAP, num_threads=1)
        for doc_id in ids:
            writer.delete_documents_by_term("id", doc_id)
        writer.commit()
        writer.wait_merging_threads()
        index.reload()

    # -- queries ----------------------------------------------------------------------------------
    def _tokens_query(self, tokens: list[str]) -> tantivy.Query:
        """Every token in the document (body holds the title too); title tokens score extra."""
        term = tantivy.Query.term_query
        clauses = [(_Occur.Must, term(self.schema, "body", t)) for t in tokens]
        clauses += [
            (_Occur.Should, tantivy.Query.boost_query(term(self.schema, "title", t), TITLE_BOOST))
            for t in tokens
        ]
        return tantivy.Query.boolean_query(clauses)

    def _phrase_query(self, phrase: str) -> tantivy.Query | None:
        tokens = char_text(_PHRASE_JUNK.sub("", phrase)).split()
        if not tokens:
            return None
        if len(tokens) == 1:
            return tantivy.Query.term_query(self.schema, "exact", tokens[0])
        return tantivy.Query.phrase_query(self.schema, "exact", tokens, 0)

    def _text_query(self, query: Expanded) -> tantivy.Query | None:
        musts = []
        for group in query.groups:
            alternatives = [query_tokens(alt) for alt in group]
            alternatives = [a for a in alternatives if a]
            if not alternatives:
                continue
            musts.append(
                (
                    _Occur.Must,
                    tantivy.Query.boolean_query(
                        [(_Occur.Should, self._tokens_query(a)) for a in alternatives]
                    ),
                )
            )
        for phrase in query.phrases:
            phrase_query = self._phrase_query(phrase)
            if phrase_query is not None:
                musts.append((_Occur.Must, phrase_query))
        if not musts:
            return None
        for word in query.excluded:
            tokens = query_tokens(word)
            if tokens:
                musts.append((_Occur.MustNot, self._tokens_query(tokens)))
        return tantivy.Query.boolean_query(musts)

    def _filter_clauses(self, filters: SearchFilters) -> list:
        s, q = self.schema, tantivy.Query
        pairs = [
            ("org", filters.organization_id),
            ("domain", filters.domain_id),
            ("item", filters.catalog_item_id),
            ("theme", filters.theme_id),
            ("year", filters.year),
            ("genre", filters.genre or None),
            ("validity", filters.validity or None),
        ]
        clauses = [(_Occur.Must, q.term_query(s, f, v)) for f, v in pairs if v is not None]
        if filters.published_after or filters.published_before:
            after, before = filters.published_after, filters.published_before
            clauses.append(
                (
                    _Occur.Must,
                    q.range_query(
                        s,
                        "ts",
                        tantivy.FieldType.Integer,
                        int(after.timestamp()) if after else None,
                        int(before.timestamp()) if before else None,
                        include_upper=before is None,
                    ),
                )
            )
        return clauses

    def searcher(self) -> tantivy.Searcher:
        """The reader follows commits by itself (tantivy watches meta.json): no reload per search."""
        index = self.index()
        try:
            return index.searcher()
        except Exception as exc:
            raise IndexUnavailable(f"search index unreadable: {exc}") from exc

    def full_query(self, query: Expanded, filters: SearchFilters) -> tantivy.Query | None:
        text_query = self._text_query(query)
        if text_query is None:
            return None
        filter_clauses = self._filter_clauses(filters)
        if not filter_clauses:
            return text_query
        return tantivy.Query.boolean_query([(_Occur.Must, text_query), *filter_clauses])

    def search(
        self, query: Expanded, filters: SearchFilters, sort: str, page: int, per_page: int
    ) -> SearchResults:
        searcher = self.searcher()
        full = self.full_query(query, filters)
        if full is None:
            return SearchResults(total=0, hits=[], backend=self.name)
        kwargs = {"order_by_field": "ts"} if sort == "date" else {}
        found = searcher.search(
            full, limit=per_page, offset=(page - 1) * per_page, count=True, **kwargs
        )
        ids = searcher.fast_field_values("id", [address for _, address in found.hits])
        hits = [
            Hit(id=doc_id, score=float(score) if sort != "date" else 0.0)
            for doc_id, (score, _) in zip(ids, found.hits, strict=True)
        ]
        total = found.count or 0
        facets = self._facets(searcher, full, total) if total else {name: {} for name in FACETS}
        return SearchResults(total=total, hits=hits, facets=facets, backend=self.name)

    def has_match(self, query: Expanded, filters: SearchFilters) -> bool:
        """Whether anything matches, looking in the smallest sample first (enough for common words)."""
        searcher = self.searcher()
        single = query.groups[0] if len(query.groups) == 1 and len(query.groups[0]) == 1 else []
        if single and not (query.phrases or query.excluded) and filters == SearchFilters():
            tokens = query_tokens(single[0])
            if len(tokens) == 1:  # one word, no filter: the term dictionary knows
                return searcher.doc_freq("body", tokens[0]) > 0
        full = self.full_query(query, filters)
        if full is None:
            return False
        probe = tantivy.Query.boolean_query(
            [(_Occur.Must, full), (_Occur.Must, self._sample(SAMPLE_LEVELS))]
        )
        return any(searcher.search(q, limit=1, count=False).hits for q in (probe, full))

    def _sample(self, level: int) -> tantivy.Query:
        return tantivy.Query.term_query(self.schema, "sample", level)

    def _facets(
        self, searcher: tantivy.Searcher, query: tantivy.Query, total: int
    ) -> dict[str, dict[int, int]]:
        """Counts per domain, organization and year: exact, or estimated from a sample (large totals)."""
        level = 0
        if total > FACET_EXACT_LIMIT:
            level = min(SAMPLE_LEVELS, max(0, (total // FACET_SAMPLE).bit_length() - 1))
            query = tantivy.Query.boolean_query(
                [(_Occur.Must, query), (_Occur.Must, self._sample(level))]
            )
        spec = {name: {"terms": {"field": name, "size": FACET_BUCKETS}} for name in FACETS}
        raw = searcher.aggregate(query, spec)
        scale = 1 << level
        return {
            name: {
                int(b["key"]): round(b["doc_count"] * scale)
                for b in raw.get(name, {}).get("buckets", [])
            }
            for name in FACETS
        }


def _stamp() -> str:
    return f"{time.strftime('%Y%m%d%H%M%S')}-{uuid.uuid4().hex[:6]}"


class IndexBuild:
    """A fresh index in its own directory beside the link: filled, committed once, switched in."""

    def __init__(self, backend: EmbeddedBackend):
        self.backend = backend
        backend.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock_file = open(backend.path.with_name(f".{backend.path.name}.rebuild"), "w")  # noqa: SIM115
        try:
            fcntl.flock(self._lock_file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            self._lock_file.close()
            raise RebuildRunning(f"a rebuild of {backend.path} is already running") from exc
        self.directory = backend.path.with_name(f"{backend.path.name}-{_stamp()}")
        self.directory.mkdir()
        index = tantivy.Index(backend.schema, path=str(self.directory))
        self._writer = index.writer(heap_size=BUILD_HEAP, num_threads=BUILD_THREADS)

    def add(self, docs: list[IndexedDocument]) -> None:
        for doc in docs:
            self._writer.add_document(self.backend._document(doc))

    def finish(self) -> None:
        try:
            self._writer.commit()
            self._writer.wait_merging_threads()
            self.backend.switch_to(self.directory)
        finally:
            self._lock_file.close()

    def abort(self) -> None:
        """Drop the unfinished directory; the live index stays as it was."""
        try:
            self._writer.rollback()
        except Exception:  # already committed or consumed: the directory goes anyway
            log.debug("search: rollback of an unfinished index failed", exc_info=True)
        shutil.rmtree(self.directory, ignore_errors=True)
        self._lock_file.close()

"""The embedded backend: a tantivy index on disk under DATA_DIR/search, fed with rjieba tokens."""

import logging
import re
import shutil
import threading
from pathlib import Path

import tantivy

from gongkai.search.segment import char_text, index_tokens, query_tokens
from gongkai.search.types import Expanded, Hit, IndexedDocument, SearchFilters, SearchResults

log = logging.getLogger(__name__)

FACETS = ("domain", "organization", "year")
WRITER_HEAP = 128_000_000
_Occur = tantivy.Occur
_PHRASE_JUNK = re.compile(r"[^\w\u3400-\u9fff]+")


class IndexUnavailable(Exception):
    """The index is missing or unreadable: rebuild it and search the database meanwhile."""


def _schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_integer_field("id", stored=True, indexed=True, fast=True)
    builder.add_text_field("title", tokenizer_name="whitespace")
    builder.add_text_field("body", tokenizer_name="whitespace")
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
    return builder.build()


class EmbeddedBackend:
    name = "embedded"

    def __init__(self, path: Path):
        self.path = Path(path)
        self.schema = _schema()
        self._index: tantivy.Index | None = None
        self._lock = threading.Lock()

    # -- index life cycle -------------------------------------------------------------------------
    def exists(self) -> bool:
        return (self.path / "meta.json").exists()

    def index(self, *, create: bool = False) -> tantivy.Index:
        if self._index is not None:
            return self._index
        with self._lock:
            if self._index is None:
                if not self.exists() and not create:
                    raise IndexUnavailable(f"no search index at {self.path}")
                self.path.mkdir(parents=True, exist_ok=True)
                try:
                    self._index = tantivy.Index(self.schema, path=str(self.path), reuse=True)
                except Exception as exc:
                    raise IndexUnavailable(f"search index unreadable: {exc}") from exc
        return self._index

    def clear(self) -> None:
        with self._lock:
            self._index = None
            shutil.rmtree(self.path, ignore_errors=True)
        self.index(create=True)

    def _document(self, doc: IndexedDocument) -> tantivy.Document:
        out = tantivy.Document()
        out.add_integer("id", doc.id)
        out.add_text("title", " ".join(index_tokens(doc.title)))
        out.add_text("body", " ".join(index_tokens(f"{doc.organization_name} {doc.text}")))
        out.add_text("exact", char_text(doc.title))
        out.add_text("exact", char_text(doc.text))
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
        return out

    def index_documents(self, docs: list[IndexedDocument]) -> int:
        index = self.index(create=True)
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
        if not self.exists():
            return
        index = self.index()
        writer = index.writer(heap_size=WRITER_HEAP, num_threads=1)
        for doc_id in ids:
            writer.delete_documents_by_term("id", doc_id)
        writer.commit()
        writer.wait_merging_threads()
        index.reload()

    # -- queries ----------------------------------------------------------------------------------
    def _tokens_query(self, tokens: list[str]) -> tantivy.Query:
        """All tokens in the title or all in the body (title counts double)."""
        parts = []
        for field, boost in (("title", 2.0), ("body", 1.0)):
            musts = [(_Occur.Must, tantivy.Query.term_query(self.schema, field, t)) for t in tokens]
            parts.append(
                (
                    _Occur.Should,
                    tantivy.Query.boost_query(tantivy.Query.boolean_query(musts), boost),
                )
            )
        either_each = [
            (
                _Occur.Must,
                tantivy.Query.boolean_query(
                    [
                        (_Occur.Should, tantivy.Query.term_query(self.schema, "title", t)),
                        (_Occur.Should, tantivy.Query.term_query(self.schema, "body", t)),
                    ]
                ),
            )
            for t in tokens
        ]
        parts.append((_Occur.Should, tantivy.Query.boolean_query(either_each)))
        return tantivy.Query.boolean_query(parts)

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
        return [(_Occur.Must, q.term_query(s, f, v)) for f, v in pairs if v is not None]

    def _searcher(self) -> tantivy.Searcher:
        index = self.index()
        try:
            index.reload()
            return index.searcher()
        except Exception as exc:
            raise IndexUnavailable(f"search index unreadable: {exc}") from exc

    def search(
        self, query: Expanded, filters: SearchFilters, sort: str, page: int, per_page: int
    ) -> SearchResults:
        searcher = self._searcher()
        text_query = self._text_query(query)
        if text_query is None:
            return SearchResults(total=0, hits=[], backend=self.name)
        full = tantivy.Query.boolean_query(
            [(_Occur.Must, text_query), *self._filter_clauses(filters)]
        )
        kwargs = {"order_by_field": "ts"} if sort == "date" else {}
        found = searcher.search(
            full, limit=per_page, offset=(page - 1) * per_page, count=True, **kwargs
        )
        hits = [
            Hit(id=searcher.doc(address)["id"][0], score=float(score) if sort != "date" else 0.0)
            for score, address in found.hits
        ]
        return SearchResults(
            total=found.count or 0,
            hits=hits,
            facets=self._facets(searcher, full),
            backend=self.name,
        )

    def _facets(
        self, searcher: tantivy.Searcher, query: tantivy.Query
    ) -> dict[str, dict[int, int]]:
        spec = {name: {"terms": {"field": name, "size": 200}} for name in FACETS}
        raw = searcher.aggregate(query, spec)
        return {
            name: {int(b["key"]): int(b["doc_count"]) for b in raw.get(name, {}).get("buckets", [])}
            for name in FACETS
        }

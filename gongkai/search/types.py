"""The search interface shared by every backend."""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from gongkai.rules.query_syntax import ParsedQuery

SORTS = ("relevance", "date")


@dataclass(frozen=True)
class IndexedDocument:
    """A public document flattened for indexing."""

    id: int
    title: str
    text: str
    doc_no: str
    index_number: str
    organization_id: int
    organization_ids: list[int]  # the organization and its ancestors, for subtree filters
    domain_ids: list[int]
    catalog_item_ids: list[int]
    theme_id: int | None
    genre: str
    validity: str
    published_at: datetime | None
    organization_name: str = ""

    @property
    def year(self) -> int:
        return self.published_at.year if self.published_at else 0


@dataclass(frozen=True)
class SearchFilters:
    organization_id: int | None = None  # the organization and everything below it
    domain_id: int | None = None
    catalog_item_id: int | None = None
    theme_id: int | None = None
    genre: str = ""
    year: int | None = None
    validity: str = ""
    # Publication time window, half-open [published_after, published_before), aware datetimes.
    published_after: datetime | None = None
    published_before: datetime | None = None


@dataclass
class Hit:
    id: int
    score: float
    title: str = ""
    snippet: str = ""


@dataclass
class SearchResults:
    total: int
    hits: list[Hit]
    facets: dict[str, dict[int, int]] = field(default_factory=dict)
    suggestions: list[str] = field(default_factory=list)
    backend: str = ""
    approximate: bool = False  # the total was estimated from a sample (very common words)


@dataclass(frozen=True)
class Expanded:
    """A parsed query whose words were replaced by groups of alternatives (a word plus its synonyms)."""

    query: ParsedQuery
    groups: list[list[str]]
    phrases: list[str]
    excluded: list[str]


class SearchBackend(Protocol):
    name: str

    def index_documents(self, docs: list[IndexedDocument]) -> int: ...

    def remove(self, ids: list[int]) -> None: ...

    def search(
        self, query: Expanded, filters: SearchFilters, sort: str, page: int, per_page: int
    ) -> SearchResults: ...

    def clear(self) -> None: ...

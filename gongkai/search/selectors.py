"""What the search pages show: filters read from the query string, hits with links, facets with names."""

from dataclasses import dataclass

from django.urls import reverse

from gongkai.catalog.models import Domain
from gongkai.documents.choices import Genre, Validity
from gongkai.documents.models import Document
from gongkai.orgs.models import Organization
from gongkai.search.types import SORTS, SearchFilters, SearchResults

SORT_LABELS = {"relevance": "按相关度", "date": "按发布日期"}
FACET_SIZE = 10


@dataclass(frozen=True)
class FacetRow:
    param: str
    value: int
    label: str
    count: int


@dataclass(frozen=True)
class ResultRow:
    id: int
    url: str
    title: str
    snippet: str
    organization: str
    published_on: str
    doc_no: str


def _int(value: str | None) -> int | None:
    try:
        number = int(value or "")
    except ValueError:
        return None
    return number if 0 < number < 2**31 else None


def filters_from(params) -> SearchFilters:
    """Unknown or malformed values are ignored, never an error."""
    genre = params.get("genre", "")
    validity = params.get("validity", "")
    return SearchFilters(
        organization_id=_int(params.get("org")),
        domain_id=_int(params.get("domain")),
        catalog_item_id=_int(params.get("item")),
        theme_id=_int(params.get("theme")),
        genre=genre if genre in Genre.values else "",
        year=_int(params.get("year")),
        validity=validity if validity in Validity.values else "",
    )


def sort_from(params) -> str:
    sort = params.get("sort", "relevance")
    return sort if sort in SORTS else "relevance"


def page_from(params) -> int:
    return _int(params.get("page")) or 1


def rows(results: SearchResults) -> list[ResultRow]:
    documents = Document.objects.select_related("organization").in_bulk(
        [h.id for h in results.hits]
    )
    out = []
    for hit in results.hits:
        document = documents.get(hit.id)
        if document is None:
            continue
        out.append(
            ResultRow(
                id=hit.id,
                url=reverse("documents_public:detail", args=[document.public_key]),
                title=hit.title,
                snippet=hit.snippet,
                organization=document.organization.name,
                published_on=f"{document.published_at:%Y-%m-%d}" if document.published_at else "",
                doc_no=document.doc_no,
            )
        )
    return out


def facet_rows(results: SearchResults) -> dict[str, list[FacetRow]]:
    names = {
        "domain": dict(
            Domain.objects.filter(pk__in=results.facets.get("domain", {})).values_list("pk", "name")
        ),
        "organization": dict(
            Organization.objects.filter(pk__in=results.facets.get("organization", {})).values_list(
                "pk", "name"
            )
        ),
    }
    params = {"domain": "domain", "organization": "org", "year": "year"}
    out = {}
    for facet, counts in results.facets.items():
        ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:FACET_SIZE]
        if facet == "year":
            ordered = sorted(counts.items(), reverse=True)[:FACET_SIZE]
        out[facet] = [
            FacetRow(
                param=params[facet],
                value=key,
                label=f"{key}年" if facet == "year" else names[facet].get(key, str(key)),
                count=count,
            )
            for key, count in ordered
        ]
    return out

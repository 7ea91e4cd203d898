"""What the search pages show: filters read from the query string, hits with links, facets with names."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Max, Min, Q, QuerySet
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone

from gongkai.catalog.models import CatalogItem, Domain
from gongkai.documents.choices import Genre, Validity
from gongkai.documents.models import Document, Theme
from gongkai.orgs.models import Organization, OrganizationKind, RegionLevel
from gongkai.search.models import SearchEntry, Synonym
from gongkai.search.types import SORTS, SearchFilters, SearchResults

SORT_LABELS = {"relevance": "按相关度", "date": "按发布日期"}
FACET_SIZE = 10
MAX_YEARS = 20
# Query-string names of the filters, as the form and the facet links spell them.
FILTER_PARAMS = ("org", "domain", "item", "theme", "genre", "year", "validity", "from", "to")


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    selected: bool


@dataclass(frozen=True)
class ChoiceGroup:
    label: str
    choices: list[Choice]


@dataclass(frozen=True)
class AppliedFilter:
    param: str
    label: str
    value: str
    remove_query: str  # the current query string without this filter


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


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat((value or "").strip()[:10])
    except ValueError:
        return None


def date_range_from(params) -> tuple[date | None, date | None]:
    """The publication dates asked for (both inclusive), in order; malformed ones are ignored."""
    first, last = _date(params.get("from")), _date(params.get("to"))
    if first and last and first > last:
        first, last = last, first
    return first, last


def _midnight(day: date | None) -> datetime | None:
    return timezone.make_aware(datetime.combine(day, time.min)) if day else None


def filters_from(params) -> SearchFilters:
    """Unknown or malformed values are ignored, never an error."""
    genre = params.get("genre", "")
    validity = params.get("validity", "")
    first, last = date_range_from(params)
    return SearchFilters(
        published_after=_midnight(first),
        published_before=_midnight(last + timedelta(days=1)) if last else None,
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


def place_choices(selected_id: int | None) -> list[ChoiceGroup]:
    """Each county (its whole area) and its townships; a chosen body outside that list is kept."""
    places = Organization.objects.select_related("region").filter(
        kind__in=[OrganizationKind.GOVERNMENT, OrganizationKind.TOWNSHIP],
        region__level__in=[RegionLevel.COUNTY, RegionLevel.TOWNSHIP],
    )
    counties = [o for o in places if o.region.level == RegionLevel.COUNTY]
    groups = []
    for county in sorted(counties, key=lambda o: o.path):
        townships = sorted(
            (o for o in places if o.path.startswith(county.path) and o.pk != county.pk),
            key=lambda o: (o.position, o.path),
        )
        choices = [
            Choice(str(county.pk), f"{county.region.name}（全县）", county.pk == selected_id)
        ]
        choices += [Choice(str(o.pk), o.region.name, o.pk == selected_id) for o in townships]
        groups.append(ChoiceGroup(county.region.name, choices))
    if selected_id and not any(c.selected for g in groups for c in g.choices):
        other = Organization.objects.filter(pk=selected_id).first()
        if other is not None:
            groups.append(ChoiceGroup("其他机构", [Choice(str(other.pk), other.name, True)]))
    return groups


def year_choices(selected: int | None) -> list[Choice]:
    """The years in which searchable documents were published, newest first."""
    span = SearchEntry.objects.aggregate(first=Min("published_at"), last=Max("published_at"))
    years: list[int] = []
    if span["first"] and span["last"]:
        last = timezone.localtime(span["last"]).year
        first = max(timezone.localtime(span["first"]).year, last - MAX_YEARS + 1)
        years = list(range(last, first - 1, -1))
    if selected and selected not in years:
        years = sorted([*years, selected], reverse=True)
    return [Choice(str(year), f"{year}年", year == selected) for year in years]


def _filter_label(param: str, filters: SearchFilters, value=None) -> tuple[str, str]:
    """The name of a filter and of its chosen value, as a citizen reads them."""
    if param in ("from", "to"):
        return ("发布日期自" if param == "from" else "发布日期至"), f"{value:%Y年%m月%d日}"
    if param == "org":
        org = Organization.objects.select_related("region").filter(pk=filters.organization_id)
        place = org.first()
        is_place = place and place.kind != OrganizationKind.DEPARTMENT
        name = place.region.name if is_place else (place.name if place else "")
        return ("地区" if is_place else "发布机构"), name
    if param == "domain":
        domain = Domain.objects.filter(pk=filters.domain_id).first()
        return "领域", domain.name if domain else ""
    if param == "item":
        item = CatalogItem.objects.filter(pk=filters.catalog_item_id).first()
        return "公开事项", item.name if item else ""
    if param == "theme":
        theme = Theme.objects.filter(pk=filters.theme_id).first()
        return "主题分类", theme.name if theme else ""
    if param == "genre":
        return "体裁", Genre(filters.genre).label
    if param == "validity":
        return "有效性", Validity(filters.validity).label
    return "年份", f"{filters.year}年"


def applied_filters(filters: SearchFilters, params: QueryDict) -> list[AppliedFilter]:
    """The filters in force, each with the link that drops it."""
    values = {
        "org": filters.organization_id,
        "domain": filters.domain_id,
        "item": filters.catalog_item_id,
        "theme": filters.theme_id,
        "genre": filters.genre,
        "year": filters.year,
        "validity": filters.validity,
    }
    values["from"], values["to"] = date_range_from(params)
    out = []
    for param in FILTER_PARAMS:
        if not values[param]:
            continue
        label, value = _filter_label(param, filters, values[param])
        rest = params.copy()
        rest.pop(param, None)
        rest.pop("page", None)
        out.append(AppliedFilter(param, label, value or str(values[param]), rest.urlencode()))
    return out


SYNONYM_STATES = {"": "全部", "active": "启用中", "inactive": "已停用"}


def synonyms(*, text: str = "", state: str = "") -> QuerySet[Synonym]:
    """The synonym table for its maintenance page: pairs containing `text`, in one state or all."""
    rows = Synonym.objects.order_by("term", "equivalent")
    if text:
        rows = rows.filter(Q(term__icontains=text) | Q(equivalent__icontains=text))
    if state == "active":
        rows = rows.filter(active=True)
    elif state == "inactive":
        rows = rows.filter(active=False)
    return rows

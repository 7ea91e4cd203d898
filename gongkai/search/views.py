"""The portal search page, its HTMX partial and the JSON endpoint."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from gongkai.search import selectors
from gongkai.search.service import MAX_PAGE, search

PER_PAGE = 20


def _results(request: HttpRequest):
    params = request.GET
    query = params.get("q", "")[:2000]
    filters = selectors.filters_from(params)
    sort = selectors.sort_from(params)
    page = selectors.page_from(params)
    results = search(query, filters, sort=sort, page=page, per_page=PER_PAGE)
    return query, filters, sort, page, results


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    query, filters, sort, page, results = _results(request)
    total_pages = min(MAX_PAGE, max(1, -(-results.total // PER_PAGE)))
    paginator = Paginator(range(min(results.total, MAX_PAGE * PER_PAGE)), PER_PAGE)
    params = request.GET.copy()
    params.pop("page", None)
    context = {
        "query": query,
        "searched": bool(query.strip()),
        "results": results,
        "rows": selectors.rows(results),
        "facets": selectors.facet_rows(results),
        "filters": filters,
        "sort": sort,
        "sort_labels": selectors.SORT_LABELS,
        "page": page,
        "total_pages": total_pages,
        "page_obj": paginator.get_page(page) if results.total else None,
        "base_query": params.urlencode(),
        "applied": selectors.applied_filters(filters, request.GET),
    }
    if request.headers.get("HX-Request"):
        template = "search/_results.html"
    else:
        template = "search/index.html"
        context["places"] = selectors.place_choices(filters.organization_id)
        context["years"] = selectors.year_choices(filters.year)
        context["date_from"], context["date_to"] = selectors.date_range_from(request.GET)
    response = render(request, template, context)
    response["Vary"] = "HX-Request"
    return response


@require_GET
def api(request: HttpRequest) -> JsonResponse:
    query, _filters, sort, page, results = _results(request)
    rows = selectors.rows(results)
    return JsonResponse(
        {
            "query": query,
            "total": results.total,
            "total_is_estimate": results.approximate,
            "page": page,
            "per_page": PER_PAGE,
            "sort": sort,
            "hits": [
                {
                    "id": row.id,
                    "url": row.url,
                    "title_html": str(row.title),
                    "snippet_html": str(row.snippet),
                    "organization": row.organization,
                    "published_on": row.published_on,
                    "doc_no": row.doc_no,
                }
                for row in rows
            ],
            "facets": {
                name: {str(k): v for k, v in counts.items()}
                for name, counts in results.facets.items()
            },
            "suggestions": results.suggestions,
        },
        json_dumps_params={"ensure_ascii": False},
    )

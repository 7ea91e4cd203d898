"""Public pages of 政府信息 (no login): only PUBLISHED documents with disclosure 主动公开."""

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_cookie

from gongkai.catalog.models import CatalogItem, Domain
from gongkai.documents.choices import Genre
from gongkai.documents.models import Theme
from gongkai.documents.selectors import public as selectors
from gongkai.documents.selectors.public import Crumb
from gongkai.documents.services.numbering import pattern_for
from gongkai.documents.views.files import file_response
from gongkai.orgs.models import Organization
from gongkai.portal.page_cache import cached_public_page
from gongkai.portal.qr import absolute_url, qr_svg
from gongkai.rules.index_number import example

PAGE_SIZE = 20


def _public_document(key: str):
    document = selectors.find_public(key)
    if document is None or not document.is_public:
        return None, selectors.is_gone(document)
    return document, False


@require_safe
@vary_on_cookie
@cached_public_page
def detail(request, key: str):
    document, gone = _public_document(key)
    if document is None:
        if gone:
            return render(request, "documents/public/gone.html", status=410)
        raise Http404("没有这条政府信息，或它不属于主动公开的范围。")
    if key != document.public_key:
        return redirect(document.get_absolute_url(), permanent=True)
    page = selectors.document_page(document)
    printable = request.GET.get("print") == "1"
    context = {
        "page": page,
        "printable": printable,
        "page_url": absolute_url(request.path),
        "print_url": f"{request.path}?print=1",
        "qr_url": reverse("documents_public:qr", args=[document.pk]),
    }
    template = "documents/public/detail_print.html" if printable else "documents/public/detail.html"
    return render(request, template, context)


@require_safe
@cache_control(max_age=3600)
def qr(request, pk: int):
    document, _ = _public_document(str(pk))
    if document is None or document.pk != pk:
        raise Http404("没有这条政府信息。")
    return HttpResponse(
        qr_svg(absolute_url(document.get_absolute_url())), content_type="image/svg+xml"
    )


@require_safe
def attachment(request, pk: int, attachment_id: int):
    """The published copy of an attachment (the masked one, once masked); never the original."""
    document, _ = _public_document(str(pk))
    if document is None or document.pk != pk:
        raise Http404("没有这个附件。")
    found = selectors.public_attachment(document, attachment_id)
    if found is None:
        raise Http404("没有这个附件。")
    return file_response(found)


def _filters(request) -> dict:
    genre = request.GET.get("genre", "")
    theme = request.GET.get("theme", "")
    return {
        "genre": genre if genre in Genre.values else "",
        "theme": theme if theme.isdigit() else "",
    }


def _listing(request, *, documents, heading: str, crumbs, feeds=None, extra=None):
    filters = _filters(request)
    if filters["genre"]:
        documents = documents.filter(genre=filters["genre"])
    if filters["theme"]:
        documents = documents.filter(theme_id=int(filters["theme"]))
    page = Paginator(documents, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "heading": heading,
        "crumbs": crumbs,
        "page": page,
        "rows": selectors.directory_rows(page.object_list),
        "filters": filters,
        "query": f"genre={filters['genre']}&theme={filters['theme']}",
        "genres": Genre.choices,
        "themes": Theme.objects.filter(active=True),
        "feeds": feeds,
        **(extra or {}),
    }
    return render(request, "documents/public/list.html", context)


def _org(code: str) -> Organization:
    return get_object_or_404(Organization.objects.select_related("region"), code=code)


def _org_feeds(org: Organization) -> dict:
    return {
        "rss": reverse("documents_public:organization_rss", args=[org.code]),
        "atom": reverse("documents_public:organization_atom", args=[org.code]),
    }


@require_safe
@vary_on_cookie
def index(request):
    return _listing(
        request,
        documents=selectors.documents_of(),
        heading="最新政府信息",
        crumbs=[Crumb("首页", reverse("portal:home"))],
        extra={"domains": selectors.domains_with_documents()},
    )


@require_safe
@vary_on_cookie
def organization(request, code: str):
    org = _org(code)
    return _listing(
        request,
        documents=selectors.documents_of(organization=org),
        heading=f"{org.name} · 政府信息",
        crumbs=selectors.organization_crumbs(org),
        feeds=_org_feeds(org),
        extra={
            "org": org,
            "domains": selectors.domains_with_documents(org),
            "items": selectors.items_with_documents(org),
        },
    )


@require_safe
@vary_on_cookie
def organization_domain(request, code: str, domain_code: str):
    org = _org(code)
    domain = get_object_or_404(Domain, code=domain_code)
    return _listing(
        request,
        documents=selectors.documents_of(organization=org, domain=domain),
        heading=f"{org.name} · {domain.name}领域政府信息",
        crumbs=[*selectors.organization_crumbs(org), _docs_crumb(org)],
        feeds=_org_feeds(org),
        extra={"org": org},
    )


def _docs_crumb(org: Organization) -> Crumb:
    return Crumb("政府信息", reverse("documents_public:organization", args=[org.code]))


@require_safe
@vary_on_cookie
def item(request, code: str, item_id: int):
    org = _org(code)
    catalog_item = get_object_or_404(
        CatalogItem.objects.select_related("catalog__domain"), pk=item_id, catalog__organization=org
    )
    return _listing(
        request,
        documents=selectors.documents_of(organization=org, item_id=catalog_item.pk),
        heading=f"{catalog_item.level1} · {catalog_item.name}",
        crumbs=[*selectors.organization_crumbs(org), _docs_crumb(org)],
        feeds=_org_feeds(org),
        extra={"org": org, "catalog_item": catalog_item},
    )


@require_safe
@vary_on_cookie
def domain(request, domain_code: str):
    found = get_object_or_404(Domain, code=domain_code)
    return _listing(
        request,
        documents=selectors.documents_of(domain=found),
        heading=f"{found.name}领域政府信息",
        crumbs=[Crumb("首页", reverse("portal:home"))],
        feeds={
            "rss": reverse("documents_public:domain_rss", args=[found.code]),
            "atom": reverse("documents_public:domain_atom", args=[found.code]),
        },
        extra={"domain": found},
    )


def _request_url(org: Organization) -> str | None:
    try:
        return reverse("info_requests_public:apply", args=[org.code])
    except NoReverseMatch:
        return None


@require_safe
@vary_on_cookie
def guide(request, code: str):
    """政府信息公开指南 (条例第十二条): categories, how to obtain information, who to contact."""
    org = _org(code)
    pattern = pattern_for(org)
    context = {
        "org": org,
        "crumbs": [*selectors.organization_crumbs(org), _docs_crumb(org)],
        "domains": selectors.domains_with_documents(org),
        "themes": Theme.objects.filter(active=True),
        "genres": Genre.choices,
        "index_example": example(pattern, org_code=org.code, year=timezone.localdate().year),
        "request_url": _request_url(org),
        "page_url": absolute_url(request.path),
    }
    return render(request, "documents/public/guide.html", context)


@require_safe
@vary_on_cookie
def directory(request, code: str):
    """政府信息公开目录 (条例第十二条): 索引、名称、内容概述、生成日期."""
    org = _org(code)
    documents = selectors.documents_of(organization=org)
    page = Paginator(documents, 50).get_page(request.GET.get("page"))
    context = {
        "org": org,
        "crumbs": [*selectors.organization_crumbs(org), _docs_crumb(org)],
        "page": page,
        "rows": selectors.directory_rows(page.object_list),
    }
    return render(request, "documents/public/directory.html", context)

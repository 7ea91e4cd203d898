"""Public pages (基层政务公开专区): read-only, no login, published catalog versions only."""

from django.conf import settings
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseRedirect,
)
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_cookie

from gongkai.documents.selectors.public import published_for_item
from gongkai.portal import selectors
from gongkai.portal.page_cache import cached_public_page
from gongkai.portal.qr import absolute_url, is_qr_path, qr_svg

CARE_COOKIE = "care"
CARE_COOKIE_MAX_AGE = 365 * 24 * 3600


def _render_page(request: HttpRequest, name: str, context: dict) -> HttpResponse:
    """Render a page that carries a QR code of its own absolute URL, or its printable view."""
    printable = request.GET.get("print") == "1"
    context |= {
        "printable": printable,
        "page_url": absolute_url(request.path),
        "print_url": f"{request.path}?print=1",
    }
    template = f"portal/{name}_print.html" if printable else f"portal/{name}.html"
    return render(request, template, context)


@require_safe
@vary_on_cookie
@cached_public_page
def home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "portal/home.html",
        {"regions": selectors.region_tree(), "domains": selectors.all_domains()},
    )


@require_safe
@vary_on_cookie
@cached_public_page
def organization(request: HttpRequest, code: str) -> HttpResponse:
    page = selectors.organization_page(code)
    if page is None:
        raise Http404("没有这个机关单位。")
    return _render_page(request, "organization", {"page": page})


@require_safe
@vary_on_cookie
@cached_public_page
def catalog(request: HttpRequest, code: str, domain_code: str) -> HttpResponse:
    page = selectors.catalog_page(code, domain_code)
    if page is None:
        raise Http404("该机关单位尚未发布这个领域的标准目录。")
    return _render_page(request, "catalog", {"page": page})


@require_safe
@vary_on_cookie
def catalog_version(request: HttpRequest, code: str, domain_code: str, number: int) -> HttpResponse:
    page = selectors.catalog_page(code, domain_code, number=number)
    if page is None:
        raise Http404("没有这个版本的标准目录。")
    if page.is_latest:
        return HttpResponseRedirect(reverse("portal:catalog", args=[code, domain_code]))
    return _render_page(request, "catalog", {"page": page})


@require_safe
@vary_on_cookie
@cached_public_page
def item(request: HttpRequest, code: str, domain_code: str, item_id: int) -> HttpResponse:
    page = selectors.item_page(code, domain_code, item_id)
    if page is None:
        raise Http404("现行目录中没有这个事项。")
    documents = published_for_item(item_id, limit=10)
    return _render_page(request, "item", {"page": page, "documents": documents})


@require_safe
def qr(request: HttpRequest) -> HttpResponse:
    """The QR code (SVG) of one of this site's public pages, encoding its absolute URL."""
    path = request.GET.get("path", "")
    if not is_qr_path(path):
        return HttpResponseBadRequest(
            "只能为本站公开页面生成二维码。", content_type="text/plain; charset=utf-8"
        )
    return HttpResponse(qr_svg(absolute_url(path)), content_type="image/svg+xml")


@require_safe
def care(request: HttpRequest) -> HttpResponse:
    """Switch the large-font, high-contrast 关怀版 on (`on=1`) or off, then go back."""
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = reverse("portal:home")
    response = HttpResponseRedirect(target)
    if request.GET.get("on") == "1":
        response.set_cookie(
            CARE_COOKIE,
            "1",
            max_age=CARE_COOKIE_MAX_AGE,
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite="Lax",
        )
    else:
        response.delete_cookie(CARE_COOKIE, samesite="Lax")
    return response

"""Rendered public pages, kept in the shared "pages" cache until the public content changes.

Every key carries a generation token that the services replace whenever something a public page
shows changes (publish, withdraw, correct, validity, catalog). The token lives in the same
shared cache, so every app process sees the change at its next request; old entries are never
read again and age out. Only anonymous, cookie-free GETs (the 关怀版 cookie aside) are served
from or stored in the cache, so staff never get a public copy and never leave theirs behind.
"""

import hashlib
import uuid
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

GENERATION_KEY = "public-pages:generation"
# Cookies that do not make a page personal: 关怀版 is part of the key, the CSRF cookie is not
# read by these pages (a response that used it is never stored).
HARMLESS_COOKIES = frozenset({"care", settings.CSRF_COOKIE_NAME})
CACHEABLE_QUERIES = frozenset({"", "print=1"})


def _cache():
    return caches["pages"]


def _new_generation() -> str:
    token = uuid.uuid4().hex
    _cache().set(GENERATION_KEY, token, timeout=None)
    return token


def _generation() -> str:
    return _cache().get(GENERATION_KEY) or _new_generation()


def forget_public_pages() -> None:
    """Every cached public page is stale from now on (outside any transaction)."""
    _new_generation()


def public_pages_changed() -> None:
    """Every cached public page is stale once the current transaction commits.

    The token is replaced at once and again after commit: a page rendered between the two from
    the old rows is stored under the first token, which nobody reads after the commit.
    """
    _new_generation()
    transaction.on_commit(_new_generation)


def _cacheable_request(request: HttpRequest) -> bool:
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method == "GET"
        and request.META.get("QUERY_STRING", "") in CACHEABLE_QUERIES
        and set(request.COOKIES) <= HARMLESS_COOKIES
    )


def _cacheable_response(request: HttpRequest, response: HttpResponse) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
    )


def _key(request: HttpRequest, generation: str) -> str:
    variant = "|".join(
        (
            request.get_full_path(),
            "care" if request.COOKIES.get("care") == "1" else "",
            request.headers.get("HX-Request", ""),
            request.headers.get("HX-Target", ""),
            # Pages show dates and validity against today; tomorrow's copy is rendered anew.
            timezone.localdate().isoformat(),
        )
    )
    digest = hashlib.sha256(variant.encode()).hexdigest()
    return f"public-page:{generation}:{digest}"


def cached_public_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Serve a public page from the shared cache when it is the same for every visitor."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not _cacheable_request(request):
            return view(request, *args, **kwargs)
        key = _key(request, _generation())
        stored = _cache().get(key)
        if stored is not None:
            content, content_type = stored
            return HttpResponse(content, content_type=content_type)
        response = view(request, *args, **kwargs)
        if _cacheable_response(request, response):
            _cache().set(key, (response.content, response["Content-Type"]))
        return response

    return wrapper

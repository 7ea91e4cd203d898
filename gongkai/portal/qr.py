"""QR codes for service halls and village notice boards: each public page encodes its absolute URL."""

import io
import re

import segno
from django.conf import settings
from django.urls import Resolver404, resolve

# Only these public pages get a QR code; anything else the endpoint refuses.
QR_PAGES = frozenset({"home", "organization", "catalog", "catalog_version", "item"})
_SAFE_PATH = re.compile(r"/(?:[A-Za-z0-9_-]+/)*")


def absolute_url(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def is_qr_path(path: str) -> bool:
    """Is `path` one of this site's own public pages (no host, no query, no tricks)?"""
    if len(path) > 300 or not _SAFE_PATH.fullmatch(path):
        return False
    try:
        match = resolve(path)
    except Resolver404:
        return False
    return match.namespace == "portal" and match.url_name in QR_PAGES


def qr_svg(url: str) -> bytes:
    """A standalone, scalable SVG of the QR code of `url` (no fixed size: the page sets it)."""
    out = io.BytesIO()
    segno.make(url, error="m").save(
        out, kind="svg", xmldecl=False, omitsize=True, border=4, title=url, nl=False
    )
    return out.getvalue()

"""Helpers every document service uses: lock the row, check the state, snapshot for the audit."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from gongkai.documents.choices import Status
from gongkai.documents.models import Document, Theme


def lock(document: Document) -> Document:
    """The document re-read under a row lock, so two people cannot move it at once."""
    return (
        Document.objects.select_for_update(of=("self",))
        .select_related("organization")
        .get(pk=document.pk)
    )


def require_status(document: Document, allowed: set[str] | frozenset[str], doing: str) -> None:
    if document.status not in allowed:
        wanted = "、".join(Status(s).label for s in Status.values if s in allowed)
        raise ValidationError(
            f"当前状态为“{document.get_status_display()}”，不能{doing}（只有“{wanted}”状态可以）。"
        )


def require_reason(reason: str, doing: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(f"{doing}必须填写原因。")
    return reason


def snapshot(document: Document) -> dict:
    """The state fields an audit row records before and after a transition."""
    return {
        "status": document.status,
        "index_number": document.index_number,
        "published_at": document.published_at.isoformat() if document.published_at else None,
        "scheduled_for": document.scheduled_for.isoformat() if document.scheduled_for else None,
    }


def audit_value(value):
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Theme):
        return value.name
    if isinstance(value, str) and len(value) > 200:
        return f"（{len(value)} 字）"
    return value


def public_copy_changed(document: Document) -> None:
    """The search index (after commit) and the cached public pages follow what the public
    now sees of the document."""
    from gongkai.portal.page_cache import public_pages_changed
    from gongkai.search.tasks import reindex_document_task

    public_pages_changed()
    document_id = document.pk
    transaction.on_commit(lambda: reindex_document_task.enqueue(document_id))

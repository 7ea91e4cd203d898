"""The index follows a policy's 有效性 when the service changes it (失效, 废止, valid again)."""

from datetime import date

from gongkai.documents import services
from gongkai.documents.models import Document
from gongkai.search.service import search
from gongkai.search.types import SearchFilters


def test_repealing_a_policy_moves_it_between_validity_filters(
    world, backend_name, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    document = (
        Document.objects.public()
        .filter(organization=world.township, validity="valid")
        .order_by("pk")
        .first()
    )

    def found(validity: str) -> bool:
        hits = search(document.title, SearchFilters(validity=validity), per_page=50).hits
        return document.pk in {h.id for h in hits}

    assert found("valid") and not found("repealed")
    with django_capture_on_commit_callbacks(execute=True):
        services.set_validity(
            document=document, by=world.reviewer, validity="repealed", on=date(2026, 1, 1)
        )
    assert found("repealed") and not found("valid")
    with django_capture_on_commit_callbacks(execute=True):
        services.set_validity(document=document, by=world.reviewer, validity="valid", on=None)
    assert found("valid") and not found("repealed")

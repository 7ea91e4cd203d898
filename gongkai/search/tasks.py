"""Background work of the search area (django-tasks)."""

from django_tasks import task


@task()
def reindex_document_task(document_id: int) -> bool:
    """Index a document after publication, drop it after withdrawal."""
    from gongkai.search.indexing import reindex_document

    return reindex_document(document_id)


@task()
def rebuild_search_index_task() -> int:
    """Rebuild the whole index (after a missing or corrupt index was found)."""
    from gongkai.search.indexing import rebuild_index

    return rebuild_index()

"""Background work of the documents area (django-tasks): text extraction and scheduled publication."""

from django_tasks import task


@task()
def extract_attachment_text(attachment_id: int) -> str:
    """Read an uploaded attachment's text and refresh its document's personal-information findings."""
    from gongkai.documents.services import privacy

    return privacy.extract_attachment_text(attachment_id=attachment_id)


@task()
def publish_due_documents_task() -> int:
    """Publish the scheduled documents whose time has come; returns how many went live."""
    from gongkai.documents.services import workflow

    return len(workflow.publish_due_documents())

"""Background work of this area (django-tasks)."""

from django_tasks import task


@task()
def send_request_reminders_task() -> int:
    """The daily reminders of the `send_request_reminders` command; returns how many notices."""
    from gongkai.info_requests.services import send_reminders

    return send_reminders().notices

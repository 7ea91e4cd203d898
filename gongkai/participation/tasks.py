"""Background tasks of this area (django-tasks); each calls one service."""

from django_tasks import task

from gongkai.participation.services.opinion import escalate_overdue_transfer_orders


@task()
def escalate_overdue_transfer_orders_task() -> int:
    """The same work as the `escalate_overdue_transfer_orders` command, for the task queue."""
    return len(escalate_overdue_transfer_orders())

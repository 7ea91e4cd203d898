"""Background work of supervision (django-tasks): dashboard snapshots, reminders and digests."""

from datetime import date

from django_tasks import task


@task()
def refresh_supervision_snapshot() -> int:
    """Recompute the dashboard figures of every body; returns the snapshot id."""
    from gongkai.supervision.services.snapshots import refresh_snapshot

    return refresh_snapshot().pk


@task()
def send_daily_digest(day: str = "") -> dict:
    """Task reminders, then each staff account's digest of what is due or overdue."""
    from django.utils import timezone

    from gongkai.supervision.services import notifications

    today = date.fromisoformat(day) if day else timezone.localdate()
    return {
        "reminders": notifications.send_task_reminders(today=today),
        "digests": notifications.send_daily_digests(today=today),
    }

"""The jobs that run on a clock, and which of them are due now.

Every job is idempotent (a reminder or digest is sent once per day and deadline, publication and
escalation look at the current state), so running one again after a restart does no harm.
"""

import logging
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.utils.module_loading import import_string

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PeriodicJob:
    name: str
    task: str  # dotted path of a django-tasks task taking no arguments
    every: timedelta | None = None
    daily_at: time | None = None

    def is_due(self, now: datetime, last_run: datetime | None) -> bool:
        if self.every is not None:
            return last_run is None or now - last_run >= self.every
        if now.time() < self.daily_at:
            return False
        return last_run is None or last_run.date() < now.date()


JOBS = (
    PeriodicJob(
        "publish_due_documents",
        "gongkai.documents.tasks.publish_due_documents_task",
        every=timedelta(minutes=5),
    ),
    PeriodicJob(
        "escalate_overdue_transfer_orders",
        "gongkai.participation.tasks.escalate_overdue_transfer_orders_task",
        every=timedelta(minutes=15),
    ),
    PeriodicJob(
        "refresh_supervision",
        "gongkai.supervision.jobs.refresh_supervision_snapshot",
        every=timedelta(hours=1),
    ),
    PeriodicJob(
        "send_request_reminders",
        "gongkai.info_requests.tasks.send_request_reminders_task",
        daily_at=time(8, 0),
    ),
    PeriodicJob(
        "send_daily_digest", "gongkai.supervision.jobs.send_daily_digest", daily_at=time(8, 0)
    ),
)


def enqueue_due(now: datetime, last_runs: dict[str, datetime], jobs=JOBS) -> list[str]:
    """Hand every due job to the task queue and note when; returns the names enqueued."""
    enqueued = []
    for job in jobs:
        if not job.is_due(now, last_runs.get(job.name)):
            continue
        try:
            import_string(job.task).enqueue()
        except Exception:
            log.exception("periodic job %s could not be enqueued", job.name)
            continue
        last_runs[job.name] = now
        enqueued.append(job.name)
    return enqueued

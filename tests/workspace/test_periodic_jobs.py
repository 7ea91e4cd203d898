"""The clock that hands periodic jobs to the task queue."""

from datetime import datetime, time, timedelta
from io import StringIO

import pytest
from django.core.management import call_command

from gongkai.workspace.periodic import JOBS, PeriodicJob, enqueue_due

NOON = datetime(2026, 11, 23, 12, 0)
EVERY_5 = PeriodicJob("often", "x", every=timedelta(minutes=5))
DAILY_8 = PeriodicJob("daily", "x", daily_at=time(8, 0))


def test_interval_job_runs_first_then_after_its_interval():
    assert EVERY_5.is_due(NOON, None)
    assert not EVERY_5.is_due(NOON, NOON - timedelta(minutes=4, seconds=59))
    assert EVERY_5.is_due(NOON, NOON - timedelta(minutes=5))


def test_daily_job_runs_once_a_day_after_its_hour():
    assert not DAILY_8.is_due(datetime(2026, 11, 23, 7, 59), None)
    assert DAILY_8.is_due(datetime(2026, 11, 23, 8, 0), None)
    assert not DAILY_8.is_due(NOON, datetime(2026, 11, 23, 8, 1))
    assert DAILY_8.is_due(datetime(2026, 11, 24, 8, 30), datetime(2026, 11, 23, 8, 1))


def test_every_job_names_a_real_task():
    from django.utils.module_loading import import_string

    for job in JOBS:
        assert hasattr(import_string(job.task), "enqueue"), job.name


@pytest.mark.django_db
def test_due_jobs_go_to_the_database_queue_once():
    from django_tasks_db.models import DBTaskResult

    before = DBTaskResult.objects.count()
    last_runs = {}
    names = enqueue_due(NOON, last_runs)
    assert names == [job.name for job in JOBS]
    assert DBTaskResult.objects.count() == before + len(JOBS)
    assert enqueue_due(NOON + timedelta(minutes=1), last_runs) == []
    assert enqueue_due(NOON + timedelta(minutes=5), last_runs) == ["publish_due_documents"]


@pytest.mark.django_db
def test_a_job_that_cannot_be_enqueued_is_logged_and_the_others_go_on(caplog):
    broken = PeriodicJob("broken", "gongkai.no_such_module.task", every=timedelta(minutes=1))
    last_runs = {}
    assert enqueue_due(NOON, last_runs, jobs=(broken, JOBS[0])) == [JOBS[0].name]
    assert "broken" not in last_runs
    assert "periodic job broken could not be enqueued" in caplog.text


@pytest.mark.django_db
def test_command_once_enqueues_and_says_what():
    from django_tasks_db.models import DBTaskResult

    out = StringIO()
    call_command("run_periodic_jobs", "--once", stdout=out)
    assert "已加入队列：publish_due_documents" in out.getvalue()
    assert DBTaskResult.objects.filter(task_path__endswith="publish_due_documents_task").exists()

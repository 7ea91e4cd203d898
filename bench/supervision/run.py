"""Supervision at the scale of a province: build the data, refresh the snapshot, time the pages.

    .venv/bin/python -m bench.supervision.run [--documents 1000000] [--requests 50000] [--keep]

Uses a throw-away SQLite database in a temporary directory (kept with --keep, to rerun the
timings: --reuse DIR). Prints how long each step took and the render time of the dashboard
pages a province 公开办 opens. Target (issue 5): the dashboard renders in ≤ 1 s.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))
TARGET_SECONDS = 1.0


def _timed(label: str, function, *args, **kwargs):
    started = time.perf_counter()
    result = function(*args, **kwargs)
    seconds = time.perf_counter() - started
    print(f"{label:<44} {seconds:8.2f} s   {result if result is not None else ''}", flush=True)
    return result


def _page(client, url: str, *, runs: int = 5) -> tuple[float, float, int]:
    """(first, median of the next runs) seconds and the status of one page."""
    started = time.perf_counter()
    response = client.get(url)
    first = time.perf_counter() - started
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - started)
    return first, statistics.median(times), response.status_code


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=50_000)
    parser.add_argument("--keep", action="store_true", help="keep the database directory")
    parser.add_argument("--reuse", help="a directory kept by --keep: only refresh and time")
    args = parser.parse_args()
    data_dir = args.reuse or tempfile.mkdtemp(prefix="gongkai-bench-supervision-")
    os.environ["GONGKAI_DATA_DIR"] = data_dir
    os.environ["GONGKAI_ALLOWED_HOSTS"] = "localhost"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.utils import timezone

    from bench.supervision import build
    from gongkai.documents.models import Document
    from gongkai.orgs.models import Membership, Organization, Role
    from gongkai.supervision.services.snapshots import refresh_snapshot

    print(
        f"Python {platform.python_version()} · SQLite {connection.Database.sqlite_version} · {data_dir}"
    )
    today = timezone.localdate()
    if not args.reuse:
        _timed("migrate", call_command, "migrate", verbosity=0)
        organizations = _timed("bodies (bulk_create)", lambda: len(build.build_tree()))
        organizations = list(Organization.objects.select_related("region").order_by("path"))
        _timed("catalog items", build.build_catalogs, organizations)
        _timed("documents", build.build_documents, organizations, total=args.documents, today=today)
        _timed("interpretations of half the policies", build.build_interpretations)
        _timed(
            "disclosure requests",
            build.build_requests,
            organizations,
            total=args.requests,
            today=today,
        )
        _timed("ANALYZE", lambda: connection.cursor().execute("ANALYZE") and None)
    print(
        f"data: {Organization.objects.count()} bodies, {Document.objects.count()} documents, "
        f"database {sum(f.stat().st_size for f in Path(data_dir).glob('gongkai.sqlite3*')) / 2**20:.0f} MB"
    )
    snapshot = _timed("refresh_snapshot (background task)", refresh_snapshot)
    print(f"snapshot: {snapshot.figures.count()} rows as of {snapshot.as_of}")

    user, _ = get_user_model().objects.get_or_create(username="sheng_gkb")
    province = Organization.objects.get(code="P")
    Membership.objects.get_or_create(user=user, organization=province, role=Role.SUPERVISOR)
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    county = Organization.objects.get(code="C01K01")
    township = Organization.objects.get(code="C01K01T001")
    pages = [
        ("dashboard: province (2,000 bodies)", "/workspace/supervision/"),
        ("dashboard: a city", "/workspace/supervision/?region=980100"),
        ("dashboard: a county", f"/workspace/supervision/?region={county.region.code}"),
        (
            "organization: a township, live by domain",
            f"/workspace/supervision/org/{township.code}/",
        ),
        (
            "list: late publications of a township",
            f"/workspace/supervision/list/late/?org={township.code}",
        ),
    ]
    print(f"\n{'page':<44} {'first':>8} {'median':>8}  status")
    worst = 0.0
    for label, url in pages:
        first, median, status = _page(client, url)
        print(f"{label:<44} {first:8.3f} {median:8.3f}  {status}")
        if label.startswith("dashboard"):
            worst = max(worst, median)
    verdict = "meets" if worst <= TARGET_SECONDS else "MISSES"
    print(
        f"\nslowest dashboard median {worst:.3f} s: {verdict} the ≤ {TARGET_SECONDS:.0f} s target"
    )
    if not (args.keep or args.reuse):
        shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    main()

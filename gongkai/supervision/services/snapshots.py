"""Refresh the precomputed dashboard figures of every body (run as a background task)."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone

from gongkai.orgs.models import Organization
from gongkai.supervision.models import OrganizationFigures, Snapshot
from gongkai.supervision.selectors.figures import compute_figures

KEEP_SNAPSHOTS = 3
BATCH = 5_000


def refresh_snapshot(*, today: date | None = None) -> Snapshot:
    """Compute the figures of all bodies and publish them as the newest snapshot, at once.

    Pages keep reading the previous snapshot until this one is complete; old ones are dropped.
    """
    today = today or timezone.localdate()
    snapshot = Snapshot.objects.create(as_of=today, started_at=timezone.now())
    organizations = list(Organization.objects.select_related("region").order_by("path"))
    figures = compute_figures(organizations, today=today)
    rows = [
        OrganizationFigures(
            snapshot=snapshot, organization_id=org_id, domain_id=domain_id, **values.as_dict()
        )
        for (org_id, domain_id), values in figures.items()
    ]
    with transaction.atomic():
        OrganizationFigures.objects.bulk_create(rows, batch_size=BATCH)
        snapshot.status = Snapshot.DONE
        snapshot.finished_at = timezone.now()
        snapshot.organizations = len(organizations)
        snapshot.save(update_fields=["status", "finished_at", "organizations"])
    stale = Snapshot.objects.order_by("-started_at", "-id").values_list("id", flat=True)[
        KEEP_SNAPSHOTS:
    ]
    Snapshot.objects.filter(id__in=list(stale)).delete()
    return snapshot

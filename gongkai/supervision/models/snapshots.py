"""Precomputed dashboard figures: a snapshot per refresh, one row per body (and per domain)."""

from django.db import models


class Snapshot(models.Model):
    RUNNING = "running"
    DONE = "done"

    as_of = models.DateField("统计日期")
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=8, default=RUNNING)
    organizations = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-started_at", "-id"]
        verbose_name = "统计快照"

    def __str__(self) -> str:
        return f"快照 {self.as_of}"


class OrganizationFigures(models.Model):
    """The figures of one body in a snapshot: for one domain, or for all of them (domain null)."""

    snapshot = models.ForeignKey(Snapshot, on_delete=models.CASCADE, related_name="figures")
    organization = models.ForeignKey(
        "orgs.Organization", on_delete=models.CASCADE, related_name="+"
    )
    domain = models.ForeignKey(
        "catalog.Domain", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    applicable = models.PositiveIntegerField(default=0)
    adopted = models.PositiveIntegerField(default=0)
    items = models.PositiveIntegerField(default=0)
    blank = models.PositiveIntegerField(default=0)
    stale = models.PositiveIntegerField(default=0)
    published = models.PositiveIntegerField(default=0)
    late = models.PositiveIntegerField(default=0)
    uninterpreted = models.PositiveIntegerField(default=0)
    requests_open = models.PositiveIntegerField(default=0)
    requests_overdue = models.PositiveIntegerField(default=0)
    report_status = models.CharField(max_length=10, blank=True)
    reports_overdue = models.PositiveIntegerField(default=0)
    tasks_overdue = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "单位统计"
        indexes = [models.Index(fields=["snapshot", "domain", "organization"])]

    def __str__(self) -> str:
        return f"{self.organization_id}/{self.domain_id}"

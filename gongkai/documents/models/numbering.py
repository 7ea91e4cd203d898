from django.conf import settings
from django.db import models


class IndexPattern(models.Model):
    """The 索引号 pattern an organization uses (its nearest ancestor's, or the default, if none)."""

    organization = models.OneToOneField(
        "orgs.Organization", on_delete=models.CASCADE, related_name="index_pattern"
    )
    pattern = models.CharField("索引号格式", max_length=64)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "索引号格式"

    def __str__(self) -> str:
        return f"{self.organization}: {self.pattern}"


class IndexCounter(models.Model):
    """The last sequence number given per organization and year; it only ever grows."""

    organization = models.ForeignKey(
        "orgs.Organization", on_delete=models.CASCADE, related_name="+"
    )
    year = models.PositiveIntegerField()
    last_seq = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organization", "year"], name="one_counter_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.organization_id}/{self.year}: {self.last_seq}"

from django.conf import settings
from django.db import models


class RegionLevel(models.TextChoices):
    PROVINCE = "province", "省"
    CITY = "city", "市"
    COUNTY = "county", "县(市、区)"
    TOWNSHIP = "township", "乡镇(街道)"
    VILLAGE = "village", "村(居)"


class Region(models.Model):
    """行政区划: a node of the administrative tree. `path` is the chain of codes, for subtree queries."""

    code = models.CharField("区划代码", max_length=12, unique=True)
    name = models.CharField("名称", max_length=100)
    level = models.CharField("层级", max_length=16, choices=RegionLevel.choices)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    path = models.CharField(max_length=255, db_index=True, editable=False)

    class Meta:
        ordering = ["path"]
        verbose_name = "行政区划"

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.path = f"{self.parent.path if self.parent else ''}{self.code}/"
        super().save(*args, **kwargs)


class OrganizationKind(models.TextChoices):
    GOVERNMENT = "government", "人民政府"
    DEPARTMENT = "department", "部门"
    TOWNSHIP = "township", "乡镇政府/街道办事处"
    VILLAGE = "village", "村(居)民委员会"


class CatalogLevel(models.TextChoices):
    """公开层级 of the standard catalogs."""

    COUNTY = "县级", "县级"
    TOWNSHIP = "乡级", "乡级"
    VILLAGE = "村级", "村级"


class OrganizationQuerySet(models.QuerySet):
    def subtree(self, organization: "Organization") -> "OrganizationQuerySet":
        return self.filter(path__startswith=organization.path)


class Organization(models.Model):
    """机关、单位: a body that discloses. `path` chains the codes of its parents for subtree scoping."""

    code = models.CharField("机构代码", max_length=32, unique=True)
    name = models.CharField("名称", max_length=100)
    short_name = models.CharField("简称", max_length=50, blank=True)
    kind = models.CharField("类型", max_length=16, choices=OrganizationKind.choices)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="organizations")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    path = models.CharField(max_length=400, db_index=True, editable=False)
    domains = models.ManyToManyField(
        "catalog.Domain", blank=True, related_name="organizations", verbose_name="负责领域"
    )
    address = models.CharField("办公地址", max_length=200, blank=True)
    phone = models.CharField("咨询电话", max_length=50, blank=True)
    office_hours = models.CharField("办公时间", max_length=100, blank=True)
    position = models.PositiveIntegerField(default=0)

    objects = OrganizationQuerySet.as_manager()

    class Meta:
        ordering = ["path"]
        verbose_name = "机关单位"

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.path = f"{self.parent.path if self.parent else ''}{self.code}/"
        super().save(*args, **kwargs)

    @property
    def catalog_level(self) -> str | None:
        """The 公开层级 whose guideline items apply to this body."""
        if self.kind == OrganizationKind.VILLAGE:
            return CatalogLevel.VILLAGE
        if self.kind == OrganizationKind.TOWNSHIP:
            return CatalogLevel.TOWNSHIP
        if self.region.level == RegionLevel.COUNTY:
            return CatalogLevel.COUNTY
        return None

    def is_within(self, other: "Organization") -> bool:
        return self.path.startswith(other.path)


class Role(models.TextChoices):
    ADMIN = "admin", "管理员"
    EDITOR = "editor", "信息员"
    REVIEWER = "reviewer", "审核人"
    SUPERVISOR = "supervisor", "公开办"


class Membership(models.Model):
    """A staff account's role in one organization."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField("角色", max_length=16, choices=Role.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organization", "role"], name="unique_membership"
            )
        ]
        verbose_name = "岗位"

    def __str__(self) -> str:
        return f"{self.user} @ {self.organization} ({self.get_role_display()})"

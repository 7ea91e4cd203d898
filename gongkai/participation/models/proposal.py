"""建议提案办理结果 and the 公众参与事项清单 of an organization."""

from django.conf import settings
from django.db import models


class ProposalKind(models.TextChoices):
    NPC = "npc", "人大代表建议"
    CPPCC = "cppcc", "政协提案"


class ProposalDisclosure(models.TextChoices):
    FULL = "full", "全文公开"
    SUMMARY = "summary", "摘要公开"
    WITHHELD = "withheld", "不公开"


class ProposalStatus(models.TextChoices):
    ASSIGNED = "assigned", "办理中"
    REPLIED = "replied", "已答复"
    PUBLISHED = "published", "已公开"


class ProposalQuerySet(models.QuerySet):
    def public(self):
        return self.filter(status=ProposalStatus.PUBLISHED).exclude(
            disclosure=ProposalDisclosure.WITHHELD
        )


class Proposal(models.Model):
    """One 人大代表建议 or 政协提案 assigned to the organization, and its reply."""

    organization = models.ForeignKey(
        "orgs.Organization",
        on_delete=models.PROTECT,
        related_name="proposals",
        verbose_name="主办单位",
    )
    kind = models.CharField("类别", max_length=8, choices=ProposalKind.choices)
    year = models.PositiveIntegerField("年度")
    session = models.CharField(
        "会议届次", max_length=100, help_text="如：东川县第十八届人民代表大会第三次会议"
    )
    number = models.CharField("编号", max_length=20, help_text="如：第12号")
    title = models.CharField("标题", max_length=200)
    summary = models.CharField("内容概要", max_length=100, help_text="公开时写入标题")
    proposer = models.CharField("领衔代表/委员", max_length=100, blank=True)
    assigned_on = models.DateField("交办日期")
    reply = models.TextField("答复全文", blank=True)
    reply_summary = models.TextField("答复摘要", blank=True)
    replied_on = models.DateField("答复日期", null=True, blank=True)
    disclosure = models.CharField(
        "公开方式",
        max_length=10,
        choices=ProposalDisclosure.choices,
        default=ProposalDisclosure.FULL,
    )
    withheld_reason = models.CharField("不公开理由", max_length=200, blank=True)
    status = models.CharField(
        "状态", max_length=10, choices=ProposalStatus.choices, default=ProposalStatus.ASSIGNED
    )
    published_at = models.DateTimeField("公开时间", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ProposalQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "kind", "number", "-id"]
        verbose_name = "建议提案"
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "kind", "session", "number"], name="unique_proposal"
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def public_title(self) -> str:
        word = "建议" if self.kind == ProposalKind.NPC else "提案"
        return f"对{self.session}{self.number}{word}的答复（{self.summary}）"


class ParticipationItemQuerySet(models.QuerySet):
    def public(self):
        return self.filter(published_at__isnull=False, withdrawn=False)


class ParticipationItem(models.Model):
    """One decision on the organization's 公众参与事项清单, with who may take part and how."""

    organization = models.ForeignKey(
        "orgs.Organization",
        on_delete=models.PROTECT,
        related_name="participation_items",
        verbose_name="决策单位",
    )
    year = models.PositiveIntegerField("年度")
    title = models.CharField("决策事项", max_length=200)
    scope = models.CharField("参与范围", max_length=300)
    methods = models.JSONField("参与方式", default=list)
    planned = models.CharField("计划时间", max_length=100, blank=True)
    note = models.CharField("备注", max_length=300, blank=True)
    position = models.PositiveIntegerField(default=0)
    published_at = models.DateTimeField("公布时间", null=True, blank=True)
    withdrawn = models.BooleanField("已撤销", default=False)
    withdrawal_reason = models.CharField("撤销理由", max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ParticipationItemQuerySet.as_manager()

    class Meta:
        ordering = ["organization", "-year", "position", "id"]
        verbose_name = "公众参与事项"

    def __str__(self) -> str:
        return self.title

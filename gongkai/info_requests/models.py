"""依申请公开: applications, their legal clock, the handling steps and the reply.

The applicant's personal data (name, identity document, contact) lives only on `InfoRequest`;
`__str__` and audit rows carry the tracking number, never a name.
"""

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q

from gongkai.rules.request_deadline import Channel
from gongkai.rules.request_results import RESULT_TYPES, ApplicantType
from gongkai.rules.workdays import YearSchedule

CHANNEL_CHOICES = [(c.value, c.label) for c in Channel]
APPLICANT_CHOICES = [(t.value, t.label) for t in ApplicantType]
RESULT_CHOICES = [(r.key, r.short) for r in RESULT_TYPES]


class Medium(models.TextChoices):
    PAPER = "paper", "纸质"
    ELECTRONIC = "electronic", "电子"


class Delivery(models.TextChoices):
    POST = "post", "邮寄"
    PICKUP = "pickup", "自行领取"
    EMAIL = "email", "电子邮件"
    ONLINE = "online", "网上查看下载"


class Status(models.TextChoices):
    NEW = "new", "待分办"
    HANDLING = "handling", "办理中"
    AWAITING_CORRECTION = "awaiting_correction", "待申请人补正"
    REPLIED = "replied", "已答复"


OPEN_STATUSES = (Status.NEW, Status.HANDLING, Status.AWAITING_CORRECTION)


class InfoRequestQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def overdue(self, *, on: date):
        """Open requests whose due day has passed (those awaiting correction have no due day)."""
        return self.open().filter(due_on__lt=on)

    def in_scope(self, organizations):
        return self.filter(organization__in=organizations)


class InfoRequest(models.Model):
    """政府信息公开申请: one application to one organization."""

    organization = models.ForeignKey(
        "orgs.Organization", on_delete=models.PROTECT, related_name="info_requests"
    )
    number = models.CharField("申请编号", max_length=48, unique=True)
    year = models.PositiveSmallIntegerField()
    sequence = models.PositiveIntegerField()
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    channel = models.CharField("提交方式", max_length=16, choices=CHANNEL_CHOICES)
    submitted_on = models.DateField("申请日期")
    received_on = models.DateField("收到申请日期")
    applicant_type = models.CharField("申请人类型", max_length=16, choices=APPLICANT_CHOICES)
    applicant_name = models.CharField("申请人姓名或名称", max_length=100)
    contact_person = models.CharField("联系人", max_length=50, blank=True)
    id_document = models.CharField("身份证明", max_length=80, blank=True)
    phone = models.CharField("联系电话", max_length=40, blank=True)
    email = models.EmailField("电子邮箱", blank=True)
    address = models.CharField("通信地址", max_length=200, blank=True)
    applicant_key = models.CharField(max_length=64, db_index=True, editable=False)
    description = models.TextField("所需信息的内容描述")
    medium = models.CharField("信息载体", max_length=16, choices=Medium.choices)
    delivery = models.CharField("获取方式", max_length=16, choices=Delivery.choices)

    status = models.CharField("状态", max_length=24, choices=Status.choices, default=Status.NEW)
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="承办人",
    )
    due_on = models.DateField("答复期限", null=True, blank=True)
    due_uncertain = models.BooleanField(default=False)
    deadline_steps = models.JSONField(default=list, blank=True)

    result = models.CharField("办理结果", max_length=32, choices=RESULT_CHOICES, blank=True)
    basis = models.TextField("法律依据", blank=True)
    reply_text = models.TextField("答复意见", blank=True)
    referred_to = models.CharField("负责公开的机关及联系方式", max_length=300, blank=True)
    replied_on = models.DateField("答复日期", null=True, blank=True)
    letter = models.FileField(upload_to="ysq/letters/%Y/", blank=True)
    delivered_on = models.DateField("送达日期", null=True, blank=True)
    delivery_note = models.CharField("送达方式说明", max_length=200, blank=True)

    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = InfoRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-received_on", "-id"]
        verbose_name = "政府信息公开申请"
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "year", "sequence"], name="unique_request_sequence"
            ),
            models.CheckConstraint(
                condition=Q(status="replied", replied_on__isnull=False)
                | (~Q(status="replied") & Q(replied_on__isnull=True)),
                name="replied_iff_reply_date",
            ),
        ]
        indexes = [models.Index(fields=["organization", "status", "due_on"])]

    def __str__(self) -> str:
        return self.number

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


class RequestCounter(models.Model):
    """The last tracking number given by one organization in one year."""

    organization = models.ForeignKey(
        "orgs.Organization", on_delete=models.CASCADE, related_name="+"
    )
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organization", "year"], name="unique_request_counter")
        ]

    def __str__(self) -> str:
        return f"{self.organization_id}/{self.year}: {self.last}"


class Correction(models.Model):
    """补正: asked once (第三十条 一次性告知); the clock restarts when the corrected application arrives."""

    request = models.OneToOneField(InfoRequest, on_delete=models.CASCADE, related_name="correction")
    requested_on = models.DateField("告知补正日期")
    items = models.TextField("需补正的事项")
    correct_by = models.DateField("补正期限")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    received_on = models.DateField("收到补正申请日期", null=True, blank=True)
    original_description = models.TextField("补正前的内容描述")
    corrected_description = models.TextField("补正后的内容描述", blank=True)

    def __str__(self) -> str:
        return f"{self.request} 补正"


class ThirdPartyConsultation(models.Model):
    """征求第三方意见 (第三十二条); the time it takes is not counted (第三十三条第三款)."""

    class Opinion(models.TextChoices):
        AGREE = "agree", "同意公开"
        DISAGREE = "disagree", "不同意公开"
        NONE = "none", "逾期未提出意见"

    request = models.ForeignKey(InfoRequest, on_delete=models.CASCADE, related_name="consultations")
    third_party = models.CharField("第三方", max_length=200)
    sent_on = models.DateField("书面征求意见日期")
    answered_on = models.DateField("收到第三方意见日期", null=True, blank=True)
    opinion = models.CharField("第三方意见", max_length=16, choices=Opinion.choices, blank=True)
    note = models.TextField("说明", blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["sent_on", "id"]

    def __str__(self) -> str:
        return f"{self.request} 征求第三方意见"


class Extension(models.Model):
    """延期 (第三十三条第二款): approved by the head of the disclosure office, at most 20 working days."""

    request = models.OneToOneField(InfoRequest, on_delete=models.CASCADE, related_name="extension")
    days = models.PositiveSmallIntegerField("延长工作日数")
    reason = models.TextField("延期理由")
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    approver_label = models.CharField("批准人", max_length=150)
    approved_on = models.DateField("批准日期")

    def __str__(self) -> str:
        return f"{self.request} 延期"


class Message(models.Model):
    """The thread between the handling organization and the applicant."""

    class Sender(models.TextChoices):
        STAFF = "staff", "办理机关"
        APPLICANT = "applicant", "申请人"

    class Kind(models.TextChoices):
        MESSAGE = "message", "留言"
        CORRECTION_REQUEST = "correction_request", "补正告知"
        CORRECTION = "correction", "补正申请"
        EXTENSION = "extension", "延期告知"
        REPLY = "reply", "答复"
        RECEIPT = "receipt", "受理回执"

    request = models.ForeignKey(InfoRequest, on_delete=models.CASCADE, related_name="messages")
    sender = models.CharField(max_length=16, choices=Sender.choices)
    kind = models.CharField(max_length=24, choices=Kind.choices, default=Kind.MESSAGE)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField("内容")
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.request} {self.get_kind_display()}"


class ReplyFile(models.Model):
    """Information provided with the reply (uploaded by the handler)."""

    request = models.ForeignKey(InfoRequest, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(upload_to="ysq/files/%Y/")
    name = models.CharField("文件名", max_length=200)
    size = models.PositiveIntegerField()
    content_type = models.CharField(max_length=100)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField()

    class Meta:
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.name


class Notice(models.Model):
    """An in-app reminder to one member of staff about one request's due date."""

    class Kind(models.TextChoices):
        DUE_5 = "due_5", "5个工作日内到期"
        DUE_2 = "due_2", "2个工作日内到期"
        DUE_0 = "due_0", "今日到期"
        OVERDUE = "overdue", "已逾期"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="request_notices"
    )
    request = models.ForeignKey(InfoRequest, on_delete=models.CASCADE, related_name="notices")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    due_on = models.DateField()
    days_left = models.IntegerField()
    created_at = models.DateTimeField()
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "request", "kind", "due_on"], name="unique_request_notice"
            )
        ]

    def __str__(self) -> str:
        return f"{self.request} {self.get_kind_display()}"


class HolidayYear(models.Model):
    """One year's 节假日安排 entered by a platform administrator; it overrides the shipped calendar."""

    year = models.PositiveSmallIntegerField("年份", unique=True)
    holidays = models.JSONField("放假日期", default=list)
    makeup_workdays = models.JSONField("调休上班日期", default=list)
    source = models.CharField("依据（通知文号）", max_length=200, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField()

    class Meta:
        ordering = ["-year"]
        verbose_name = "节假日安排"

    def __str__(self) -> str:
        return f"{self.year}年节假日安排"

    def schedule(self) -> YearSchedule:
        return YearSchedule(
            year=self.year,
            holidays=frozenset(date.fromisoformat(d) for d in self.holidays),
            makeup_workdays=frozenset(date.fromisoformat(d) for d in self.makeup_workdays),
        )

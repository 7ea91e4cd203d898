"""Forms of the 依申请公开 pages: they parse and explain; the services decide."""

import re
from datetime import date, timedelta

from django import forms
from django.utils import timezone

from gongkai.info_requests.models import (
    CHANNEL_CHOICES,
    Delivery,
    Medium,
    ThirdPartyConsultation,
)
from gongkai.info_requests.services import ApplicantData, applicant_problems
from gongkai.rules.request_deadline import MAX_EXTENSION_WORKDAYS, Channel
from gongkai.rules.request_results import (
    ORGANIZATION_GROUP,
    RESULT_TYPES,
    ApplicantType,
    Group,
    default_basis,
)


class Form(forms.Form):
    """Labels without Django's ASCII colon: the pages are in Chinese."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def _date(label: str, *, required: bool = True, **kw) -> forms.DateField:
    return forms.DateField(label=label, required=required, widget=DateInput(), **kw)


def _text(label: str, rows: int = 3, *, required: bool = True, **kw) -> forms.CharField:
    return forms.CharField(
        label=label, required=required, widget=forms.Textarea(attrs={"rows": rows}), **kw
    )


APPLICANT_TYPE_CHOICES = [
    (ApplicantType.NATURAL_PERSON.value, ApplicantType.NATURAL_PERSON.label),
    (
        ORGANIZATION_GROUP,
        [(t.value, t.label) for t in ApplicantType if t.is_organization],
    ),
]


class ApplicantForm(Form):
    """第二十九条: who applies, how to reach them, what information, in which form."""

    applicant_type = forms.ChoiceField(
        label="申请人类型（必填）",
        choices=APPLICANT_TYPE_CHOICES,
        initial=ApplicantType.NATURAL_PERSON,
    )
    applicant_name = forms.CharField(
        label="姓名或名称（必填）",
        max_length=100,
        required=False,
        help_text="自然人填写姓名；法人或其他组织填写单位全称。",
    )
    contact_person = forms.CharField(
        label="联系人（法人或其他组织填写）", max_length=50, required=False
    )
    id_document = forms.CharField(
        label="身份证明（证件类型及号码，选填）",
        max_length=80,
        required=False,
        help_text="申请与本人相关的信息时，请填写，以便核对身份。",
    )
    phone = forms.CharField(label="联系电话", max_length=40, required=False)
    email = forms.EmailField(label="电子邮箱", required=False)
    address = forms.CharField(
        label="通信地址", max_length=200, required=False, help_text="选择邮寄方式时必填。"
    )
    description = _text(
        "所需信息的内容描述（必填）",
        rows=5,
        required=False,
        max_length=4000,
        help_text="请写明信息的名称、文号，或者便于查询的时间、地点、事项等特征。",
    )
    medium = forms.ChoiceField(
        label="信息载体",
        choices=Medium.choices,
        widget=forms.RadioSelect,
        initial=Medium.ELECTRONIC,
    )
    delivery = forms.ChoiceField(
        label="获取方式",
        choices=Delivery.choices,
        widget=forms.RadioSelect,
        initial=Delivery.ONLINE,
    )

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        for field, message in applicant_problems(self.applicant_data()).items():
            self.add_error(field, message)
        return cleaned

    def applicant_data(self) -> ApplicantData:
        data = self.cleaned_data
        return ApplicantData(
            **{
                f: data.get(f) or ""
                for f in (
                    "applicant_type",
                    "applicant_name",
                    "description",
                    "medium",
                    "delivery",
                    "phone",
                    "email",
                    "address",
                    "contact_person",
                    "id_document",
                )
            }
        )


class PublicApplyForm(ApplicantForm):
    # A field people never see: software that fills every field gives itself away.
    website = forms.CharField(label="网址（请勿填写）", required=False)
    challenge = forms.CharField(required=False, widget=forms.HiddenInput)
    answer = forms.IntegerField(label="验证：请计算", required=False)


STAFF_CHANNELS = [(c, label) for c, label in CHANNEL_CHOICES if c != Channel.ONLINE]


class RegisterForm(ApplicantForm):
    channel = forms.ChoiceField(label="提交方式", choices=STAFF_CHANNELS)
    submitted_on = _date("申请日期（申请书落款或寄出日期）")
    signed_for = _date("签收日期（邮寄）", required=False)
    confirmed = _date("双方确认收到日期（传真、电子邮件、平常信函）", required=False)


class AssignForm(Form):
    handler = forms.TypedChoiceField(label="承办人", coerce=int)

    def __init__(self, *args, handlers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["handler"].choices = [
            (u.pk, u.first_name or u.get_username()) for u in handlers
        ]


class CorrectionRequestForm(Form):
    items = _text("需补正的事项", help_text="一次性写明需要补正的全部内容（第三十条）。")
    requested_on = _date("告知补正日期", initial=timezone.localdate)
    correct_by = _date("补正期限", required=False, help_text="不填则为告知之日起15个工作日。")


class CorrectionReceivedForm(Form):
    description = _text("补正后的所需信息内容描述", rows=4)
    received_on = _date("收到补正申请日期", initial=timezone.localdate)


class ConsultationForm(Form):
    third_party = forms.CharField(label="第三方（名称）", max_length=200)
    sent_on = _date("书面征求意见日期", initial=timezone.localdate)


class ConsultationAnswerForm(Form):
    answered_on = _date("收到意见日期（逾期未答复的填期限届满日）", initial=timezone.localdate)
    opinion = forms.ChoiceField(label="第三方意见", choices=ThirdPartyConsultation.Opinion.choices)
    note = _text("说明", rows=2, required=False)


class ExtensionForm(Form):
    days = forms.IntegerField(
        label="延长工作日数", min_value=1, max_value=MAX_EXTENSION_WORKDAYS, initial=20
    )
    reason = _text("延期理由", rows=2)
    approved_on = _date("批准日期", initial=timezone.localdate)


class UploadForm(Form):
    file = forms.FileField(
        label="提供的政府信息（PDF、OFD、Word、Excel、图片或 ZIP，不超过 20 MB）"
    )


def _result_choices():
    groups: dict[Group, list] = {}
    for r in RESULT_TYPES:
        groups.setdefault(r.group, []).append((r.key, r.label))
    choices = [("", "请选择")]
    for group, items in groups.items():
        if len(items) == 1:
            choices.append(items[0])
        else:
            choices.append((group.value, items))
    return choices


BASIS_HINTS = [(r.label, r.group.value, default_basis(r.key) or "（须填写）") for r in RESULT_TYPES]


class DecideForm(Form):
    result = forms.ChoiceField(label="办理结果", choices=_result_choices)
    reply_text = _text(
        "答复意见",
        rows=5,
        required=False,
        help_text="部分公开、不予公开等须说明理由；予以公开的，可写明获取方式、途径。",
    )
    basis = _text(
        "法律依据",
        rows=2,
        required=False,
        help_text="不填则按办理结果自动引用《政府信息公开条例》相应条款。",
    )
    referred_to = forms.CharField(
        label="负责公开该信息的机关及联系方式（本机关不掌握、能确定负责机关的填写）",
        max_length=300,
        required=False,
    )
    replied_on = _date("答复日期", initial=timezone.localdate)


class DeliveryForm(Form):
    delivered_on = _date("送达日期", initial=timezone.localdate)
    note = forms.CharField(label="送达方式说明", max_length=200, required=False)


class MessageForm(Form):
    body = _text("留言", rows=3, max_length=2000)


class ApplicantCorrectionForm(Form):
    description = _text("补正后的所需信息内容描述", rows=5, max_length=4000)


class CalculatorForm(Form):
    received = _date("收到申请日期")
    channel = forms.ChoiceField(label="提交方式", choices=CHANNEL_CHOICES)
    correction_requested = _date("告知补正日期", required=False)
    correction_received = _date("收到补正申请日期", required=False)
    third_party_start = _date("征求第三方意见日期", required=False)
    third_party_end = _date("收到第三方意见日期", required=False)
    extended = forms.BooleanField(label="经批准延长20个工作日", required=False)


_RANGE = re.compile(r"^(\d{4}-\d{2}-\d{2})\s*(?:(?:~|～|至|到|—|--)\s*(\d{4}-\d{2}-\d{2}))?$")


def parse_days(text: str) -> list[date]:
    """Dates one per line, or ranges ``2027-02-06 ~ 2027-02-14``; raises ValueError in Chinese."""
    days: list[date] = []
    for line in text.replace("，", "\n").replace(",", "\n").splitlines():
        line = line.strip()
        if not line:
            continue
        match = _RANGE.match(line)
        if not match:
            raise ValueError(f"无法识别“{line}”，请按 2027-01-01 或 2027-02-06 ~ 2027-02-14 填写")
        try:
            first = date.fromisoformat(match.group(1))
            last = date.fromisoformat(match.group(2) or match.group(1))
        except ValueError:
            raise ValueError(f"“{line}”不是有效的日期") from None
        if last < first or (last - first).days > 31:
            raise ValueError(f"“{line}”的日期范围不正确")
        days += [first + timedelta(days=i) for i in range((last - first).days + 1)]
    return days


class HolidayYearForm(Form):
    year = forms.IntegerField(label="年份", min_value=2000, max_value=2100)
    holidays = _text("放假日期（每行一个日期或一个范围）", rows=8)
    makeup_workdays = _text("调休上班日期（周六、周日上班的日期）", rows=4, required=False)
    source = forms.CharField(
        label="依据", max_length=200, required=False, help_text="如：国办发明电〔2026〕X号"
    )

    def _days(self, field: str) -> list[date]:
        try:
            return parse_days(self.cleaned_data.get(field) or "")
        except ValueError as exc:
            raise forms.ValidationError(str(exc)) from None

    def clean_holidays(self):
        return self._days("holidays")

    def clean_makeup_workdays(self):
        return self._days("makeup_workdays")

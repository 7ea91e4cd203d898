"""Staff forms of the participation workspace. Forms parse input; the services decide."""

from django import forms

from gongkai.documents.choices import UNPUBLISHED
from gongkai.documents.models import Document
from gongkai.participation.models import (
    Adoption,
    EventKind,
    OpinionSource,
    ProposalDisclosure,
    ProposalKind,
)
from gongkai.participation.models.consultation import DECISION_KIND_CHOICES
from gongkai.participation.models.limits import LEVEL_CHOICES, UNIT_CHOICES
from gongkai.participation.services.proposals import PARTICIPATION_METHODS


class DateInput(forms.DateInput):
    input_type = "date"


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"


class ConsultationForm(forms.Form):
    kind = forms.ChoiceField(label="决策类型", choices=DECISION_KIND_CHOICES)
    title = forms.CharField(label="标题", max_length=200)
    document = forms.ModelChoiceField(
        label="对应的文件草稿（选填）", queryset=Document.objects.none(), required=False
    )
    draft_text = forms.CharField(
        label="征求意见稿（每段一行，公开页面按段落编号）",
        widget=forms.Textarea(attrs={"rows": 12}),
    )
    drafting_notes = forms.CharField(
        label="起草说明", widget=forms.Textarea(attrs={"rows": 6}), required=False
    )
    contact = forms.CharField(
        label="意见反馈联系方式（单位电话、地址）", max_length=200, required=False
    )
    starts_on = forms.DateField(label="开始日期（空则发布当天）", widget=DateInput, required=False)
    ends_on = forms.DateField(
        label="截止日期（空则按法定最短期限计算）", widget=DateInput, required=False
    )
    shortened_reason = forms.CharField(
        label="缩短期限的理由（仅重大行政决策因情况紧急时填写，将向社会公开）",
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )

    def __init__(self, *args, organization, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["document"].queryset = Document.objects.filter(
            organization=organization, status__in=UNPUBLISHED
        ).order_by("-updated_at")


class ExtendForm(forms.Form):
    ends_on = forms.DateField(label="新的截止日期", widget=DateInput)
    reason = forms.CharField(label="延长原因", max_length=200)


class HideForm(forms.Form):
    reason = forms.CharField(label="不予显示的理由", max_length=200)


class DecideForm(forms.Form):
    adoption = forms.ChoiceField(label="采纳情况", choices=Adoption.choices)
    adoption_reason = forms.CharField(label="说明或理由", max_length=500, required=False)


class FeedbackForm(forms.Form):
    overview = forms.CharField(
        label="意见采纳情况总体说明", widget=forms.Textarea(attrs={"rows": 6})
    )


class ParticipationEventForm(forms.Form):
    kind = forms.ChoiceField(label="形式", choices=EventKind.choices)
    title = forms.CharField(label="名称", max_length=200)
    held_on = forms.DateField(label="日期", widget=DateInput)
    place = forms.CharField(label="地点", max_length=200, required=False)
    participants = forms.CharField(label="参加人员（不填个人姓名）", max_length=300, required=False)
    minutes = forms.CharField(label="纪要", widget=forms.Textarea(attrs={"rows": 6}))
    public = forms.BooleanField(label="向社会公开", required=False, initial=True)


class AnswerForm(forms.Form):
    answer = forms.CharField(label="答复内容", widget=forms.Textarea(attrs={"rows": 8}))
    publish = forms.BooleanField(
        label="答复后公开（去除个人信息；留言人要求不公开的不会公开）", required=False, initial=True
    )


class TransferForm(forms.Form):
    to = forms.ModelChoiceField(label="转办给", queryset=None)
    reason = forms.CharField(label="转办理由", max_length=200)

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to"].queryset = organizations


class RouteForm(forms.Form):
    organization = forms.ModelChoiceField(label="分办给", queryset=None)

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations


class UnpublishForm(forms.Form):
    reason = forms.CharField(label="取消公开的理由", max_length=200)


class OpinionEventForm(forms.Form):
    title = forms.CharField(label="舆情标题", max_length=200)
    source = forms.ChoiceField(label="来源", choices=OpinionSource.choices)
    source_detail = forms.CharField(
        label="来源说明（网址、媒体名称等）", max_length=300, required=False
    )
    summary = forms.CharField(label="舆情摘要", widget=forms.Textarea(attrs={"rows": 5}))
    level = forms.ChoiceField(label="初判级别", choices=LEVEL_CHOICES)
    discovered_at = forms.DateTimeField(label="发现时间", widget=DateTimeInput)


class AssessForm(forms.Form):
    assessment = forms.CharField(label="研判意见", widget=forms.Textarea(attrs={"rows": 4}))
    level = forms.ChoiceField(label="研判级别", choices=LEVEL_CHOICES)


class IssueOrderForm(forms.Form):
    organization = forms.ModelChoiceField(label="责任单位", queryset=None)
    requirements = forms.CharField(
        label="办理要求", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations


class RespondForm(forms.Form):
    report = forms.CharField(label="办理和回应情况", widget=forms.Textarea(attrs={"rows": 5}))


class ResponseForm(forms.Form):
    title = forms.CharField(label="回应标题", max_length=200)
    body = forms.CharField(label="回应内容", widget=forms.Textarea(attrs={"rows": 8}))


class ProposalForm(forms.Form):
    kind = forms.ChoiceField(label="类别", choices=ProposalKind.choices)
    year = forms.IntegerField(label="年度", min_value=2000, max_value=2100)
    session = forms.CharField(label="会议届次", max_length=100)
    number = forms.CharField(label="编号（如：第12号）", max_length=20)
    title = forms.CharField(label="标题", max_length=200)
    summary = forms.CharField(label="内容概要（公开时写入标题）", max_length=100)
    proposer = forms.CharField(label="领衔代表/委员", max_length=100, required=False)
    assigned_on = forms.DateField(label="交办日期", widget=DateInput)


class ReplyForm(forms.Form):
    reply = forms.CharField(label="答复全文", widget=forms.Textarea(attrs={"rows": 10}))
    replied_on = forms.DateField(label="答复日期", widget=DateInput)
    disclosure = forms.ChoiceField(
        label="公开方式", choices=ProposalDisclosure.choices, initial=ProposalDisclosure.FULL
    )
    reply_summary = forms.CharField(
        label="答复摘要（摘要公开时填写）", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    withheld_reason = forms.CharField(label="不公开理由", max_length=200, required=False)


class ParticipationItemForm(forms.Form):
    year = forms.IntegerField(label="年度", min_value=2000, max_value=2100)
    title = forms.CharField(label="决策事项", max_length=200)
    scope = forms.CharField(label="参与范围", max_length=300)
    methods = forms.MultipleChoiceField(
        label="参与方式",
        choices=[(m, m) for m in PARTICIPATION_METHODS],
        widget=forms.CheckboxSelectMultiple,
    )
    planned = forms.CharField(label="计划时间", max_length=100, required=False)
    note = forms.CharField(label="备注", max_length=300, required=False)


class WithdrawForm(forms.Form):
    reason = forms.CharField(label="撤销理由", max_length=200)


class PeriodSettingForm(forms.Form):
    amount = forms.IntegerField(label="期限", min_value=1, max_value=365)
    unit = forms.ChoiceField(label="单位", choices=UNIT_CHOICES)


class MessageLimitForm(forms.Form):
    accept_workdays = forms.IntegerField(label="受理（工作日）", min_value=1, max_value=60)
    answer_workdays = forms.IntegerField(label="答复（工作日）", min_value=1, max_value=60)

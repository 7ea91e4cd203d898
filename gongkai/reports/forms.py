from django import forms

from gongkai.reports.models import CaseKind, CaseResult
from gongkai.rules.annual_report import parse_fee


class TextsForm(forms.Form):
    overview = forms.CharField(
        label="一、总体情况",
        required=False,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text="包括主动公开、依申请公开、政府信息管理、平台建设、监督保障。已按平台数据预填，请补充完善。",
    )
    problems = forms.CharField(
        label="五、存在的主要问题及改进情况",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    other_matters = forms.CharField(
        label="六、其他需要报告的事项",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="如收取信息处理费的情况；没有可填“无”。",
    )


class EnteredFiguresForm(forms.Form):
    licensing = forms.IntegerField(label="行政许可 本年处理决定数量", min_value=0)
    penalty = forms.IntegerField(label="行政处罚 本年处理决定数量", min_value=0)
    coercion = forms.IntegerField(label="行政强制 本年处理决定数量", min_value=0)
    fees = forms.CharField(label="行政事业性收费 本年收费金额（万元）", max_length=20)

    def clean_fees(self):
        try:
            return parse_fee(self.cleaned_data["fees"])
        except ValueError as exc:
            raise forms.ValidationError(str(exc)) from exc


class FiguresImportForm(forms.Form):
    file = forms.FileField(
        label="Excel 文件",
        help_text="第一列为“行政许可、行政处罚、行政强制、行政事业性收费”，第二列为数值；"
        "或一行一个机关的汇总表（含机构代码或机构名称列）。",
    )


class ReviewCaseForm(forms.Form):
    kind = forms.ChoiceField(label="类别", choices=CaseKind.choices)
    result = forms.ChoiceField(label="结果", choices=CaseResult.choices)
    filed_on = forms.DateField(
        label="受理（立案）日期", widget=forms.DateInput(attrs={"type": "date"})
    )
    concluded_on = forms.DateField(
        label="审结日期", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    case_number = forms.CharField(label="案号", max_length=64, required=False)
    note = forms.CharField(
        label="备注（案由）",
        max_length=200,
        required=False,
        help_text="不要填写申请人姓名等个人信息。",
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(label="原因", max_length=500, widget=forms.Textarea(attrs={"rows": 3}))


class OpenForm(forms.Form):
    year = forms.IntegerField(label="年度", min_value=2008, max_value=2100)

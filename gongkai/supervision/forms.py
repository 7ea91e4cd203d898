from django import forms
from django.conf import settings

from gongkai.documents.choices import Disclosure, Status
from gongkai.documents.models import Document
from gongkai.rules.indicators import INDICATORS, IndicatorSpec, Method
from gongkai.supervision.models import TaskStatus


class TaskUploadForm(forms.Form):
    organization = forms.ChoiceField(label="所属公开办")
    title = forms.CharField(label="方案名称", max_length=200, required=False)
    file = forms.FileField(label="任务分工表（.xlsx，不超过 20 MB）")

    def __init__(self, *args, organizations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].choices = [(org.code, org.name) for org in organizations]


class ProgressForm(forms.Form):
    status = forms.ChoiceField(label="状态", choices=TaskStatus.choices, widget=forms.RadioSelect)
    note = forms.CharField(label="进展情况", widget=forms.Textarea(attrs={"rows": 3}))
    document = forms.ModelChoiceField(
        label="佐证：已发布的信息", queryset=Document.objects.none(), required=False
    )
    link = forms.URLField(label="佐证：链接", max_length=500, required=False, assume_scheme="https")
    file = forms.FileField(label="佐证：上传材料（不超过 20 MB）", required=False)

    def __init__(self, *args, organization=None, **kwargs):
        super().__init__(*args, **kwargs)
        if organization is not None:
            self.fields["document"].queryset = Document.objects.filter(
                organization=organization,
                status=Status.PUBLISHED,
                disclosure=Disclosure.PROACTIVE,
            ).order_by("-published_at")[:100]

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and upload.size > settings.UPLOAD_MAX_BYTES:
            raise forms.ValidationError(
                f"文件超过 {settings.UPLOAD_MAX_BYTES // (1024 * 1024)} MB，请压缩后再上传。"
            )
        return upload


PARAM_FIELDS = {
    "news_days": ("动态要闻类更新周期（天）", forms.IntegerField),
    "notice_months": ("通知公告类更新周期（月）", forms.IntegerField),
    "policy_months": ("政策文件类更新周期（月）", forms.IntegerField),
    "workdays": ("政策解读时限（工作日）", forms.IntegerField),
    "late_share": ("逾期公布得分比例（0–1）", forms.FloatField),
}


class IndicatorSetForm(forms.Form):
    """One row per indicator: weight, points per failure, veto threshold and its parameters.

    The fields are checked one by one here; whether they make a usable set (weights adding up to
    100…) is decided by ``rules.indicators.check_indicator_set`` in the service.
    """

    name = forms.CharField(label="名称", max_length=100)
    note = forms.CharField(label="调整说明", widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, specs: list[IndicatorSpec] = (), **kwargs):
        super().__init__(*args, **kwargs)
        current = {spec.code: spec for spec in specs}
        self.rows = []
        for code, definition in INDICATORS.items():
            spec = current.get(code, IndicatorSpec(code=code, weight=0))
            names = {"weight": f"{code}-weight"}
            self.fields[names["weight"]] = forms.FloatField(
                label="权重", min_value=0, max_value=100, initial=spec.weight
            )
            if definition.method == Method.DEDUCT:
                names["per_item"] = f"{code}-per_item"
                names["veto_at"] = f"{code}-veto_at"
                self.fields[names["per_item"]] = forms.FloatField(
                    label="每项扣分", min_value=0, initial=spec.per_item
                )
                self.fields[names["veto_at"]] = forms.IntegerField(
                    label="单项否决（项数）", min_value=1, required=False, initial=spec.veto_at
                )
            for key, value in spec.params.items():
                label, field_class = PARAM_FIELDS[key]
                names[key] = f"{code}-{key}"
                self.fields[names[key]] = field_class(label=label, initial=value)
            self.rows.append(
                {
                    "code": code,
                    "definition": definition,
                    "fields": [self[name] for name in names.values()],
                    "names": names,
                }
            )

    def specs(self) -> list[IndicatorSpec]:
        data = self.cleaned_data
        specs = []
        for row in self.rows:
            names = row["names"]
            if not data[names["weight"]]:
                continue  # weight 0: the indicator is left out of the set
            params = {key: data[name] for key, name in names.items() if key in PARAM_FIELDS}
            specs.append(
                IndicatorSpec(
                    code=row["code"],
                    weight=data[names["weight"]],
                    per_item=data.get(names.get("per_item", ""), 0) or 0,
                    veto_at=data.get(names.get("veto_at", "")),
                    params=params,
                )
            )
        return specs

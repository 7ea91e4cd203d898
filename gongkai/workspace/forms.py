from django import forms

from gongkai.catalog.elements import STANDARD_CHANNELS
from gongkai.catalog.models import Audience, Mode
from gongkai.orgs.models import CatalogLevel


class ElementsForm(forms.Form):
    """The 8 elements of a catalog item, as staff edit them."""

    level1 = forms.CharField(label="一级事项", max_length=200)
    level2 = forms.CharField(label="二级事项", max_length=200, required=False)
    level3 = forms.CharField(label="三级事项", max_length=200, required=False)
    content = forms.CharField(
        label="公开内容(要素)", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    basis = forms.CharField(
        label="公开依据（每行一项）", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    time_limit = forms.CharField(label="公开时限", max_length=255, required=False)
    time_limit_working_days = forms.IntegerField(
        label="时限（工作日）", min_value=1, max_value=365, required=False
    )
    subject = forms.CharField(label="公开主体", max_length=255, required=False)
    channels = forms.MultipleChoiceField(
        label="公开渠道和载体",
        choices=[(c, c) for c in STANDARD_CHANNELS],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    audience = forms.ChoiceField(
        label="公开对象", choices=Audience.choices, widget=forms.RadioSelect
    )
    mode = forms.ChoiceField(label="公开方式", choices=Mode.choices, widget=forms.RadioSelect)
    levels = forms.MultipleChoiceField(
        label="公开层级",
        choices=CatalogLevel.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    note = forms.CharField(label="备注", widget=forms.Textarea(attrs={"rows": 2}), required=False)
    change_note = forms.CharField(label="修改说明", max_length=200, required=False)

    @classmethod
    def for_item(cls, item, data=None):
        initial = item.elements()
        initial["basis"] = "\n".join(initial["basis"])
        return cls(data=data, initial=initial)

    def elements(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("change_note", None)
        data["basis"] = [line.strip() for line in data["basis"].splitlines() if line.strip()]
        return data


class UploadForm(forms.Form):
    file = forms.FileField(label="Excel 文件（.xlsx，不超过 20 MB）")


class PublishForm(forms.Form):
    note = forms.CharField(label="版本说明", max_length=200, required=False)

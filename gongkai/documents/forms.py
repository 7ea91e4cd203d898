"""Forms of the staff pages: they parse and present; the services decide."""

from django import forms

from gongkai.documents import files
from gongkai.documents.choices import Disclosure, Genre, SecrecyCheck, Validity, WithholdingGround
from gongkai.documents.models import Document, Theme
from gongkai.documents.selectors.workspace import catalog_item_choices, policy_choices

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
BODY_HINT = (
    "可直接输入或粘贴文字：空行分段；从 Excel 复制的表格（制表符分隔）会自动转为表格。"
    "也可填写 HTML，保存时只保留段落、标题、列表、表格、加粗、链接等安全标签。"
)


def _item_label(item) -> str:
    return " · ".join(part for part in (item.level1, item.level2, item.level3) if part)


class DocumentForm(forms.Form):
    title = forms.CharField(label="标题", max_length=200)
    doc_no = forms.CharField(label="文号", max_length=64, required=False)
    theme = forms.ModelChoiceField(
        label="主题分类",
        queryset=Theme.objects.filter(active=True),
        required=False,
        empty_label="请选择",
    )
    genre = forms.ChoiceField(
        label="体裁", choices=[("", "请选择"), *Genre.choices], required=False
    )
    written_on = forms.DateField(label="成文日期", required=False, widget=DATE)
    changed_on = forms.DateField(
        label="变更日期",
        required=False,
        widget=DATE,
        help_text="信息变更后重新公开时填写；公开时限自变更之日起算。",
    )
    disclosure = forms.ChoiceField(
        label="公开属性",
        choices=Disclosure.choices,
        initial=Disclosure.PROACTIVE,
        widget=forms.RadioSelect,
    )
    withholding_ground = forms.ChoiceField(
        label="不予公开依据",
        choices=[("", "（仅“不予公开”时选择）"), *WithholdingGround.choices],
        required=False,
    )
    validity = forms.ChoiceField(label="有效性", choices=Validity.choices, initial=Validity.VALID)
    effective_on = forms.DateField(label="施行日期", required=False, widget=DATE)
    invalid_on = forms.DateField(label="失效/废止日期", required=False, widget=DATE)
    catalog_items = forms.MultipleChoiceField(
        label="目录事项",
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 10}),
        help_text="按住 Ctrl（或 ⌘）可多选；只列出本单位目录中适用的事项。",
    )
    interprets = forms.MultipleChoiceField(
        label="解读的政策文件",
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 5}),
        help_text="体裁为“政策解读”时必选：本级或上级已发布的规章、行政规范性文件。",
    )
    summary = forms.CharField(
        label="内容概述", max_length=300, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    body = forms.CharField(
        label="正文", required=False, widget=forms.Textarea(attrs={"rows": 14}), help_text=BODY_HINT
    )

    def __init__(self, *args, organization, document: Document | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self._items = {str(i.pk): i for i in catalog_item_choices(organization)}
        grouped: dict[str, list[tuple[str, str]]] = {}
        for key, item in self._items.items():
            grouped.setdefault(item.catalog.domain.name, []).append((key, _item_label(item)))
        self.fields["catalog_items"].choices = list(grouped.items())
        include = list(document.interprets.values_list("pk", flat=True)) if document else []
        policies = policy_choices(organization, include=include)
        if document is not None:
            policies = policies.exclude(pk=document.pk)
        self._policies = {str(p.pk): p for p in policies}
        self.fields["interprets"].choices = [
            (key, f"{p.title}（{p.organization.short_name or p.organization.name}）")
            for key, p in self._policies.items()
        ]

    @classmethod
    def for_document(cls, document: Document, data=None) -> "DocumentForm":
        initial = {
            name: getattr(document, name)
            for name in (
                "title", "doc_no", "theme", "genre", "written_on", "changed_on", "disclosure",
                "withholding_ground", "validity", "effective_on", "invalid_on", "summary", "body",
            )
        }  # fmt: skip
        initial["catalog_items"] = [
            str(pk) for pk in document.catalog_items.values_list("pk", flat=True)
        ]
        initial["interprets"] = [str(pk) for pk in document.interprets.values_list("pk", flat=True)]
        return cls(data, organization=document.organization, document=document, initial=initial)

    def values(self) -> dict:
        """The cleaned data as the services take it."""
        data = dict(self.cleaned_data)
        data["catalog_items"] = [self._items[key] for key in data["catalog_items"]]
        data["interprets"] = [self._policies[key] for key in data["interprets"]]
        return data


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label="选择文件",
        widget=forms.ClearableFileInput(attrs={"accept": files.ACCEPT}),
        help_text="支持 pdf、docx、xlsx、ofd、jpg、png，单个不超过 20 MB。",
    )


class ReviewForm(forms.Form):
    checklist = forms.MultipleChoiceField(
        label="保密审查",
        choices=SecrecyCheck.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    comment = forms.CharField(
        label="审核意见", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(label="原因", widget=forms.Textarea(attrs={"rows": 2}), required=False)


class PublishForm(forms.Form):
    at = forms.DateTimeField(
        label="定时发布时间",
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        help_text="留空则立即发布。",
    )


class CorrectionForm(forms.Form):
    title = forms.CharField(label="标题", max_length=200)
    doc_no = forms.CharField(label="文号", max_length=64, required=False)
    written_on = forms.DateField(label="成文日期", widget=DATE)
    effective_on = forms.DateField(label="施行日期", required=False, widget=DATE)
    summary = forms.CharField(
        label="内容概述", max_length=300, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    body = forms.CharField(label="正文", required=False, widget=forms.Textarea(attrs={"rows": 12}))
    reason = forms.CharField(
        label="更正原因（将在公开页面显示）", widget=forms.Textarea(attrs={"rows": 2})
    )

    @classmethod
    def for_document(cls, document: Document, data=None) -> "CorrectionForm":
        initial = {
            name: getattr(document, name)
            for name in ("title", "doc_no", "written_on", "effective_on", "summary", "body")
        }
        return cls(data, initial=initial)

    def changes(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k != "reason"}


class ValidityForm(forms.Form):
    validity = forms.ChoiceField(label="有效性", choices=Validity.choices)
    on = forms.DateField(label="失效/废止日期", required=False, widget=DATE)
    reason = forms.CharField(label="说明", required=False)


class IndexPatternForm(forms.Form):
    pattern = forms.CharField(
        label="索引号格式",
        max_length=64,
        help_text="占位符：{org_code} 机构代码、{year} 年份、{seq} 年度序号（{seq:05d} 表示补零到 5 位）。",
    )


class ThemeForm(forms.Form):
    name = forms.CharField(label="名称", max_length=50)
    code = forms.SlugField(label="代码", max_length=40, required=False)
    position = forms.IntegerField(label="排序", min_value=0, initial=0)
    active = forms.BooleanField(label="启用", required=False, initial=True)

"""Forms citizens fill in on the portal: no account, a honeypot, and a sum after repeated posts."""

from django import forms

from gongkai.orgs.models import Organization
from gongkai.participation import antispam
from gongkai.participation.models import Rating
from gongkai.participation.models.limits import MESSAGE_KIND_CHOICES
from gongkai.participation.services.comments import COMMENT_MAX_CHARS
from gongkai.participation.services.messages import BODY_MAX_CHARS


class GuardedForm(forms.Form):
    website = forms.CharField(label="网址（请勿填写）", required=False)
    challenge_token = forms.CharField(required=False, widget=forms.HiddenInput)
    challenge_answer = forms.CharField(label="请计算", required=False, max_length=4)

    def __init__(self, *args, challenge: bool = False, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.challenge = antispam.new_challenge() if challenge else None

    def clean(self):
        data = super().clean()
        if self.challenge is None:
            return data
        token = data.get("challenge_token", "")
        if not token:
            self.add_error("challenge_answer", "为防止恶意灌水，请先计算下面的题目再提交。")
        elif not antispam.solved(token, data.get("challenge_answer", "")):
            self.add_error("challenge_answer", "计算结果不正确，请计算下面的新题目。")
        return data


class CommentForm(GuardedForm):
    paragraph = forms.TypedChoiceField(
        label="意见针对", coerce=int, empty_value=None, required=False
    )
    body = forms.CharField(
        label="您的意见",
        max_length=COMMENT_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": "请填写您的意见。"},
    )
    author_name = forms.CharField(label="姓名（选填，不公开）", max_length=50, required=False)
    contact = forms.CharField(
        label="联系方式（选填，不公开，便于我们向您了解情况）", max_length=100, required=False
    )

    def __init__(self, *args, paragraphs: int, **kwargs):
        super().__init__(*args, **kwargs)
        numbered = [(i, f"第{i}段") for i in range(1, paragraphs + 1)]
        self.fields["paragraph"].choices = [("", "征求意见稿全文"), *numbered]


class MessageForm(GuardedForm):
    organization = forms.ModelChoiceField(
        label="写给",
        queryset=Organization.objects.order_by("path"),
        required=False,
        empty_label="不清楚该找哪个单位（由平台分办）",
    )
    kind = forms.ChoiceField(
        label="留言类型", choices=MESSAGE_KIND_CHOICES, widget=forms.RadioSelect
    )
    subject = forms.CharField(label="标题", max_length=100)
    body = forms.CharField(
        label="内容", max_length=BODY_MAX_CHARS, widget=forms.Textarea(attrs={"rows": 8})
    )
    author_name = forms.CharField(label="姓名（选填，不公开）", max_length=50, required=False)
    phone = forms.CharField(label="电话（选填，不公开）", max_length=30, required=False)
    email = forms.EmailField(label="电子邮箱（选填，不公开；答复后我们会通知您）", required=False)
    wants_private = forms.BooleanField(
        label="不公开我的留言和答复（默认答复后去除个人信息公开）", required=False
    )


class RatingForm(forms.Form):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    rating = forms.ChoiceField(
        label="您对答复是否满意", choices=Rating.choices, widget=forms.RadioSelect
    )
    comment = forms.CharField(
        label="意见（选填）",
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

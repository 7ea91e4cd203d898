"""The shared staff step: a refusal lands on the form (and in the messages where asked)."""

from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.test import RequestFactory

from gongkai.workspace.form_steps import act, submit_form


class ReasonForm(forms.Form):
    reason = forms.CharField()


def _request(data=None):
    request = RequestFactory().post("/", data or {})
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


def _said(request) -> list[tuple[str, str]]:
    return [(m.level_tag, m.message) for m in get_messages(request)]


def _refuse(error):
    def run(**fields):
        raise error

    return run


def _again():
    return HttpResponse("again")


def test_success_says_so_and_redirects_with_what_the_service_returned():
    request = _request({"reason": "ok"})
    response = submit_form(
        request,
        ReasonForm(request.POST),
        lambda reason: f"/done/{reason}",
        success=lambda url: f"已保存：{url}",
        to=lambda url: url,
        again=_again,
    )
    assert response.status_code == 302
    assert response["Location"] == "/done/ok"
    assert _said(request) == [("success", "已保存：/done/ok")]


def test_refusal_naming_a_field_stands_next_to_it_and_the_page_is_shown_again():
    request = _request({"reason": "x"})
    form = ReasonForm(request.POST)
    refusal = ValidationError({"reason": "理由太短。", "unknown": "另一个原因。"})
    response = submit_form(request, form, _refuse(refusal), success="", to="/", again=_again)
    assert response.content == b"again"
    assert form.errors == {"reason": ["理由太短。"], "__all__": ["另一个原因。"]}
    assert _said(request) == []


def test_refusal_goes_to_the_messages_too_when_asked():
    request = _request({"reason": "x"})
    form = ReasonForm(request.POST)
    submit_form(
        request,
        form,
        _refuse(ValidationError("已答复的申请不能再删除附件。")),
        success="",
        to="/",
        again=_again,
        refusal_as_message=True,
    )
    assert form.non_field_errors() == ["已答复的申请不能再删除附件。"]
    assert _said(request) == [("error", "已答复的申请不能再删除附件。")]


def test_invalid_message_only_for_a_posted_form():
    posted = _request()
    submit_form(
        posted, ReasonForm(posted.POST), _refuse(AssertionError), success="", to="/",
        again=_again, invalid_message="请按提示修改后重新提交。",
    )  # fmt: skip
    assert _said(posted) == [("error", "请按提示修改后重新提交。")]
    opened = _request()
    response = submit_form(
        opened, ReasonForm(), _refuse(AssertionError), success="", to="/",
        again=_again, invalid_message="请按提示修改后重新提交。",
    )  # fmt: skip
    assert response.content == b"again"
    assert _said(opened) == []


def test_one_button_step_goes_back_either_way():
    request = _request()
    response = act(request, lambda: 3, success=lambda n: f"已公布（{n}项）。", to="/items/")
    assert response["Location"] == "/items/"
    refused = act(request, _refuse(ValidationError("没有待公布的事项。")), success="", to="/items/")
    assert refused["Location"] == "/items/"
    assert _said(request) == [("success", "已公布（3项）。"), ("error", "没有待公布的事项。")]

"""The two shapes of a staff step: a form handed to a service, and a one-button action.

Both run one service, show its refusal where the user looks, and redirect after success so
that reloading the page does not post the step again.
"""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect


def apply_errors(form: forms.Form, exc: ValidationError) -> None:
    """Show a service's refusal on the form, next to the field it names where there is one."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        for message in exc.messages:
            form.add_error(None, message)


def _given(option, result):
    """An option given as a value, or as a function of what the service returned."""
    return option(result) if callable(option) else option


def flash_refusal(request, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)


def submit_form(
    request,
    form: forms.Form,
    run: Callable[..., Any],
    *,
    success: str | Callable[[Any], str],
    to: str | Callable[[Any], str],
    again: Callable[[], HttpResponse],
    refusal_as_message: bool = False,
    invalid_message: str = "",
) -> HttpResponse:
    """Run the service on the form's data, say it is done and redirect to `to`; otherwise
    answer `again()`, the page with the form, which then carries the reasons.

    `run` takes the form's cleaned fields as keyword arguments; `success` and `to` may be
    functions of what it returns.
    """
    if form.is_valid():
        try:
            result = run(**form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
            if refusal_as_message:
                flash_refusal(request, exc)
        else:
            messages.success(request, _given(success, result))
            return redirect(_given(to, result))
    elif form.is_bound and invalid_message:
        messages.error(request, invalid_message)
    return again()


def act(
    request, run: Callable[[], Any], *, success: str | Callable[[Any], str], to: str
) -> HttpResponse:
    """A one-button step: run the service, report how it went, go back to `to` either way.

    `success` may be a function of what `run` returns.
    """
    try:
        result = run()
    except ValidationError as exc:
        flash_refusal(request, exc)
    else:
        messages.success(request, _given(success, result))
    return redirect(to)

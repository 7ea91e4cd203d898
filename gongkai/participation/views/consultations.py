"""Staff pages of 意见征集: prepare, publish, moderate comments, decide, summarize, close."""

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from gongkai.orgs.access import Action, can, require
from gongkai.participation import clock
from gongkai.participation.access import require_view, visible_organizations
from gongkai.participation.forms import (
    ConsultationForm,
    DecideForm,
    ExtendForm,
    FeedbackForm,
    HideForm,
    ParticipationEventForm,
)
from gongkai.participation.models import Comment, Consultation, FeedbackSummary, Phase
from gongkai.participation.selectors import pending_comment_counts
from gongkai.participation.services import comments
from gongkai.participation.services import consultations as services
from gongkai.participation.views.common import handled_choices, organization_for_new
from gongkai.workspace.form_steps import act, submit_form


def _url(pk: int) -> str:
    return reverse("participation:consultation", args=[pk])


@login_required
def consultation_list(request):
    organizations = visible_organizations(request.user)
    consultations = list(
        Consultation.objects.filter(organization__in=organizations)
        .select_related("organization")
        .order_by("-created_at")[:200]
    )
    today = clock.today()
    pending = pending_comment_counts(consultations)
    rows = [
        {"c": c, "phase": Phase(c.phase_on(today)).label, "pending": pending.get(c.pk, 0)}
        for c in consultations
    ]
    return render(
        request,
        "participation/consultation_list.html",
        {"rows": rows, "handled": handled_choices(request)},
    )


@login_required
def consultation_new(request, code: str):
    organization = organization_for_new(request, code)
    form = ConsultationForm(request.POST or None, organization=organization)
    return submit_form(
        request,
        form,
        partial(services.create_consultation, organization=organization, by=request.user),
        success="意见征集已保存，核对无误后请发布。",
        to=lambda consultation: _url(consultation.pk),
        again=lambda: render(
            request,
            "participation/consultation_form.html",
            {"form": form, "organization": organization, "consultation": None},
        ),
    )


def _get(request, pk: int) -> Consultation:
    consultation = get_object_or_404(Consultation.objects.select_related("organization"), pk=pk)
    require_view(request.user, consultation.organization)
    return consultation


@login_required
def consultation_edit(request, pk: int):
    consultation = _get(request, pk)
    require(request.user, Action.HANDLE_PARTICIPATION, consultation.organization)
    fields = ConsultationForm.base_fields
    initial = {name: getattr(consultation, name) for name in fields}
    form = ConsultationForm(
        request.POST or None, initial=initial, organization=consultation.organization
    )
    return submit_form(
        request,
        form,
        partial(services.update_consultation, consultation=consultation, by=request.user),
        success="已保存。",
        to=_url(consultation.pk),
        again=lambda: render(
            request,
            "participation/consultation_form.html",
            {
                "form": form,
                "organization": consultation.organization,
                "consultation": consultation,
            },
        ),
    )


def _detail_context(request, consultation: Consultation, **forms) -> dict:
    today = clock.today()
    comments = list(consultation.comments.select_related("moderated_by"))
    summary = FeedbackSummary.objects.filter(consultation=consultation).first()
    return {
        "consultation": consultation,
        "phase": Phase(consultation.phase_on(today)),
        "paragraph_count": len(consultation.paragraphs),
        "comments": comments,
        "summary": summary,
        "problems": services.closing_problems(consultation, today=today)
        if consultation.status == "published"
        else [],
        "earliest_end": services.earliest_end(
            kind=consultation.kind, starts_on=consultation.starts_on or today
        ),
        "events": consultation.events.all(),
        "can_handle": can(request.user, Action.HANDLE_PARTICIPATION, consultation.organization),
        "feedback_form": forms.get("feedback_form")
        or FeedbackForm(initial={"overview": summary.overview if summary else ""}),
        "extend_form": forms.get("extend_form") or ExtendForm(),
        "decide_form": DecideForm(),
        "hide_form": HideForm(),
    }


@login_required
def consultation_detail(request, pk: int):
    consultation = _get(request, pk)
    return render(
        request, "participation/consultation_detail.html", _detail_context(request, consultation)
    )


def _detail_again(request, consultation: Consultation, **forms):
    return lambda: render(
        request,
        "participation/consultation_detail.html",
        _detail_context(request, consultation, **forms),
    )


@login_required
@require_POST
def consultation_publish(request, pk: int):
    consultation = _get(request, pk)
    return act(
        request,
        partial(services.publish_consultation, consultation=consultation, by=request.user),
        success="意见征集已发布，公众可以在门户网站提交意见。",
        to=_url(pk),
    )


@login_required
@require_POST
def consultation_close(request, pk: int):
    consultation = _get(request, pk)
    return act(
        request,
        partial(services.close_consultation, consultation=consultation, by=request.user),
        success="意见采纳情况已向社会公布，意见征集办结。",
        to=_url(pk),
    )


@login_required
@require_POST
def consultation_extend(request, pk: int):
    consultation = _get(request, pk)
    form = ExtendForm(request.POST)
    return submit_form(
        request,
        form,
        partial(services.extend_consultation, consultation=consultation, by=request.user),
        success="征集期限已延长。",
        to=_url(pk),
        again=_detail_again(request, consultation, extend_form=form),
    )


@login_required
@require_POST
def consultation_feedback(request, pk: int):
    consultation = _get(request, pk)
    form = FeedbackForm(request.POST)
    return submit_form(
        request,
        form,
        partial(services.save_feedback_summary, consultation=consultation, by=request.user),
        success="采纳情况已保存；办结时随之向社会公布。",
        to=_url(pk),
        again=_detail_again(request, consultation, feedback_form=form),
    )


def _comment_done(request, comment: Comment):
    """For HTMX, re-render the comments and the closing checklist; otherwise go back."""
    if request.htmx:
        consultation = Consultation.objects.select_related("organization").get(
            pk=comment.consultation_id
        )
        response = render(
            request, "participation/_moderation.html", _detail_context(request, consultation)
        )
        response["Vary"] = "HX-Request"
        return response
    return redirect("participation:consultation", comment.consultation_id)


def _comment(request, pk: int) -> Comment:
    comment = get_object_or_404(Comment.objects.select_related("consultation__organization"), pk=pk)
    require(request.user, Action.HANDLE_PARTICIPATION, comment.consultation.organization)
    return comment


def _comment_action(request, pk: int, call, success: str):
    comment = _comment(request, pk)
    try:
        call(comment)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, success.format(number=comment.number))
    return _comment_done(request, comment)


@login_required
@require_POST
def comment_approve(request, pk: int):
    return _comment_action(
        request,
        pk,
        lambda c: comments.approve_comment(comment=c, by=request.user),
        "第{number}号意见已公开。",
    )


@login_required
@require_POST
def comment_hide(request, pk: int):
    reason = request.POST.get("reason", "")
    return _comment_action(
        request,
        pk,
        lambda c: comments.hide_comment(comment=c, by=request.user, reason=reason),
        "第{number}号意见不予显示（原文已保留）。",
    )


@login_required
@require_POST
def comment_decide(request, pk: int):
    adoption = request.POST.get("adoption", "")
    reason = request.POST.get("adoption_reason", "")
    return _comment_action(
        request,
        pk,
        lambda c: comments.decide_adoption(
            comment=c, by=request.user, adoption=adoption, reason=reason
        ),
        "第{number}号意见的采纳情况已记录。",
    )


@login_required
def event_new(request, pk: int):
    consultation = _get(request, pk)
    require(request.user, Action.HANDLE_PARTICIPATION, consultation.organization)
    form = ParticipationEventForm(request.POST or None)
    return submit_form(
        request,
        form,
        partial(
            services.record_participation_event,
            organization=consultation.organization,
            consultation=consultation,
            by=request.user,
        ),
        success="已记录。",
        to=_url(pk),
        again=lambda: render(
            request, "participation/event_form.html", {"form": form, "consultation": consultation}
        ),
    )

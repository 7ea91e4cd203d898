"""Public pages at /ysq/: where to apply, the form, the applicant's private page, statistics."""

import logging

from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from gongkai.info_requests import selectors, services, throttle
from gongkai.info_requests.deadlines import current_calendar, days_left
from gongkai.info_requests.forms import ApplicantCorrectionForm, MessageForm, PublicApplyForm
from gongkai.info_requests.models import Status
from gongkai.orgs.models import Organization, OrganizationKind
from gongkai.rules.request_results import column_labels, result_type

logger = logging.getLogger("gongkai.info_requests")
FIRST_YEAR = 2008  # 《政府信息公开条例》(国务院令第492号) took effect on 2008-05-01


def _organization(code: str) -> Organization:
    return get_object_or_404(
        Organization.objects.exclude(kind=OrganizationKind.VILLAGE).select_related("region"),
        code=code,
    )


def _private(response):
    """A page or file behind an applicant's private link: not cached or indexed, and its path
    (the token) never sent as a referrer; the origin still is, for the CSRF check of its forms."""
    response["Cache-Control"] = "no-store, private"
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "strict-origin"
    return response


def index(request):
    organizations = [(org, org.path.count("/") - 1) for org in selectors.accepting_organizations()]
    return render(
        request,
        "info_requests/public/index.html",
        {"organizations": organizations, "year": timezone.localdate().year},
    )


def apply(request, code: str):
    org = _organization(code)
    client = throttle.client_key(request)
    status = 200
    form = PublicApplyForm()
    if request.method == "POST":
        form = PublicApplyForm(request.POST)
        if throttle.blocked(client):
            logger.warning("apply form: client %s blocked for the hour", client[:8])
            form.is_valid()
            form.add_error(None, "提交过于频繁，请一小时后再试，或通过电话、信函等方式提出申请。")
            status = 429
        else:
            asked = throttle.needs_challenge(client)
            throttle.count_post(client)
            if request.POST.get("website"):
                logger.warning("apply form: honeypot filled by client %s", client[:8])
                form.is_valid()
                form.add_error(None, "提交未成功，请刷新页面后重新填写。")
            elif form.is_valid():
                if asked and not throttle.challenge_passed(
                    form.cleaned_data["challenge"], form.cleaned_data["answer"]
                ):
                    form.add_error("answer", "验证答案不正确，请重新计算。")
                else:
                    try:
                        _info_request, token = services.submit_online(
                            organization=org, data=form.applicant_data(), by=request.user
                        )
                    except ValidationError as exc:
                        form.add_error(None, exc)
                    else:
                        url = reverse("info_requests_public:track", args=[token])
                        return redirect(f"{url}?new=1")
    challenge = throttle.new_challenge() if throttle.needs_challenge(client) else None
    context = {"org": org, "form": form, "challenge": challenge}
    return render(request, "info_requests/public/apply.html", context, status=status)


def _tracked(token: str):
    info_request = selectors.request_for_token(token)
    if info_request is None:
        raise Http404("查询链接无效")
    return info_request


def _track_page(request, token: str, info_request, *, correction_form=None, message_form=None):
    today = timezone.localdate()
    context = {
        "token": token,
        "r": info_request,
        "new": request.GET.get("new") == "1",
        "link": request.build_absolute_uri(reverse("info_requests_public:track", args=[token])),
        "days_left": days_left(info_request, today=today, calendar=current_calendar()),
        "thread": info_request.messages.all(),
        "files": info_request.files.all() if info_request.status == Status.REPLIED else [],
        "result": result_type(info_request.result) if info_request.result else None,
        "correction": getattr(info_request, "correction", None),
        "correction_form": correction_form or ApplicantCorrectionForm(),
        "message_form": message_form or MessageForm(),
    }
    return _private(render(request, "info_requests/public/track.html", context))


def track(request, token: str):
    return _track_page(request, token, _tracked(token))


@require_POST
def track_correct(request, token: str):
    info_request = _tracked(token)
    form = ApplicantCorrectionForm(request.POST)
    if form.is_valid():
        try:
            services.submit_correction(token=token, description=form.cleaned_data["description"])
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return redirect(reverse("info_requests_public:track", args=[token]) + "#thread")
    return _track_page(request, token, info_request, correction_form=form)


@require_POST
def track_message(request, token: str):
    info_request = _tracked(token)
    form = MessageForm(request.POST)
    if form.is_valid():
        try:
            services.post_applicant_message(token=token, body=form.cleaned_data["body"])
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return redirect(reverse("info_requests_public:track", args=[token]) + "#thread")
    return _track_page(request, token, info_request, message_form=form)


def track_letter(request, token: str):
    info_request = _tracked(token)
    if info_request.status != Status.REPLIED or not info_request.letter:
        raise Http404("尚未作出答复")
    response = FileResponse(
        info_request.letter.open("rb"),
        as_attachment=True,
        filename=f"{info_request.number}-答复书.docx",
    )
    return _private(response)


def track_file(request, token: str, file_id: int):
    info_request = _tracked(token)
    if info_request.status != Status.REPLIED:
        raise Http404("尚未作出答复")
    reply_file = get_object_or_404(info_request.files, pk=file_id)
    response = FileResponse(
        reply_file.file.open("rb"),
        as_attachment=True,
        filename=reply_file.name,
        content_type=reply_file.content_type,
    )
    return _private(response)


def stats_latest(request, code: str):
    org = _organization(code)
    return redirect("info_requests_public:stats", org.code, timezone.localdate().year)


def stats(request, code: str, year: int):
    org = _organization(code)
    today = timezone.localdate()
    if not FIRST_YEAR <= year <= today.year:
        raise Http404("没有该年度的统计")
    figures = selectors.annual_figures(org, year)
    context = {
        "org": org,
        "year": year,
        "columns": column_labels(),
        "rows": selectors.statistics_table(figures),
        "years": selectors.years_with_requests(org, today=today),
        "partial_year": year == today.year,
    }
    return render(request, "info_requests/public/stats.html", context)

"""Public pages of 互动交流 (/hudong/): consultations, messages, responses, proposals, lists.

No login. Forms are guarded by `antispam`; what citizens typed is shown only masked, as text.
"""

import logging

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe
from django.views.decorators.vary import vary_on_cookie

from gongkai.orgs.models import Organization
from gongkai.participation import antispam, clock
from gongkai.participation import public_selectors as pages
from gongkai.participation.models import ProposalKind
from gongkai.participation.models.limits import MESSAGE_KIND_CHOICES
from gongkai.participation.public_forms import CommentForm, MessageForm, RatingForm
from gongkai.participation.services import comments
from gongkai.participation.services import messages as message_services
from gongkai.participation.services.limits import message_limit
from gongkai.workspace.form_steps import apply_errors

logger = logging.getLogger(__name__)
PAGE_SIZE = 20
FLOOD_MESSAGE = "您提交得太频繁了，为防止恶意灌水，请一小时后再试。"


def _page(request, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


@require_safe
@vary_on_cookie
def index(request):
    today = clock.today()
    return render(
        request,
        "participation/public/index.html",
        {
            "open": pages.consultation_listing("open", today=today)[:5],
            "answered": pages.published_messages()[:5],
            "responses": pages.responses()[:5],
            "proposals": pages.proposals()[:5],
        },
    )


@require_safe
@vary_on_cookie
def consultation_list(request):
    tab = request.GET.get("zt", "open")
    if tab not in pages.LISTING_TABS:
        tab = "open"
    today = clock.today()
    page = _page(request, pages.consultation_listing(tab, today=today))
    counts = pages.approved_counts(page.object_list)
    rows = [{"c": c, "count": counts.get(c.pk, 0)} for c in page.object_list]
    return render(
        request,
        "participation/public/consultation_list.html",
        {"tab": tab, "tabs": pages.LISTING_TABS.items(), "page": page, "rows": rows},
    )


def _render_consultation(request, page, form, *, status: int = 200, notice: str = ""):
    response = render(
        request,
        "participation/public/consultation_detail.html",
        {"page": page, "form": form, "notice": notice, "sent": request.GET.get("sent") == "1"},
        status=status,
    )
    response["Cache-Control"] = "no-store"
    return response


@require_http_methods(["GET", "HEAD", "POST"])
@never_cache
def consultation_detail(request, pk: int):
    page = pages.consultation_page(pk, today=clock.today())
    if page is None:
        raise Http404("没有这项意见征集。")
    scope = "comment"
    count = len(page.paragraphs)
    if request.method != "POST":
        initial = {}
        if request.GET.get("paragraph", "").isdigit():
            initial["paragraph"] = int(request.GET["paragraph"])
        form = CommentForm(
            initial=initial, paragraphs=count, challenge=antispam.needs_challenge(request, scope)
        )
        return _render_consultation(request, page, form)
    if antispam.honeypot_filled(request.POST, scope):
        return redirect(
            reverse("participation_public:consultation", args=[pk]) + "?sent=1#comment-form"
        )
    if antispam.is_flooding(request, scope):
        form = CommentForm(paragraphs=count)
        return _render_consultation(request, page, form, status=429, notice=FLOOD_MESSAGE)
    form = CommentForm(
        request.POST, paragraphs=count, challenge=antispam.needs_challenge(request, scope)
    )
    if form.is_valid():
        try:
            comments.submit_comment(
                consultation=page.consultation,
                body=form.cleaned_data["body"],
                paragraph=form.cleaned_data["paragraph"],
                author_name=form.cleaned_data["author_name"],
                contact=form.cleaned_data["contact"],
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            antispam.record_post(request, scope)
            return redirect(
                reverse("participation_public:consultation", args=[pk]) + "?sent=1#comment-form"
            )
    return _render_consultation(request, page, form)


@require_safe
@vary_on_cookie
def message_list(request):
    organization = None
    if code := request.GET.get("org", ""):
        organization = get_object_or_404(Organization, code=code)
    page = _page(request, pages.published_messages(organization=organization))
    return render(
        request,
        "participation/public/message_list.html",
        {"page": page, "organization": organization},
    )


@require_http_methods(["GET", "HEAD", "POST"])
@never_cache
def message_new(request):
    scope = "message"
    limits = [(label, message_limit(kind)) for kind, label in MESSAGE_KIND_CHOICES]
    if request.method != "POST":
        initial = {}
        if code := request.GET.get("org", ""):
            initial["organization"] = Organization.objects.filter(code=code).first()
        form = MessageForm(initial=initial, challenge=antispam.needs_challenge(request, scope))
        return render(
            request, "participation/public/message_form.html", {"form": form, "limits": limits}
        )
    if antispam.honeypot_filled(request.POST, scope):
        return render(request, "participation/public/message_sent.html", {"message": None})
    if antispam.is_flooding(request, scope):
        return render(
            request,
            "participation/public/message_form.html",
            {"form": MessageForm(), "notice": FLOOD_MESSAGE, "limits": limits},
            status=429,
        )
    form = MessageForm(request.POST, challenge=antispam.needs_challenge(request, scope))
    if form.is_valid():
        data = dict(form.cleaned_data)
        for name in ("website", "challenge_token", "challenge_answer"):
            data.pop(name)
        try:
            message = message_services.submit_message(**data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            antispam.record_post(request, scope)
            response = render(
                request, "participation/public/message_sent.html", {"message": message}
            )
            response["Cache-Control"] = "no-store"
            return response
    return render(
        request, "participation/public/message_form.html", {"form": form, "limits": limits}
    )


@require_safe
@vary_on_cookie
def message_detail(request, number: str):
    message = pages.published_message(number)
    if message is None:
        raise Http404("没有这条公开的留言。")
    return render(request, "participation/public/message_detail.html", {"message": message})


@require_http_methods(["GET", "HEAD", "POST"])
@never_cache
def message_private(request, key: str):
    """The author's own view through the private link: status, answer, and the rating form."""
    message = pages.private_message(key)
    if message is None:
        raise Http404("链接无效。")
    form = RatingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            message_services.rate_answer(message=message, key=key, **form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            return redirect("participation_public:message_private", key)
    response = render(
        request, "participation/public/message_private.html", {"message": message, "form": form}
    )
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "no-referrer"
    return response


@require_safe
@vary_on_cookie
def response_list(request):
    page = _page(request, pages.responses())
    return render(request, "participation/public/response_list.html", {"page": page})


@require_safe
@vary_on_cookie
def response_detail(request, pk: int):
    response = pages.responses().filter(pk=pk).first()
    if response is None:
        raise Http404("没有这条回应。")
    return render(request, "participation/public/response_detail.html", {"response": response})


@require_safe
@vary_on_cookie
def proposal_list(request):
    kind = request.GET.get("lb", "")
    if kind not in ProposalKind.values:
        kind = ""
    page = _page(request, pages.proposals(kind=kind))
    return render(
        request,
        "participation/public/proposal_list.html",
        {"page": page, "kind": kind, "kinds": ProposalKind.choices},
    )


@require_safe
@vary_on_cookie
def proposal_detail(request, pk: int):
    proposal = pages.proposals().filter(pk=pk).first()
    if proposal is None:
        raise Http404("没有这条公开的建议提案答复。")
    return render(request, "participation/public/proposal_detail.html", {"proposal": proposal})


@require_safe
@vary_on_cookie
def participation_lists(request):
    return render(
        request,
        "participation/public/item_orgs.html",
        {"organizations": pages.organizations_with_lists()},
    )


@require_safe
@vary_on_cookie
def participation_list(request, code: str):
    organization = get_object_or_404(Organization, code=code)
    years = pages.participation_list(organization)
    return render(
        request,
        "participation/public/item_list.html",
        {"organization": organization, "years": years},
    )

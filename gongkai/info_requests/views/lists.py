"""Staff lists: every request in reach, the deadline board, reminders."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from gongkai.info_requests import selectors, services
from gongkai.info_requests.deadlines import current_calendar
from gongkai.info_requests.models import Status
from gongkai.orgs.access import Action, organizations_for

STATUS_TABS = [("open", "未办结"), *Status.choices, ("all", "全部")]


@login_required
def request_list(request):
    status = request.GET.get("status", "open")
    org_code = request.GET.get("org", "")
    query = request.GET.get("q", "")
    requests = selectors.filtered_requests(
        request.user, status=status, organization=org_code, query=query
    )
    page = Paginator(requests, 50).get_page(request.GET.get("page"))
    rows = selectors.request_rows(
        request.user, page.object_list, today=timezone.localdate(), calendar=current_calendar()
    )
    context = {
        "rows": rows,
        "page": page,
        "status": status,
        "tabs": STATUS_TABS,
        "org_code": org_code,
        "q": query,
        "organizations": organizations_for(request.user, Action.VIEW_WORKSPACE).exclude(
            kind="village"
        ),
        "registrable": organizations_for(request.user, Action.HANDLE_REQUEST).exclude(
            kind="village"
        )[:50],
        "unread": selectors.unread_notices(request.user).count(),
    }
    template = (
        "info_requests/workspace/_rows.html"
        if request.htmx
        else "info_requests/workspace/list.html"
    )
    response = render(request, template, context)
    response["Vary"] = "HX-Request"
    return response


@login_required
def board(request):
    today = timezone.localdate()
    context = {
        "board": selectors.deadline_board(request.user, today=today, calendar=current_calendar()),
        "today": today,
    }
    return render(request, "info_requests/workspace/board.html", context)


@login_required
def notices(request):
    context = {"notices": selectors.notices_for(request.user)}
    return render(request, "info_requests/workspace/notices.html", context)


@login_required
@require_POST
def notices_read(request):
    services.mark_notices_read(user=request.user)
    return redirect("info_requests:notices")

"""站内消息: the inbox of the signed-in account."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from gongkai.supervision.models import Notification
from gongkai.supervision.selectors.notifications import inbox as inbox_selector
from gongkai.supervision.services import notifications as services
from gongkai.supervision.views._page import page


@login_required
def inbox(request):
    unread_only = request.GET.get("unread") == "1"
    context = {
        "notifications": inbox_selector(request.user, unread_only=unread_only)[:200],
        "unread_only": unread_only,
    }
    return page(request, "supervision/inbox.html", context, section="inbox")


@login_required
@require_POST
def read(request, notification_id: int):
    notification = get_object_or_404(Notification, pk=notification_id, user=request.user)
    services.mark_read(notification=notification, by=request.user)
    link = notification.link
    if link and url_has_allowed_host_and_scheme(link, allowed_hosts={request.get_host()}):
        return redirect(link)
    return redirect("supervision:inbox")


@login_required
@require_POST
def read_all(request):
    services.mark_all_read(by=request.user)
    return redirect("supervision:inbox")

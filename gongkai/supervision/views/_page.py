from django.shortcuts import render

from gongkai.orgs.access import Action, organizations_for
from gongkai.supervision.selectors.notifications import unread_count


def page(request, template: str, context: dict, *, section: str, status: int = 200):
    """Render a supervision page with the sub-navigation's state."""
    context = {
        "supervising": organizations_for(request.user, Action.SUPERVISE).exists(),
        "unread": unread_count(request.user),
        "section": section,
        **context,
    }
    return render(request, template, context, status=status)

"""Who may read this area's records of an organization: its handlers, and the 公开办 above it.

Both questions go to `gongkai.orgs.access`; this module only combines its answers.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q

from gongkai.orgs.access import Action, can, organizations_for
from gongkai.orgs.models import Organization


def can_view(user, organization: Organization) -> bool:
    return can(user, Action.HANDLE_PARTICIPATION, organization) or can(
        user, Action.SUPERVISE, organization
    )


def require_view(user, organization: Organization | None) -> None:
    if organization is None or not can_view(user, organization):
        raise PermissionDenied("您没有权限查看该单位的公众参与事项。")


def visible_organizations(user):
    """Every organization whose participation records ``user`` may read."""
    handled = organizations_for(user, Action.HANDLE_PARTICIPATION).values("pk")
    supervised = organizations_for(user, Action.SUPERVISE).values("pk")
    return Organization.objects.filter(Q(pk__in=handled) | Q(pk__in=supervised))


def handled_organizations(user):
    return organizations_for(user, Action.HANDLE_PARTICIPATION)

"""The one place that decides who may do what to which organization's objects.

Editors, reviewers and administrators act inside their own organization; a 公开办 supervisor
reads the whole subtree of theirs. A platform superuser (系统管理员) may do everything.
Every view and API endpoint asks `can` or `require`.
"""

from enum import StrEnum

from django.core.exceptions import PermissionDenied
from django.db.models import Q

from gongkai.orgs.models import Membership, Organization, Role


class SystemActor:
    """Who acts when a command-line tool or a background task changes state (audited as 系统)."""

    is_authenticated = True
    is_active = True
    is_superuser = True
    pk = None

    def get_username(self) -> str:
        return "系统"

    def __str__(self) -> str:
        return "系统"


SYSTEM = SystemActor()


class Action(StrEnum):
    VIEW_WORKSPACE = "view_workspace"  # read drafts and internal pages of the organization
    EDIT_CATALOG = "edit_catalog"
    PUBLISH_CATALOG = "publish_catalog"
    SUPERVISE = "supervise"
    MANAGE_MEMBERS = "manage_members"
    MANAGE_GUIDELINES = "manage_guidelines"  # national guidelines: platform administrators only
    EDIT_DOCUMENT = "edit_document"  # draft, edit and submit 政府信息
    REVIEW_DOCUMENT = (
        "review_document"  # 保密审查 and personal-information review, approve or return
    )
    PUBLISH_DOCUMENT = "publish_document"  # publish, withdraw, correct
    HANDLE_REQUEST = "handle_request"  # 依申请公开: register, handle, reply
    APPROVE_EXTENSION = "approve_extension"  # approve a 延期 of a disclosure request
    EDIT_REPORT = "edit_report"  # 年度报告: fill and check
    PUBLISH_REPORT = "publish_report"
    HANDLE_PARTICIPATION = "handle_participation"  # consultations, messages, transfer orders


ROLE_ACTIONS: dict[str, frozenset[Action]] = {
    Role.ADMIN: frozenset(
        {
            Action.VIEW_WORKSPACE,
            Action.EDIT_CATALOG,
            Action.PUBLISH_CATALOG,
            Action.MANAGE_MEMBERS,
            Action.EDIT_DOCUMENT,
            Action.PUBLISH_DOCUMENT,
            Action.HANDLE_REQUEST,
            Action.APPROVE_EXTENSION,
            Action.EDIT_REPORT,
            Action.PUBLISH_REPORT,
            Action.HANDLE_PARTICIPATION,
        }
    ),
    Role.EDITOR: frozenset(
        {
            Action.VIEW_WORKSPACE,
            Action.EDIT_CATALOG,
            Action.EDIT_DOCUMENT,
            Action.HANDLE_REQUEST,
            Action.EDIT_REPORT,
            Action.HANDLE_PARTICIPATION,
        }
    ),
    Role.REVIEWER: frozenset(
        {
            Action.VIEW_WORKSPACE,
            Action.PUBLISH_CATALOG,
            Action.REVIEW_DOCUMENT,
            Action.PUBLISH_DOCUMENT,
            Action.APPROVE_EXTENSION,
            Action.PUBLISH_REPORT,
        }
    ),
    Role.SUPERVISOR: frozenset({Action.VIEW_WORKSPACE, Action.SUPERVISE}),
}
SUBTREE_ROLES = frozenset({Role.SUPERVISOR})


def _memberships(user) -> list[Membership]:
    if not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, "_gongkai_memberships", None)
    if cached is None:
        cached = list(Membership.objects.filter(user=user).select_related("organization"))
        user._gongkai_memberships = cached
    return cached


def can(user, action: Action, organization: Organization | None = None) -> bool:
    """May `user` do `action` on objects of `organization` (None: platform-wide actions)?"""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    if organization is None:
        return False
    for membership in _memberships(user):
        if action not in ROLE_ACTIONS[membership.role]:
            continue
        if membership.organization_id == organization.id:
            return True
        if membership.role in SUBTREE_ROLES and organization.is_within(membership.organization):
            return True
    return False


def require(user, action: Action, organization: Organization | None = None) -> None:
    if not can(user, action, organization):
        raise PermissionDenied("您没有权限执行此操作。")


def organizations_for(user, action: Action):
    """Every organization on which `user` may do `action`, as a queryset."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Organization.objects.none()
    if user.is_superuser:
        return Organization.objects.all()
    scope = Q(pk__in=[])
    for membership in _memberships(user):
        if action not in ROLE_ACTIONS[membership.role]:
            continue
        if membership.role in SUBTREE_ROLES:
            scope |= Q(path__startswith=membership.organization.path)
        else:
            scope |= Q(pk=membership.organization_id)
    return Organization.objects.filter(scope)

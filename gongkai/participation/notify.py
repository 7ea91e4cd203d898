"""Notifications by e-mail, sent only after the transaction that caused them has committed."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction

from gongkai.orgs.access import ROLE_ACTIONS, Action
from gongkai.orgs.models import Membership, Organization, Role

logger = logging.getLogger(__name__)


def staff_addresses(organization: Organization, *, with_supervisors: bool) -> list[str]:
    """Those who handle participation in the organization, and the 公开办 above it if asked."""
    handlers = [
        role for role, actions in ROLE_ACTIONS.items() if Action.HANDLE_PARTICIPATION in actions
    ]
    memberships = Membership.objects.filter(organization=organization, role__in=handlers)
    if with_supervisors:
        ancestors = [p for p in organization.path.split("/") if p]
        memberships = memberships | Membership.objects.filter(
            role=Role.SUPERVISOR, organization__code__in=ancestors
        )
    emails = memberships.exclude(user__email="").values_list("user__email", flat=True)
    return sorted(set(emails))


def office_addresses(organization: Organization) -> list[str]:
    """The 公开办 seated in the organization itself (the body that issued a 转办单)."""
    emails = Membership.objects.filter(organization=organization, role=Role.SUPERVISOR).exclude(
        user__email=""
    )
    return sorted(set(emails.values_list("user__email", flat=True)))


def send_later(*, subject: str, body: str, recipients: list[str], reason: str) -> None:
    """Queue one e-mail for after commit; the log names the reason and the count, never addresses."""
    if not recipients:
        return

    def _send() -> None:
        try:
            send_mail(subject, body, None, recipients)
        except OSError:
            logger.exception("notification %s could not be sent", reason)
        else:
            logger.info("notification %s sent to %d recipient(s)", reason, len(recipients))

    transaction.on_commit(_send)


def site_url(path: str) -> str:
    return f"{settings.SITE_URL}{path}"

from django.db import models
from django.utils import timezone

from gongkai.audit.models import Event


def user_or_none(actor):
    """The account behind an actor, for foreign keys; None for anonymous visitors and the system."""
    return actor if isinstance(actor, models.Model) and actor.is_authenticated else None


def record_event(
    *,
    actor,
    action: str,
    target: models.Model,
    organization=None,
    before: dict | None = None,
    after: dict | None = None,
    reason: str = "",
) -> Event:
    """Write one audit row; call it inside the transaction of the change it records."""
    authenticated = getattr(actor, "is_authenticated", False)
    return Event.objects.create(
        at=timezone.now(),
        actor=user_or_none(actor),
        actor_label=actor.get_username() if authenticated else "匿名访客",
        action=action,
        organization=organization,
        target_type=target._meta.label_lower,
        target_id=str(target.pk),
        target_label=str(target)[:255],
        before=before,
        after=after,
        reason=reason,
    )

from django.db import models
from django.utils import timezone

from gongkai.audit.models import Event


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
        actor=actor if authenticated else None,
        actor_label=actor.get_username() if authenticated else "系统",
        action=action,
        organization=organization,
        target_type=target._meta.label_lower,
        target_id=str(target.pk),
        target_label=str(target)[:255],
        before=before,
        after=after,
        reason=reason,
    )

"""主题分类: the list a platform administrator maintains (seeded with the national list)."""

from django.core.exceptions import ValidationError
from django.db import transaction

from gongkai.audit.services import record_event
from gongkai.documents.models import Theme
from gongkai.orgs.access import Action, require
from gongkai.portal.page_cache import public_pages_changed


@transaction.atomic
def save_theme(
    *,
    by,
    name: str,
    code: str = "",
    position: int = 0,
    active: bool = True,
    theme: Theme | None = None,
) -> Theme:
    """Add a theme or change one; a theme in use is switched off rather than deleted."""
    require(by, Action.MANAGE_GUIDELINES)
    name, code = name.strip(), code.strip()
    if not name or len(name) > 50:
        raise ValidationError("请填写主题分类名称（不超过 50 个字）。")
    if theme is None and not code:
        raise ValidationError("请填写主题分类代码（英文字母、数字或下划线）。")
    clash = Theme.objects.filter(name=name).exclude(pk=getattr(theme, "pk", None))
    if clash.exists():
        raise ValidationError(f"已有名为“{name}”的主题分类。")
    before = (
        {"name": theme.name, "position": theme.position, "active": theme.active} if theme else None
    )
    if theme is None:
        if Theme.objects.filter(code=code).exists():
            raise ValidationError(f"代码“{code}”已被使用。")
        theme = Theme(code=code)
    theme.name, theme.position, theme.active = name, position, active
    theme.full_clean()
    theme.save()
    record_event(
        actor=by,
        action="documents.theme_saved",
        target=theme,
        before=before,
        after={"name": name, "position": position, "active": active},
    )
    public_pages_changed()
    return theme

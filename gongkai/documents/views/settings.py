"""Settings pages: an organization's 索引号 pattern, and the platform's 主题分类."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from gongkai.documents import services
from gongkai.documents.forms import IndexPatternForm, ThemeForm
from gongkai.documents.models import Theme
from gongkai.documents.views.common import organization_for
from gongkai.orgs.access import Action, require
from gongkai.rules.index_number import example
from gongkai.workspace.form_steps import apply_errors, flash_refusal


@login_required
def index_pattern(request, code: str):
    organization = organization_for(request, code, Action.MANAGE_MEMBERS)
    current = services.pattern_for(organization)
    form = IndexPatternForm(request.POST or None, initial={"pattern": current})
    if request.method == "POST" and form.is_valid():
        try:
            services.set_index_pattern(
                organization=organization, pattern=form.cleaned_data["pattern"], by=request.user
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, "索引号格式已保存，此后发布的信息按新格式编号。")
            return redirect(reverse("documents:index_pattern", args=[organization.code]))
    context = {
        "org": organization,
        "form": form,
        "current": current,
        "example": example(current, org_code=organization.code, year=timezone.localdate().year),
    }
    return render(request, "documents/workspace/index_pattern.html", context)


@login_required
def themes(request):
    """主题分类 maintained by platform administrators; a theme in use is switched off, not deleted."""
    require(request.user, Action.MANAGE_GUIDELINES)
    form = ThemeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        theme = Theme.objects.filter(pk=request.POST.get("theme")).first()
        try:
            services.save_theme(
                by=request.user,
                theme=theme,
                name=data["name"],
                code=data["code"] or "",
                position=data["position"],
                active=data["active"],
            )
        except ValidationError as exc:
            flash_refusal(request, exc)
        else:
            messages.success(request, f"已保存主题分类“{data['name']}”。")
            return redirect(reverse("documents:themes"))
    context = {"themes": Theme.objects.order_by("position", "code"), "form": form}
    return render(request, "documents/workspace/themes.html", context)

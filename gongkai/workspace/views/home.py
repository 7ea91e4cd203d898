from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render

from gongkai.catalog.models import Domain
from gongkai.orgs.access import Action, can, organizations_for, require
from gongkai.orgs.models import Organization
from gongkai.workspace import selectors


@login_required
def home(request):
    organizations = list(
        organizations_for(request.user, Action.VIEW_WORKSPACE).select_related("region")
    )
    supervised = list(organizations_for(request.user, Action.SUPERVISE).select_related("region"))
    context = {
        "organizations": selectors.organization_rows(organizations)
        if len(organizations) <= 60
        else None,
        "organization_count": len(organizations),
        "supervision": selectors.supervision_rows(supervised) if supervised else None,
    }
    return render(request, "workspace/home.html", context)


@login_required
def organization(request, code: str):
    org = get_object_or_404(Organization.objects.select_related("region", "parent"), code=code)
    require(request.user, Action.VIEW_WORKSPACE, org)
    context = {
        "org": org,
        "domains": selectors.domain_rows(org),
        "can_edit": can(request.user, Action.EDIT_CATALOG, org),
        "all_domains": Domain.objects.all(),
    }
    return render(request, "workspace/organization.html", context)

"""Small helpers shared by the staff views of this area."""

from django.shortcuts import get_object_or_404

from gongkai.orgs.access import Action, require
from gongkai.orgs.models import Organization
from gongkai.participation.access import handled_organizations


def organization_for_new(request, code: str) -> Organization:
    organization = get_object_or_404(Organization, code=code)
    require(request.user, Action.HANDLE_PARTICIPATION, organization)
    return organization


def handled_choices(request):
    """The organizations the user handles, for 'new …' links; empty for pure supervisors."""
    return list(handled_organizations(request.user).order_by("path"))

"""Small helpers shared by the staff views of this area."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect

from gongkai.orgs.access import Action, require
from gongkai.orgs.models import Organization
from gongkai.participation.access import handled_organizations


def organization_for_new(request, code: str) -> Organization:
    organization = get_object_or_404(Organization, code=code)
    require(request.user, Action.HANDLE_PARTICIPATION, organization)
    return organization


def refuse(request, exc: ValidationError, *to):
    """Put a service's refusal in the messages and go back (for one-button actions)."""
    for message in exc.messages:
        messages.error(request, message)
    return redirect(*to)


def handled_choices(request):
    """The organizations the user handles, for 'new …' links; empty for pure supervisors."""
    return list(handled_organizations(request.user).order_by("path"))

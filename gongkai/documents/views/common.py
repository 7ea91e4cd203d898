"""Helpers shared by the staff views: find the object the user may act on, report refusals."""

from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse

from gongkai.documents.models import Document
from gongkai.orgs.access import Action, require
from gongkai.orgs.models import Organization


def organization_for(request, code: str, action: Action = Action.VIEW_WORKSPACE) -> Organization:
    organization = get_object_or_404(Organization.objects.select_related("region"), code=code)
    require(request.user, action, organization)
    return organization


def document_for(request, pk: int, action: Action = Action.VIEW_WORKSPACE) -> Document:
    document = get_object_or_404(
        Document.objects.select_related("organization", "theme", "created_by"), pk=pk
    )
    require(request.user, action, document.organization)
    return document


def back(document: Document):
    return redirect(reverse("documents:detail", args=[document.pk]))

"""Which bodies and regions a 公开办 user supervises, and where a drill-down may go."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.http import Http404

from gongkai.orgs.access import Action, organizations_for
from gongkai.orgs.models import Organization, Region


@dataclass(frozen=True)
class Scope:
    organizations: list[Organization]
    top: Region | None  # the smallest region holding every supervised body; None: several trees

    def within(self, region: Region | None) -> list[Organization]:
        if region is None:
            return self.organizations
        return [org for org in self.organizations if org.region.path.startswith(region.path)]

    def ids(self) -> set[int]:
        return {org.id for org in self.organizations}


def _common_region(organizations: list[Organization]) -> Region | None:
    paths = [org.region.path for org in organizations]
    if not paths:
        return None
    codes = [code for code in paths[0].split("/") if code]
    common: list[str] = []
    for code in codes:
        prefix = "".join(f"{c}/" for c in [*common, code])
        if not all(path.startswith(prefix) for path in paths):
            break
        common.append(code)
    return Region.objects.filter(code=common[-1]).first() if common else None


def supervised(user) -> Scope:
    """Every body the user may supervise (Action.SUPERVISE); refused when there is none."""
    organizations = list(
        organizations_for(user, Action.SUPERVISE).select_related("region").order_by("path")
    )
    if not organizations:
        raise PermissionDenied("您没有监督考核权限。")
    return Scope(organizations=organizations, top=_common_region(organizations))


def region_in_scope(scope: Scope, code: str | None) -> Region | None:
    """The region a page asks for: the scope's top by default, never above it, never outside."""
    if not code:
        return scope.top
    region = Region.objects.filter(code=code).first()
    if region is None:
        raise Http404("没有这个行政区划。")
    if scope.top is not None and not region.path.startswith(scope.top.path):
        raise PermissionDenied("该区划不在您的监督范围内。")
    if not scope.within(region):
        raise PermissionDenied("该区划不在您的监督范围内。")
    return region


def organization_in_scope(scope: Scope, code: str) -> Organization:
    organization = next((org for org in scope.organizations if org.code == code), None)
    if organization is None:
        if Organization.objects.filter(code=code).exists():
            raise PermissionDenied("该单位不在您的监督范围内。")
        raise Http404("没有这个单位。")
    return organization


def region_crumbs(scope: Scope, region: Region | None) -> list[Region]:
    """The regions from the scope's top down to ``region``."""
    if region is None:
        return []
    codes = [code for code in region.path.split("/") if code]
    regions = {r.code: r for r in Region.objects.filter(code__in=codes)}
    chain = [regions[code] for code in codes if code in regions]
    if scope.top is not None:
        chain = [r for r in chain if r.path.startswith(scope.top.path)]
    return chain


def supervised_roots(user) -> list[Organization]:
    """The top bodies a user supervises: where a plan, an indicator set or a ranking belongs."""
    organizations = list(
        organizations_for(user, Action.SUPERVISE).select_related("region").order_by("path")
    )
    ids = {org.id for org in organizations}
    return [org for org in organizations if org.parent_id not in ids]

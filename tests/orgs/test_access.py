"""The one access decision, walked through every role — including the neighbouring township's editor."""

import pytest

from gongkai.orgs.access import Action, can, organizations_for
from gongkai.orgs.models import Organization


@pytest.mark.parametrize(
    ("persona", "target", "action", "allowed"),
    [
        ("editor", "township", Action.EDIT_CATALOG, True),
        ("editor", "township", Action.PUBLISH_CATALOG, False),
        ("editor", "neighbour", Action.VIEW_WORKSPACE, False),
        ("editor", "neighbour", Action.EDIT_CATALOG, False),
        ("editor", "county", Action.VIEW_WORKSPACE, False),
        ("neighbour_editor", "township", Action.EDIT_CATALOG, False),
        ("neighbour_editor", "township", Action.VIEW_WORKSPACE, False),
        ("reviewer", "township", Action.PUBLISH_CATALOG, True),
        ("reviewer", "township", Action.EDIT_CATALOG, False),
        ("township_admin", "township", Action.MANAGE_MEMBERS, True),
        ("township_admin", "village", Action.EDIT_CATALOG, False),
        ("supervisor", "township", Action.VIEW_WORKSPACE, True),
        ("supervisor", "neighbour", Action.SUPERVISE, True),
        ("supervisor", "village", Action.SUPERVISE, True),
        ("supervisor", "department", Action.VIEW_WORKSPACE, True),
        ("supervisor", "township", Action.EDIT_CATALOG, False),
        ("supervisor", "far_township", Action.VIEW_WORKSPACE, False),
        ("supervisor", "city", Action.SUPERVISE, False),
        ("city_supervisor", "far_township", Action.SUPERVISE, True),
        ("department_editor", "township", Action.EDIT_CATALOG, False),
        ("admin", "far_township", Action.EDIT_CATALOG, True),
    ],
)
def test_role_decides_action_within_scope(world, persona, target, action, allowed):
    assert can(getattr(world, persona), action, getattr(world, target)) is allowed


def test_anonymous_may_do_nothing(world):
    from django.contrib.auth.models import AnonymousUser

    assert not can(AnonymousUser(), Action.VIEW_WORKSPACE, world.township)


def test_inactive_account_is_refused(world):
    world.editor.is_active = False
    assert not can(world.editor, Action.EDIT_CATALOG, world.township)


def test_guidelines_are_managed_by_platform_administrators_only(world):
    assert can(world.admin, Action.MANAGE_GUIDELINES)
    assert not can(world.city_supervisor, Action.MANAGE_GUIDELINES)
    assert not can(world.township_admin, Action.MANAGE_GUIDELINES)


def test_supervisor_scope_is_the_county_subtree(world):
    scope = set(organizations_for(world.supervisor, Action.SUPERVISE))
    expected = set(Organization.objects.filter(path__startswith=world.county.path))
    assert scope == expected
    assert world.far_township not in scope
    assert len(scope) == 1 + 5 + 3 + 2


def test_editor_scope_is_their_own_organization(world):
    assert list(organizations_for(world.editor, Action.EDIT_CATALOG)) == [world.township]

"""The permission matrix: role x whose record (own, supervisee, colleague) x organisation (own, other)."""

import pytest

from learning.organisations.factories import MembershipFactory, OrganisationFactory, UserFactory
from learning.organisations.selectors import memberships_visible_to

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    home, other = OrganisationFactory(), OrganisationFactory()
    supervisor = MembershipFactory(organisation=home, is_supervisor=True)
    learner = MembershipFactory(organisation=home, supervisor=supervisor)
    colleague = MembershipFactory(organisation=home)  # not supervised by `supervisor`
    lead = MembershipFactory(organisation=home, is_learner=False, is_lead=True)
    stranger = MembershipFactory(organisation=other)
    other_lead = MembershipFactory(organisation=other, is_learner=False, is_lead=True)
    admin = UserFactory(is_superuser=True)
    return {
        "learner": learner,
        "supervisor": supervisor,
        "colleague": colleague,
        "lead": lead,
        "stranger": stranger,
        "other_lead": other_lead,
        "admin": admin,
        "home": home,
        "other": other,
    }


def _user(world, actor):
    value = world[actor]
    return value if actor == "admin" else value.user


# (actor, target record, may view?)
RECORD_MATRIX = [
    ("learner", "learner", True),  # own record
    ("learner", "colleague", False),  # same organisation, not theirs
    ("learner", "stranger", False),  # other organisation
    ("supervisor", "learner", True),  # their supervisee
    ("supervisor", "colleague", False),
    ("supervisor", "stranger", False),
    ("supervisor", "supervisor", True),
    ("lead", "learner", True),  # their organisation
    ("lead", "colleague", True),
    ("lead", "stranger", False),  # another organisation
    ("other_lead", "learner", False),
    ("other_lead", "stranger", True),
    ("admin", "learner", True),
    ("admin", "stranger", True),
]


@pytest.mark.parametrize("actor,target,allowed", RECORD_MATRIX)
def test_view_record(world, actor, target, allowed):
    user = _user(world, actor)
    assert user.has_perm("organisations.view_record", world[target]) is allowed
    # The list selector agrees with the predicate, row for row.
    assert memberships_visible_to(user=user).filter(pk=world[target].pk).exists() is allowed


ORG_MATRIX = [
    ("learner", "home", False, False),
    ("supervisor", "home", False, True),
    ("lead", "home", True, True),
    ("lead", "other", False, False),
    ("other_lead", "home", False, False),
    ("admin", "other", True, True),
]


@pytest.mark.parametrize("actor,org,manage,view_staff", ORG_MATRIX)
def test_organisation_permissions(world, actor, org, manage, view_staff):
    user = _user(world, actor)
    assert user.has_perm("organisations.manage_organisation", world[org]) is manage
    assert user.has_perm("organisations.invite_people", world[org]) is manage
    assert user.has_perm("organisations.view_staff", world[org]) is view_staff


def test_inactive_supervisor_loses_access(world):
    world["supervisor"].is_active = False
    world["supervisor"].save()
    assert not world["supervisor"].user.has_perm("organisations.view_record", world["learner"])


def test_person_in_two_organisations_sees_each_only_in_its_role(world):
    """Lead in one organisation, plain learner in another: staff records are visible only where they lead."""
    person = world["lead"].user
    MembershipFactory(user=person, organisation=world["other"])  # a learner there
    assert person.has_perm("organisations.view_record", world["colleague"])
    assert not person.has_perm("organisations.view_record", world["stranger"])
    assert not person.has_perm("organisations.view_staff", world["other"])
    visible = set(memberships_visible_to(user=person).values_list("pk", flat=True))
    assert world["colleague"].pk in visible and world["stranger"].pk not in visible

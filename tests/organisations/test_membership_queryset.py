"""MembershipQuerySet: the one place "who supervises or leads whom" is spelt out. Relationships describe the
supervisor's or lead's side only; the subject's own activity is asked with active()."""

import pytest

from learning.organisations.factories import MembershipFactory, OrganisationFactory, UserFactory
from learning.organisations.models import Membership, Organisation, acting_lead

pytestmark = pytest.mark.django_db


def _pks(queryset):
    return set(queryset.values_list("pk", flat=True))


@pytest.fixture
def world():
    """Two organisations; Sam supervises in both, leads only `home`; Kim left `home` and is inactive there."""
    home, away = OrganisationFactory(), OrganisationFactory()
    sam = UserFactory()
    sam_home = MembershipFactory(user=sam, organisation=home, is_supervisor=True, is_lead=True)
    sam_away = MembershipFactory(user=sam, organisation=away, is_supervisor=True)
    ann = MembershipFactory(organisation=home, supervisor=sam_home)
    kim = MembershipFactory(organisation=home, supervisor=sam_home, is_active=False)
    ben = MembershipFactory(organisation=away, supervisor=sam_away)
    colleague = MembershipFactory(organisation=home)
    stranger = MembershipFactory(organisation=away)
    return {
        "home": home,
        "away": away,
        "sam": sam,
        "sam_home": sam_home,
        "sam_away": sam_away,
        "ann": ann,
        "kim": kim,
        "ben": ben,
        "colleague": colleague,
        "stranger": stranger,
    }


def test_active_excludes_inactive_memberships(world):
    active = _pks(Membership.objects.active())
    assert world["ann"].pk in active
    assert world["kim"].pk not in active


def test_supervised_by_with_active_is_the_supervisors_current_supervisees_in_each_organisation(world):
    supervisees = Membership.objects.active().supervised_by(world["sam"])
    assert _pks(supervisees) == {world["ann"].pk, world["ben"].pk}
    assert _pks(supervisees.in_organisation(world["home"])) == {world["ann"].pk}


def test_supervised_by_keeps_the_record_of_a_supervisee_who_left(world):
    # The supervisor may still open the record of someone who left (organisations.view_record); lists of
    # current staff chain active().
    assert world["kim"].pk in _pks(Membership.objects.supervised_by(world["sam"]))


def test_supervised_by_is_empty_once_the_supervisor_is_inactive_or_loses_the_role(world):
    Membership.objects.filter(pk=world["sam_home"].pk).update(is_active=False)
    assert _pks(Membership.objects.supervised_by(world["sam"])) == {world["ben"].pk}
    Membership.objects.filter(pk=world["sam_away"].pk).update(is_supervisor=False)
    assert not Membership.objects.supervised_by(world["sam"]).exists()


def test_supervised_by_names_nobody_for_a_colleague(world):
    assert not Membership.objects.supervised_by(world["ann"].user).exists()


def test_led_by_with_active_is_the_current_staff_of_organisations_the_user_actively_leads(world):
    led = _pks(Membership.objects.active().led_by(world["sam"]))
    assert led == {
        world["sam_home"].pk,
        world["ann"].pk,
        world["colleague"].pk,
    }  # home only: Sam is no lead away
    assert world["kim"].pk in _pks(Membership.objects.led_by(world["sam"]))  # a lead may see who left


def test_led_by_is_empty_once_the_lead_membership_is_inactive(world):
    Membership.objects.filter(pk=world["sam_home"].pk).update(is_active=False)
    assert not Membership.objects.led_by(world["sam"]).exists()


def test_roles_filter_the_membership_not_the_person(world):
    # Sam is a lead in one organisation and a supervisor in both: each role belongs to its own membership.
    assert _pks(Membership.objects.active().leads().filter(user=world["sam"])) == {world["sam_home"].pk}
    assert _pks(Membership.objects.active().supervisors().filter(user=world["sam"])) == {
        world["sam_home"].pk,
        world["sam_away"].pk,
    }
    assert _pks(Membership.objects.active().learners().in_organisation(world["away"])) == {
        world["sam_away"].pk,
        world["ben"].pk,
        world["stranger"].pk,
    }


def test_related_managers_offer_the_same_methods(world):
    assert _pks(world["home"].memberships.active().supervisors()) == {world["sam_home"].pk}
    assert world["sam"].memberships.active().supervisors().count() == 2


def test_acting_lead_through_a_relation_applies_to_one_membership(world):
    # Sam leads `home` and is active in `away` without the lead role: the conditions must meet in one
    # membership.
    assert list(Organisation.objects.filter(acting_lead("memberships__", user=world["sam"]))) == [
        world["home"]
    ]


def test_is_acting_supervisor(world):
    assert world["sam_home"].is_acting_supervisor
    world["sam_home"].is_active = False
    assert not world["sam_home"].is_acting_supervisor
    assert not world["ann"].is_acting_supervisor

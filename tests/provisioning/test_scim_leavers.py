"""Leavers: Entra disables (PATCH active "False" or false, or PUT) or deletes a person. Their membership ends
and is kept for reports, their account closes when no other organisation has them, and every session they have
ends: a browser signed in a moment ago is sent to sign in, and their password no longer opens the door."""

from importlib import import_module

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from wagtail.models import ModelLogEntry

from learning.organisations.factories import MembershipFactory, OrganisationFactory
from learning.organisations.models import Membership
from learning.privacy.erasure import person_erase
from learning.provisioning import actions
from learning.provisioning.models import ScimPerson
from tests.provisioning import entra
from tests.provisioning.conftest import Scim

SessionStore = import_module(settings.SESSION_ENGINE).SessionStore
PASSWORD = "a-good-test-password"
LOGIN = reverse("account_login")


@pytest.fixture(autouse=True)
def _no_rate_limits(settings):
    settings.ACCOUNT_RATE_LIMITS = False


@pytest.fixture
def joiner(scim):
    """Provisioned by Entra, then given a password (as through a reset link) so they can sign in with it."""
    body = scim.post("/Users", entra.create_user()).json()
    person = ScimPerson.objects.select_related("user").get(scim_id=body["id"])
    person.user.set_password(PASSWORD)
    person.user.save()
    return person


def _browser_signed_in(user):
    """Another browser, signed in through allauth's form as people are."""
    browser = Client()
    response = browser.post(LOGIN, {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302, response.content
    assert browser.get(reverse("my_learning")).status_code == 200
    return browser


def _assert_lost_access(browser, user):
    session_key = browser.cookies[settings.SESSION_COOKIE_NAME].value
    assert not SessionStore().exists(session_key)  # ended in the store, not merely refused by a backend
    mine = reverse("my_learning")
    response = browser.get(mine)
    assert response.status_code == 302
    assert response["Location"] == f"{LOGIN}?next={mine}"
    again = browser.post(LOGIN, {"login": user.email, "password": PASSWORD})
    assert (again.status_code, again["Location"]) == (302, reverse("account_inactive"))
    assert "_auth_user_id" not in browser.session


@pytest.mark.parametrize("value", [False, "False"], ids=["boolean", "entra-string"])
def test_a_disabled_leaver_loses_access_at_once(scim, joiner, organisation, value):
    browser = _browser_signed_in(joiner.user)

    response = scim.patch(f"/Users/{joiner.scim_id}", entra.disable_user(value))

    assert response.status_code == 200, response.content
    assert response.json()["active"] is False
    membership = Membership.objects.get(user=joiner.user, organisation=organisation)
    assert not membership.is_active  # kept, inactive, for reports
    joiner.user.refresh_from_db()
    assert not joiner.user.is_active
    _assert_lost_access(browser, joiner.user)
    logged = set(ModelLogEntry.objects.values_list("action", flat=True))
    assert {actions.PERSON_LEFT, actions.ACCOUNT_DEACTIVATED} <= logged


def test_a_deleted_leaver_loses_access_and_is_gone_from_scim(scim, joiner, organisation):
    browser = _browser_signed_in(joiner.user)

    assert scim.delete(f"/Users/{joiner.scim_id}").status_code == 204

    assert scim.get(f"/Users/{joiner.scim_id}").status_code == 404
    assert Membership.objects.filter(user=joiner.user, organisation=organisation, is_active=False).exists()
    _assert_lost_access(browser, joiner.user)


def test_a_put_with_active_false_is_a_leaver_too(scim, joiner, organisation):
    body = entra.create_user()
    body["active"] = False
    response = scim.put(f"/Users/{joiner.scim_id}", body)
    assert response.status_code == 200, response.content
    assert not Membership.objects.get(user=joiner.user, organisation=organisation).is_active


def test_someone_in_another_organisation_keeps_their_account_but_is_signed_out(scim, joiner, organisation):
    MembershipFactory(user=joiner.user, organisation=OrganisationFactory())
    browser = _browser_signed_in(joiner.user)

    scim.patch(f"/Users/{joiner.scim_id}", entra.disable_user("False"))

    joiner.user.refresh_from_db()
    assert joiner.user.is_active  # the other organisation still has them
    assert not Membership.objects.get(user=joiner.user, organisation=organisation).is_active
    assert not SessionStore().exists(browser.cookies[settings.SESSION_COOKIE_NAME].value)
    response = browser.get(reverse("my_learning"))
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)  # signed out everywhere


def test_enabling_again_resumes_the_membership_with_its_roles(scim, joiner, organisation):
    Membership.objects.filter(user=joiner.user, organisation=organisation).update(is_supervisor=True)
    scim.patch(f"/Users/{joiner.scim_id}", entra.disable_user("False"))

    response = scim.patch(f"/Users/{joiner.scim_id}", entra.disable_user("True"))

    assert response.json()["active"] is True
    membership = Membership.objects.get(user=joiner.user, organisation=organisation)
    assert (membership.is_active, membership.is_supervisor) == (True, True)
    joiner.user.refresh_from_db()
    assert joiner.user.is_active


def test_a_platform_account_is_never_deactivated_by_an_organisation(scim, joiner):
    joiner.user.is_staff = True
    joiner.user.save()
    scim.patch(f"/Users/{joiner.scim_id}", entra.disable_user(False))
    joiner.user.refresh_from_db()
    assert joiner.user.is_active


def test_a_leaver_seen_from_another_token_is_not_found(client, joiner, other_scim: Scim):
    assert other_scim.patch(f"/Users/{joiner.scim_id}", entra.disable_user(False)).status_code == 404
    assert Membership.objects.get(user=joiner.user, organisation=joiner.organisation).is_active


def test_erasing_a_person_forgets_what_scim_held_about_them(scim, joiner):
    _browser_signed_in(joiner.user)
    record = person_erase(user=joiner.user, actor=None)
    assert (record.counts["scim_people"], record.counts["user_sessions"]) == (1, 1)
    assert scim.get(f"/Users/{joiner.scim_id}").status_code == 404


def test_a_deleted_leaver_provisioned_again_is_a_joiner_with_their_account_open(scim, joiner, organisation):
    scim.delete(f"/Users/{joiner.scim_id}")
    again = scim.post("/Users", entra.create_user())
    assert again.status_code == 201, again.content
    assert again.json()["id"] != joiner.scim_id
    joiner.user.refresh_from_db()
    assert joiner.user.is_active
    assert Membership.objects.get(user=joiner.user, organisation=organisation).is_active

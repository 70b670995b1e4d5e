"""Signing in with the organisation's own accounts, end to end in Chromium, through real identity providers
started for the test (tests/sso/peers.py): an OpenID Connect provider and a SAML IdP. A first sign-in makes an
account where the organisation allows it or an invitation waits, or finds the existing one by address; an
organisation that requires single sign-on refuses the password; whether the provider used a second factor is
recorded and shown."""

from urllib.parse import urlsplit

import pytest
from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from django.contrib.auth import get_user_model
from wagtail.models import ModelLogEntry

from learning.organisations.factories import MembershipFactory, TeamFactory
from learning.organisations.models import Invitation, Membership
from learning.sso.services import SIGNED_IN
from tests.browser.conftest import MEMBER_PASSWORD
from tests.sso.conftest import sign_on_make
from tests.sso.peers import signing_pair, start, stop

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
OIDC_KEY, SAML_KEY = "lothian", "fife"


@pytest.fixture
def oidc_peer(live_server, peer_hosts):
    callback = f"{live_server.url}/accounts/oidc/{OIDC_KEY}/login/callback/"
    process, url = start(
        "oidc-provider.mjs", CLIENT_ID="wfl", CLIENT_SECRET="peer-secret", REDIRECT_URIS=callback
    )
    peer_hosts.add(urlsplit(url).netloc)
    yield url
    stop(process)


@pytest.fixture
def saml_peer(tmp_path, peer_hosts):
    cert, key, body = signing_pair(tmp_path)
    process, url = start("saml-idp.mjs", CERT=str(cert), KEY=str(key))
    peer_hosts.add(urlsplit(url).netloc)
    yield url, body
    stop(process)


def _oidc(oidc_peer, **fields):
    return sign_on_make(
        key=OIDC_KEY,
        domains="lothian.example.org",
        server_url=oidc_peer,
        client_id="wfl",
        client_secret="peer-secret",
        **fields,
    )


def _saml(saml_peer, **fields):
    url, cert = saml_peer
    return sign_on_make(
        protocol="saml",
        key=SAML_KEY,
        domains="fife.example.org",
        idp_entity_id=f"{url}/metadata",
        idp_sso_url=f"{url}/sso",
        idp_x509cert=cert,
        **fields,
    )


def _through_the_provider(page, organisation, email, *, mfa):
    page.goto("/accounts/login/")
    page.get_by_role("button", name=f"Sign in with {organisation}").click()
    page.get_by_label("Work email").fill(email)
    page.get_by_label("Password").fill("the-identity-provider-checks-this")
    if mfa:
        page.get_by_label("I confirmed with my authenticator app").check()
    page.get_by_role("button", name="Sign in to the identity provider").click()
    page.wait_for_load_state()


def _signed_in_entry(user):
    return ModelLogEntry.objects.get(action=SIGNED_IN, object_id=str(user.pk))


def test_oidc_first_sign_in_creates_the_account_with_the_organisations_defaults(page, oidc_peer, axe_check):
    sign_on = _oidc(oidc_peer, allow_jit_accounts=True)
    team = TeamFactory(organisation=sign_on.organisation, name="Family support")
    sign_on.jit_team = team
    sign_on.save()
    page.goto("/accounts/login/")
    assert axe_check(page) == []

    _through_the_provider(page, "NHS Lothian", "sam.jones@lothian.example.org", mfa=True)

    assert urlsplit(page.url).path == "/my-learning/"
    user = get_user_model().objects.get(email="sam.jones@lothian.example.org")
    assert (user.first_name, user.last_name, user.has_usable_password()) == ("Sam", "Jones", False)
    assert EmailAddress.objects.get(user=user).verified
    membership = Membership.objects.get(user=user)
    assert (membership.organisation, membership.team, membership.is_learner) == (
        sign_on.organisation,
        team,
        True,
    )
    assert SocialAccount.objects.get(user=user).provider == OIDC_KEY
    assert _signed_in_entry(user).data["provider_mfa"] is True
    page.goto("/accounts/")
    card = page.get_by_role("listitem").filter(has_text="Your organisation's sign-in")
    assert "NHS Lothian work account" in card.inner_text() and "used a second factor" in card.inner_text()


def test_saml_first_sign_in_takes_up_the_invitation(page, saml_peer, axe_check):
    sign_on = _saml(saml_peer)  # no accounts at first sign-in: only the invited
    lead = MembershipFactory(organisation=sign_on.organisation, is_lead=True).user
    Invitation.objects.create(
        organisation=sign_on.organisation,
        email="alex.reid@fife.example.org",
        is_supervisor=True,
        invited_by=lead,
        expires_at="2099-01-01T00:00:00Z",
    )

    _through_the_provider(page, "NHS Fife", "alex.reid@fife.example.org", mfa=True)

    user = get_user_model().objects.get(email="alex.reid@fife.example.org")
    membership = Membership.objects.get(user=user)
    assert (membership.organisation, membership.is_supervisor) == (sign_on.organisation, True)
    assert Invitation.objects.get(email=user.email).accepted_at is not None
    assert SocialAccount.objects.get(user=user).provider == SAML_KEY
    assert _signed_in_entry(user).data["provider_mfa"] is True  # the AuthnContextClassRef said MultiFactor
    assert axe_check(page) == []


def test_sso_required_refuses_the_password_and_the_button_finds_the_account(page, saml_peer, member, sign_in):
    sign_on = _saml(saml_peer, require_sso=True)
    person = member(email="kim.lee@fife.example.org", first_name="Kim", last_name="Lee")
    Membership.objects.filter(user=person).update(organisation=sign_on.organisation)

    sign_in(page, person.email, MEMBER_PASSWORD)

    alert = page.get_by_text("NHS Fife signs its staff in with their work account")
    assert alert.is_visible()
    assert urlsplit(page.url).path == "/accounts/login/"
    _through_the_provider(page, "NHS Fife", person.email, mfa=False)
    assert urlsplit(page.url).path == "/my-learning/"
    assert SocialAccount.objects.get(provider=SAML_KEY).user == person  # linked, not a second account
    assert get_user_model().objects.filter(email=person.email).count() == 1
    assert _signed_in_entry(person).data["provider_mfa"] is False
    page.goto("/accounts/")
    assert page.get_by_text("did not report a second factor").is_visible()


def test_a_person_neither_invited_nor_allowed_to_join_is_told_why(page, oidc_peer, axe_check):
    _oidc(oidc_peer)  # no accounts at first sign-in

    _through_the_provider(page, "NHS Lothian", "new.person@lothian.example.org", mfa=False)

    assert page.get_by_role("heading", name="We could not sign you in").is_visible()
    assert page.get_by_text("has not set up a place for new.person@lothian.example.org").is_visible()
    assert not get_user_model().objects.filter(email="new.person@lothian.example.org").exists()
    assert axe_check(page) == []


def test_an_address_outside_the_organisations_domains_is_refused(page, oidc_peer):
    _oidc(oidc_peer, allow_jit_accounts=True)

    _through_the_provider(page, "NHS Lothian", "someone@gmail.example", mfa=False)

    assert page.get_by_text("is not one of the email domains NHS Lothian has set up here").is_visible()
    assert not get_user_model().objects.filter(email="someone@gmail.example").exists()

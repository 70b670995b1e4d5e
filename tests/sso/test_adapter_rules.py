"""The single sign-on adapter's rules, on sign-ins built by allauth's own provider from what an identity
provider returns: which addresses are trusted, who may get an account, what the account joins, and whether
the provider's second factor is recorded. (tests/browser/test_sso_sign_in.py goes through real providers.)"""

from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import get_adapter
from allauth.socialaccount.models import SocialApp
from django.contrib.sessions.backends.cache import SessionStore
from django.test import RequestFactory
from django.utils import timezone

from learning.organisations.factories import MembershipFactory, TeamFactory, UserFactory
from learning.organisations.models import Invitation, Membership
from learning.sso.mfa import AUTHN_CONTEXTS, ENTRA_AUTHN_METHODS, provider_used_mfa
from learning.sso.services import sso_membership_ensure

pytestmark = pytest.mark.django_db
EMAIL = "sam.jones@lothian.example.org"


def _request():
    request = RequestFactory().get("/accounts/oidc/lothian/login/callback/")
    request.session = SessionStore()
    return request


def _oidc_login(email=EMAIL, amr=("pwd",)):
    request = _request()
    provider = SocialApp.objects.get(provider_id="lothian").get_provider(request)
    claims = {"sub": email, "email": email, "email_verified": False, "given_name": "Sam"}
    login = provider.sociallogin_from_response(
        request, {"userinfo": claims, "id_token": {**claims, "amr": amr}}
    )
    login.lookup()
    return request, login


def _refusal(request, login):
    with pytest.raises(ImmediateHttpResponse) as refused:
        get_adapter().pre_social_login(request, login)
    return refused.value.response


def _invite(sign_on, email=EMAIL, **roles):
    lead = MembershipFactory(organisation=sign_on.organisation, is_lead=True).user
    return Invitation.objects.create(
        organisation=sign_on.organisation,
        email=email,
        invited_by=lead,
        expires_at=timezone.now() + timedelta(days=7),
        **roles,
    )


def test_the_organisations_domains_are_verified_and_no_others(sign_on):
    sign_on()
    inside = _oidc_login()[1]
    outside = _oidc_login("sam@elsewhere.example")[1]

    assert [a.verified for a in inside.email_addresses] == [True]  # the provider said email_verified: false
    assert [a.verified for a in outside.email_addresses] == [False]


def test_an_address_outside_the_domains_is_refused_even_with_an_account(sign_on):
    sign_on(allow_jit_accounts=True)
    UserFactory(email="sam@elsewhere.example")
    request, login = _oidc_login("sam@elsewhere.example")

    assert not login.is_existing  # not found by address: the provider is not trusted for it
    response = _refusal(request, login)
    assert response.status_code == 403
    assert "is not one of the email domains NHS Lothian has set up here" in response.content.decode()


def test_an_existing_account_in_the_domain_is_found_by_address(sign_on):
    sign_on()  # no accounts at first sign-in: finding one is not making one
    user = UserFactory(email=EMAIL)
    EmailAddress.objects.create(user=user, email=EMAIL, verified=True, primary=True)
    request, login = _oidc_login()

    assert login.is_existing and login.user == user
    get_adapter().pre_social_login(request, login)  # no refusal


def test_a_new_person_needs_an_invitation_or_accounts_at_first_sign_in(sign_on):
    saved = sign_on()
    request, login = _oidc_login()
    response = _refusal(request, login)
    assert "has not set up a place for sam.jones@lothian.example.org here" in response.content.decode()

    _invite(saved)
    get_adapter().pre_social_login(*_oidc_login())  # now allowed

    Invitation.objects.all().delete()
    saved.allow_jit_accounts = True
    saved.save()
    get_adapter().pre_social_login(*_oidc_login())


def test_no_organisation_behind_the_provider_is_refused(sign_on):
    saved = sign_on()
    request, login = _oidc_login()
    saved.delete()  # the SocialApp stays, but no organisation claims it

    assert "not linked to any organisation" in _refusal(request, login).content.decode()


def test_joining_by_invitation_takes_its_roles(sign_on):
    saved = sign_on(allow_jit_accounts=True)
    _invite(saved, is_supervisor=True, is_learner=False)
    user = UserFactory(email=EMAIL)

    membership = sso_membership_ensure(sign_on=saved, user=user)

    assert (membership.is_supervisor, membership.is_learner) == (True, False)
    assert Invitation.objects.get().accepted_at is not None


def test_joining_without_invitation_takes_the_organisations_defaults(sign_on):
    saved = sign_on(allow_jit_accounts=True, jit_is_supervisor=True)
    saved.jit_team = TeamFactory(organisation=saved.organisation)
    saved.save()

    membership = sso_membership_ensure(sign_on=saved, user=UserFactory(email=EMAIL))

    assert (membership.team, membership.is_learner, membership.is_supervisor, membership.is_lead) == (
        saved.jit_team,
        True,
        True,
        False,
    )


def test_no_membership_without_invitation_or_defaults_and_a_leaver_is_not_brought_back(sign_on):
    saved = sign_on()
    assert sso_membership_ensure(sign_on=saved, user=UserFactory(email=EMAIL)) is None

    saved.allow_jit_accounts = True
    saved.save()
    leaver = MembershipFactory(organisation=saved.organisation, is_active=False).user
    assert sso_membership_ensure(sign_on=saved, user=leaver) is None
    assert not Membership.objects.get(user=leaver).is_active


def test_openid_connect_mfa_is_read_from_amr(sign_on):
    sign_on()
    assert provider_used_mfa(_oidc_login(amr=["pwd", "mfa"])[1]) is True
    assert provider_used_mfa(_oidc_login(amr=["pwd"])[1]) is False


@pytest.mark.parametrize(
    ("extra_data", "used"),
    [
        ({AUTHN_CONTEXTS: ["urn:oasis:names:tc:SAML:2.0:ac:classes:MultiFactor"]}, True),
        ({AUTHN_CONTEXTS: ["https://refeds.org/profile/mfa"]}, True),
        # Entra ID: the class says Password, the attribute names the methods
        (
            {
                AUTHN_CONTEXTS: ["urn:oasis:names:tc:SAML:2.0:ac:classes:Password"],
                ENTRA_AUTHN_METHODS: ["http://schemas.microsoft.com/claims/multipleauthn"],
            },
            True,
        ),
        ({AUTHN_CONTEXTS: ["urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport"]}, False),
        ({}, False),
    ],
)
def test_saml_mfa_is_read_from_the_authn_context_or_entras_attribute(sign_on, extra_data, used):
    sign_on(protocol="saml", key="fife")
    app = SocialApp.objects.get(provider="saml")
    login = type("Login", (), {})()
    login.provider = app.get_provider(_request())
    login.account = type("Account", (), {"extra_data": extra_data})()

    assert provider_used_mfa(login) is used

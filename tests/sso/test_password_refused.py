"""An organisation that requires single sign-on: its addresses and its members cannot sign in or reset a
password with a password, and are told to use the organisation's button; everyone else signs in as before."""

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from learning.organisations.factories import MembershipFactory, UserFactory

PASSWORD = "a-good-test-password"  # UserFactory's
LOGIN = "/accounts/login/"


def _verified(user):
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def _sign_in(client, email, password=PASSWORD):
    return client.post(LOGIN, {"login": email, "password": password})


def _signed_in(client):
    return "_auth_user_id" in client.session


@pytest.mark.django_db
def test_an_address_in_the_domain_is_told_to_use_the_button(client, sign_on):
    sign_on(require_sso=True)
    user = _verified(UserFactory(email="sam@lothian.example.org"))

    response = _sign_in(client, user.email)

    assert response.status_code == 200 and not _signed_in(client)
    assert "Sign in with NHS Lothian" in response.content.decode()  # the message names the button
    assert "use “Sign in with NHS Lothian”" in response.content.decode()


@pytest.mark.django_db
def test_a_member_with_another_address_is_refused_once_the_password_is_right(client, sign_on):
    organisation = sign_on(require_sso=True).organisation
    user = _verified(MembershipFactory(organisation=organisation, user__email="sam@home.example").user)

    wrong = _sign_in(client, user.email, "not-the-password")
    assert "signs its staff in with their work account" not in wrong.content.decode()

    right = _sign_in(client, user.email)
    assert not _signed_in(client)
    assert "NHS Lothian signs its staff in with their work account" in right.content.decode()


@pytest.mark.django_db
def test_without_require_sso_the_password_still_works(client, sign_on):
    organisation = sign_on(require_sso=False).organisation
    user = _verified(MembershipFactory(organisation=organisation, user__email="sam@lothian.example.org").user)

    _sign_in(client, user.email)

    assert _signed_in(client)


@pytest.mark.django_db
def test_a_former_member_signs_in_with_a_password_again(client, sign_on):
    organisation = sign_on(require_sso=True).organisation
    user = _verified(MembershipFactory(organisation=organisation, user__email="sam@home.example").user)
    user.memberships.update(is_active=False)

    _sign_in(client, user.email)

    assert _signed_in(client)


@pytest.mark.django_db
def test_a_password_reset_sends_no_link_but_says_to_use_the_button(client, sign_on):
    organisation = sign_on(require_sso=True).organisation
    user = _verified(MembershipFactory(organisation=organisation, user__email="sam@home.example").user)

    client.post("/accounts/password/reset/", {"email": user.email})

    (message,) = mail.outbox
    body = message.body
    assert message.subject.endswith("Sign in with your work account")
    assert "Sign in with NHS Lothian" in body and "/accounts/password/reset/key/" not in body
    assert "Sign in with NHS Lothian" in message.alternatives[0][0]


@pytest.mark.django_db
def test_others_still_get_a_reset_link(client, sign_on):
    sign_on(require_sso=True)
    user = _verified(UserFactory(email="pat@elsewhere.example"))

    client.post("/accounts/password/reset/", {"email": user.email})

    (message,) = mail.outbox
    assert "/accounts/password/reset/key/" in message.body

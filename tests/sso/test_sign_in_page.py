"""The sign-in page offers each organisation's button (and lets its form reach the provider); the provider
pages answer clearly when something is wrong; and the platform's second factor is not asked again after a
sign-in through the organisation's provider."""

import pytest
from allauth.account.internal.flows.login import record_authentication
from django.test import RequestFactory

from learning.organisations.factories import MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db
LOGIN = "/accounts/login/"


def test_the_sign_in_page_offers_each_organisations_button(client, sign_on, django_assert_max_num_queries):
    sign_on(key="lothian", server_url="https://login.example/lothian/v2.0")
    sign_on(
        protocol="saml", key="fife", domains="fife.example.org", idp_sso_url="https://idp.fife.example/sso"
    )
    OrganisationFactory(name="No sign-on")

    with django_assert_max_num_queries(6):
        response = client.get(LOGIN)

    page = response.content.decode()
    assert page.index("Sign in with NHS Fife") < page.index("Sign in with NHS Lothian")
    assert 'action="/accounts/oidc/lothian/login/"' in page and 'action="/accounts/saml/fife/login/"' in page
    assert "No sign-on" not in page
    form_action = response["Content-Security-Policy"].split("form-action")[1].split(";")[0]
    assert form_action.split() == ["'self'", "https://idp.fife.example", "https://login.example"]


def test_without_sign_on_the_page_and_its_policy_are_as_before(client):
    response = client.get(LOGIN)

    assert "Sign in with your organisation" not in response.content.decode()
    assert "form-action 'self';" in response["Content-Security-Policy"] + ";"


def test_a_provider_that_cannot_be_reached_gets_a_clear_page(client, sign_on):
    sign_on(server_url="http://127.0.0.1:9/")  # nothing listens there

    response = client.post("/accounts/oidc/lothian/login/")

    assert response.status_code == 502
    assert "Your organisation's sign-in is not available" in response.content.decode()


def test_a_request_without_a_host_header_still_gets_the_saml_metadata(client, sign_on):
    sign_on(protocol="saml", key="fife")

    response = client.get("/accounts/saml/fife/metadata/")  # Django's test client sends no Host header

    assert response.status_code == 200 and b"AssertionConsumerService" in response.content


def test_a_privileged_person_signed_in_through_the_provider_is_not_asked_for_the_platforms_code(
    client, settings
):
    settings.MFA_REQUIRED_FOR_PRIVILEGED = True
    lead = MembershipFactory(is_lead=True).user
    client.force_login(lead)
    assert client.get("/coverage/")["Location"].startswith("/accounts/2fa/")  # password-only session: asked

    request = RequestFactory().get("/")
    request.session = client.session
    record_authentication(request, lead, "socialaccount", provider="lothian", uid="x")
    request.session.save()

    organisation = lead.memberships.get().organisation
    assert (
        client.get("/coverage/")["Location"] == f"/coverage/organisation/{organisation.pk}/"
    )  # their dashboard

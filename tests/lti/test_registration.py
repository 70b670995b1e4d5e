"""A workforce lead registers their organisation's LMS: the registration, its deployment (accepted) and the
tool's key pair are made; the same issuer and client ID twice is refused with a message; the list page shows
the URLs to paste into the LMS, in a fixed number of queries."""

import pytest
from lti_tool.models import Key, LtiDeployment, LtiRegistration

from learning.lti.models import LmsRegistration
from learning.organisations.factories import MembershipFactory

pytestmark = pytest.mark.django_db

FORM = {
    "name": "Council Moodle",
    "issuer": "https://moodle.council.example",
    "client_id": "abc123",
    "deployment_id": "7",
    "auth_url": "https://moodle.council.example/mod/lti/auth.php",
    "token_url": "https://moodle.council.example/mod/lti/token.php",
    "keyset_url": "https://moodle.council.example/mod/lti/certs.php",
}


@pytest.fixture
def lead(client):
    membership = MembershipFactory(is_lead=True)
    client.force_login(membership.user)
    return membership


def test_a_lead_registers_an_lms_for_their_organisation(client, lead):
    response = client.post(f"/organisation/{lead.organisation_id}/lms/new/", FORM)
    assert (
        response.status_code == 302 and response["Location"] == f"/organisation/{lead.organisation_id}/lms/"
    )
    lms = LmsRegistration.objects.select_related("registration").get()
    assert lms.organisation == lead.organisation and lms.registered_by == lead.user
    assert lms.registration.issuer == FORM["issuer"] and lms.registration.keyset_url == FORM["keyset_url"]
    assert LtiDeployment.objects.get(registration=lms.registration, deployment_id="7").is_active
    assert Key.objects.active().count() == 1

    again = client.post(f"/organisation/{lead.organisation_id}/lms/new/", FORM)
    assert again.status_code == 200 and "registered already" in again.content.decode()
    assert LtiRegistration.objects.count() == 1 and Key.objects.count() == 1


def test_a_bad_url_is_a_message_not_an_error(client, lead):
    response = client.post(
        f"/organisation/{lead.organisation_id}/lms/new/", {**FORM, "token_url": "not a url"}
    )
    assert response.status_code == 200 and "Enter a valid URL" in response.content.decode()
    assert not LtiRegistration.objects.exists()


def test_the_list_shows_the_urls_to_paste_in_fixed_queries(
    client, lead, django_assert_max_num_queries, settings
):
    settings.WAGTAILADMIN_BASE_URL = "https://learning.example.org"
    for n in range(3):
        client.post(
            f"/organisation/{lead.organisation_id}/lms/new/",
            {**FORM, "client_id": f"c{n}", "deployment_id": f"{n}"},
        )
    with django_assert_max_num_queries(12):
        page = client.get(f"/organisation/{lead.organisation_id}/lms/").content.decode()
    for path in ("/lti/launch/", "/lti/login/", "/lti/jwks/"):
        assert f"https://learning.example.org{path}" in page
    assert page.count("<td>Council Moodle</td>") == 3


def test_the_jwks_publishes_the_public_key_only(client, lead):
    client.post(f"/organisation/{lead.organisation_id}/lms/new/", FORM)
    (key,) = client.get("/lti/jwks/").json()["keys"]
    assert key["kty"] == "RSA" and key["alg"] == "RS256" and key["kid"] and "d" not in key

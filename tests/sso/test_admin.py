"""Platform admins set an organisation's sign-on up in the Wagtail admin; saving writes its SocialApp."""

import pytest
from allauth.socialaccount.models import SocialApp

from learning.organisations.factories import OrganisationFactory, UserFactory
from learning.sso.models import OrganisationSignOn

pytestmark = pytest.mark.django_db
ADD = "/admin/snippets/sso/organisationsignon/add/"


def _form(organisation, **fields):
    return {
        "organisation": organisation.pk,
        "protocol": "openid_connect",
        "key": "nhs-lothian",
        "email_domains": "lothian.example.org",
        "server_url": "https://login.example/tenant/v2.0",
        "client_id": "cid",
        "client_secret": "secret",
        **fields,
    }


def test_an_admin_adds_a_sign_on_and_its_app_is_written(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    organisation = OrganisationFactory(name="NHS Lothian")

    response = client.post(ADD, _form(organisation, require_sso="on"))

    assert response.status_code == 302
    assert OrganisationSignOn.objects.get().require_sso is True
    app = SocialApp.objects.get()
    assert (app.provider, app.provider_id, app.name, app.secret) == (
        "openid_connect",
        "nhs-lothian",
        "NHS Lothian",
        "secret",
    )


def test_a_domain_of_another_organisation_is_refused_on_the_form(client, sign_on):
    sign_on(domains="lothian.example.org")
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    response = client.post(ADD, _form(OrganisationFactory(), key="other"))

    assert response.status_code == 200
    assert "lothian.example.org is already a domain of NHS Lothian" in response.content.decode()
    assert SocialApp.objects.count() == 1

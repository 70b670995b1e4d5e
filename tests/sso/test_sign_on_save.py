"""An organisation's sign-on writes its allauth SocialApp, and refuses what could not work or would trust a
provider for another organisation's people."""

import pytest
from allauth.socialaccount.models import SocialApp

from learning.core.errors import ServiceError
from learning.organisations.factories import TeamFactory
from learning.sso.models import OrganisationSignOn
from learning.sso.services import sign_on_save

pytestmark = pytest.mark.django_db


def test_openid_connect_writes_the_app_with_its_issuer_and_pkce(sign_on):
    saved = sign_on(key="lothian", server_url="https://login.example/tenant/v2.0", client_id="cid")

    app = SocialApp.objects.get(provider="openid_connect", provider_id="lothian")
    assert (app.name, app.client_id, app.secret) == ("NHS Lothian", "cid", "s")
    assert app.settings["server_url"] == "https://login.example/tenant/v2.0"
    assert app.settings["oauth_pkce_enabled"] is True
    assert saved.trusts("Sam@Lothian.Example.org") and not saved.trusts("sam@example.org")


def test_saml_writes_the_idp_and_asks_for_signed_assertions(sign_on):
    sign_on(protocol="saml", key="fife")

    app = SocialApp.objects.get(provider="saml", client_id="fife")
    assert app.settings["idp"] == {
        "entity_id": "urn:idp",
        "sso_url": "http://127.0.0.1:9/sso",
        "x509cert": "MIIB",
    }
    assert app.settings["advanced"]["want_assertion_signed"] is True


def test_changing_the_key_replaces_the_app(sign_on):
    saved = sign_on(key="old")
    saved.key = "new"
    sign_on_save(sign_on=saved)

    assert list(SocialApp.objects.values_list("provider_id", flat=True)) == ["new"]


def test_left_empty_the_connection_comes_from_settings(sign_on):
    sign_on(server_url="", client_id="", client_secret="")

    assert not SocialApp.objects.exists()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"domains": " "}, "Give at least one email domain."),
        ({"client_id": ""}, "OpenID Connect needs the client ID"),
    ],
)
def test_what_could_not_work_is_refused(sign_on, fields, message):
    with pytest.raises(ServiceError, match=message):
        sign_on(**fields)
    assert not OrganisationSignOn.objects.exists() and not SocialApp.objects.exists()


def test_a_partial_saml_idp_is_refused(sign_on):
    with pytest.raises(ServiceError, match="together, or the metadata URL"):
        sign_on(protocol="saml", idp_x509cert="")


def test_a_domain_belongs_to_one_organisation(sign_on):
    sign_on(key="lothian", domains="nhs.example lothian.example")

    with pytest.raises(ServiceError, match=r"nhs\.example is already a domain of NHS Lothian"):
        sign_on(key="fife", domains="fife.example NHS.example")


def test_new_accounts_join_a_team_of_the_organisation_only(sign_on):
    other_team = TeamFactory()

    with pytest.raises(ServiceError, match="Choose a team of this organisation"):
        sign_on(jit_team=other_team)

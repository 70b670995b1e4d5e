"""Test data for single sign-on: an organisation's sign-on saved through the service (so its SocialApp
exists). The browser tests import sign_on_make from here."""

import pytest

from learning.organisations.factories import OrganisationFactory
from learning.sso.models import OrganisationSignOn
from learning.sso.services import sign_on_save

SAML_CERT = "MIIB"  # a placeholder; the browser tests give the real IdP's certificate


def sign_on_make(*, protocol="openid_connect", key="lothian", domains="lothian.example.org", **fields):
    organisation = fields.pop("organisation", None) or OrganisationFactory(name=f"NHS {key.title()}")
    connection = (
        {"server_url": "http://127.0.0.1:9/oidc", "client_id": "wfl", "client_secret": "s"}
        if protocol == "openid_connect"
        else {"idp_entity_id": "urn:idp", "idp_sso_url": "http://127.0.0.1:9/sso", "idp_x509cert": SAML_CERT}
    )
    sign_on = OrganisationSignOn(
        organisation=organisation,
        protocol=protocol,
        key=key,
        email_domains=domains,
        **{**connection, **fields},
    )
    return sign_on_save(sign_on=sign_on)


@pytest.fixture
def sign_on(db):
    """sign_on(**fields): an organisation's sign-on (OpenID Connect unless protocol="saml")."""
    return sign_on_make

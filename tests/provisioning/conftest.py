"""A SCIM client as Microsoft Entra ID is one: JSON bodies, `application/scim+json`, and the organisation's
bearer token, made as its lead makes it (scim_token_rotate)."""

import json

import pytest

from learning.organisations.factories import MembershipFactory, OrganisationFactory
from learning.provisioning.services.tokens import scim_token_rotate

BASE = "/scim/v2"
SCIM_JSON = "application/scim+json"
ERROR = "urn:ietf:params:scim:api:messages:2.0:Error"


class Scim:
    def __init__(self, client, token):
        self.client, self.token = client, token

    def call(self, method, path, body=None, *, raw=None, token=None):
        headers = {"HTTP_AUTHORIZATION": f"Bearer {token or self.token}"}
        data = raw if raw is not None else (json.dumps(body) if body is not None else "")
        return getattr(self.client, method)(BASE + path, data=data, content_type=SCIM_JSON, **headers)

    def get(self, path, **kw):
        return self.client.get(BASE + path, HTTP_AUTHORIZATION=f"Bearer {kw.get('token') or self.token}")

    def post(self, path, body=None, **kw):
        return self.call("post", path, body, **kw)

    def put(self, path, body=None, **kw):
        return self.call("put", path, body, **kw)

    def patch(self, path, body=None, **kw):
        return self.call("patch", path, body, **kw)

    def delete(self, path, **kw):
        return self.call("delete", path, **kw)


@pytest.fixture
def organisation(db):
    return OrganisationFactory(name="NHS Borders")


@pytest.fixture
def lead(organisation):
    return MembershipFactory(organisation=organisation, is_lead=True).user


@pytest.fixture
def scim(client, organisation, lead):
    return Scim(client, scim_token_rotate(organisation=organisation, actor=lead))


@pytest.fixture
def other_scim(client, db):
    """Another organisation's identity provider, with its own token."""
    other = OrganisationFactory(name="Fife Council")
    actor = MembershipFactory(organisation=other, is_lead=True).user
    return Scim(client, scim_token_rotate(organisation=other, actor=actor))


def assert_scim_error(response, status):
    assert response.status_code == status, response.content
    body = response.json()
    assert body["schemas"] == [ERROR]
    assert str(body["status"]) == str(status)
    assert body["detail"]
    return body

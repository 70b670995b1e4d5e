"""Who may call the SCIM endpoints: only an organisation's bearer token, only for its own people and teams.
A signed-in session is no SCIM client; a wrong, rotated or missing token is 401 with a SCIM error."""

import pytest

from learning.organisations.factories import MembershipFactory
from learning.provisioning.services.tokens import scim_token_rotate
from tests.provisioning import entra
from tests.provisioning.conftest import BASE, assert_scim_error

PATHS = ("/Users", "/Groups", "/ServiceProviderConfig", "/Schemas", "/ResourceTypes")


@pytest.mark.parametrize("path", PATHS)
def test_no_token_a_wrong_token_or_another_scheme_is_401(client, scim, path):
    assert_scim_error(client.get(BASE + path), 401)
    assert_scim_error(client.get(BASE + path, HTTP_AUTHORIZATION="Bearer not-a-token"), 401)
    assert_scim_error(client.get(BASE + path, HTTP_AUTHORIZATION=f"Basic {scim.token}"), 401)
    assert client.get(BASE + path, HTTP_AUTHORIZATION=f"Bearer {scim.token}").status_code == 200


def test_a_signed_in_lead_without_the_token_is_401(client, scim, lead):
    client.force_login(lead)
    response = client.post(BASE + "/Users", entra.create_user(), content_type="application/scim+json")
    assert_scim_error(response, 401)
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_a_rotated_token_stops_working_at_once(scim, organisation, lead):
    new = scim_token_rotate(organisation=organisation, actor=lead)
    assert_scim_error(scim.get("/Users"), 401)
    assert scim.get("/Users", token=new).status_code == 200


def test_each_token_sees_only_its_organisations_people_and_teams(scim, other_scim):
    ours = scim.post("/Users", entra.create_user()).json()["id"]
    group = scim.post("/Groups", entra.create_group()).json()["id"]
    # the same person, provisioned by the other organisation too: a resource of its own
    theirs = other_scim.post("/Users", entra.create_user()).json()["id"]
    assert theirs != ours

    assert [r["id"] for r in scim.get("/Users").json()["Resources"]] == [ours]
    assert [r["id"] for r in other_scim.get("/Users").json()["Resources"]] == [theirs]
    assert (
        other_scim.get('/Users?filter=userName eq "Test_User_ab6490ee@testuser.com"').json()["Resources"][0][
            "id"
        ]
        == theirs
    )
    for path in (f"/Users/{ours}", f"/Groups/{group}"):
        assert_scim_error(other_scim.get(path), 404)
        assert_scim_error(other_scim.put(path, entra.create_user()), 404)
        assert_scim_error(other_scim.patch(path, entra.disable_user()), 404)
        assert_scim_error(other_scim.delete(path), 404)
    assert scim.get(f"/Users/{ours}").json()["active"] is True
    assert other_scim.get("/Groups").json()["totalResults"] == 0


def test_discovery_endpoints_describe_the_service(scim):
    config = scim.get("/ServiceProviderConfig").json()
    assert config["patch"]["supported"] is True
    assert config["authenticationSchemes"][0]["type"] == "oauthbearertoken"
    types = {r["id"]: r["endpoint"] for r in scim.get("/ResourceTypes").json()["Resources"]}
    assert types == {"User": "/scim/v2/Users", "Group": "/scim/v2/Groups"}
    schemas = {r["id"] for r in scim.get("/Schemas").json()["Resources"]}
    assert {entra.USER, entra.GROUP, entra.ENTERPRISE} <= schemas


def test_the_people_list_costs_the_same_few_queries_however_long(
    scim, organisation, django_assert_max_num_queries
):
    for n in range(6):
        scim.post("/Users", entra.create_user(user_name=f"p{n}@testuser.com", external_id=f"p{n}"))
    group = scim.post("/Groups", entra.create_group()).json()["id"]
    ids = [r["id"] for r in scim.get("/Users").json()["Resources"]]
    scim.patch(f"/Groups/{group}", entra.add_members(*ids))
    MembershipFactory(organisation=organisation)  # staff not provisioned are not SCIM Users
    with django_assert_max_num_queries(6):
        listed = scim.get("/Users").json()
    assert listed["totalResults"] == 6
    with django_assert_max_num_queries(6):
        groups = scim.get("/Groups").json()
    assert len(groups["Resources"][0]["members"]) == 6

"""Bad input gets a SCIM error (400, or 409 for a clash) with the error schema and a detail, never a 500."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.provisioning import entra
from tests.provisioning.conftest import assert_scim_error


@pytest.fixture
def person_id(scim):
    return scim.post("/Users", entra.create_user()).json()["id"]


@pytest.fixture
def group_id(scim):
    return scim.post("/Groups", entra.create_group()).json()["id"]


def test_bodies_that_are_not_a_json_object_are_400(scim, person_id):
    for raw in ("{not json", "[]", '"text"', "42"):
        assert_scim_error(scim.post("/Users", raw=raw), 400)
        assert_scim_error(scim.patch(f"/Users/{person_id}", raw=raw), 400)
    assert_scim_error(scim.post("/Users", raw=b"\xff\xfe{}"), 400)


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"userName": "no-address"},
        {"userName": 7, "emails": [{"value": "a@b.org"}]},
        {"userName": "a@b.org", "active": "perhaps"},
        {"userName": "a@b.org", "name": "Morag Fraser"},
        {"userName": "a@b.org", "emails": [{"value": "not an address@"}]},
        {"userName": "a@b.org", entra.ENTERPRISE: "Family support"},
    ],
)
def test_a_user_that_cannot_be_made_is_400(scim, body):
    assert_scim_error(scim.post("/Users", body), 400)


@pytest.mark.parametrize(
    "body",
    [
        {"schemas": [entra.PATCH]},
        {"Operations": "replace everything"},
        {"Operations": ["replace"]},
        {"Operations": [{"path": "active", "value": False}]},
        {"Operations": [{"op": "Move", "path": "active", "value": False}]},
        {"Operations": [{"op": "Replace", "path": "active", "value": "perhaps"}]},
        {"Operations": [{"op": "Replace", "path": "[[[", "value": "x"}]},
        {"Operations": [{"op": "Replace", "path": "ü", "value": "x"}]},
        {"Operations": [{"op": "Replace", "path": 7, "value": "x"}]},
        {"Operations": [{"op": "Replace", "value": "no path and no map"}]},
        {"Operations": [{"op": "Replace", "path": "name.givenName", "value": {"nested": True}}]},
        {"Operations": [{"op": "Remove"}]},
    ],
)
def test_a_patch_that_cannot_be_applied_is_400(scim, person_id, body):
    assert_scim_error(scim.patch(f"/Users/{person_id}", body), 400)


@pytest.mark.parametrize(
    "operation",
    [
        {"op": "Add", "path": "members", "value": [{"value": "not-a-person"}]},
        {"op": "Add", "path": "members", "value": "everyone"},
        {"op": "Replace", "path": "displayName", "value": ""},
        {"op": "Replace", "path": "owner", "value": "x"},
    ],
)
def test_a_group_patch_that_cannot_be_applied_is_400(scim, group_id, operation):
    assert_scim_error(scim.patch(f"/Groups/{group_id}", entra.patch(operation)), 400)


def test_a_filter_this_service_does_not_speak_is_400(scim):
    for query in (
        'userName co "a"',
        "userName eq unquoted",
        'nickName eq "x"',
        'userName eq "a" or userName eq "b"',
    ):
        assert_scim_error(scim.get(f"/Users?filter={query}"), 400)
    assert_scim_error(scim.get("/Users?startIndex=0"), 400)
    assert_scim_error(scim.get("/Users?count=many"), 400)


def test_a_clash_is_409(scim, person_id):
    scim.post("/Users", entra.create_user(user_name="second@testuser.com", external_id="second"))
    clash = entra.patch({"op": "Replace", "path": "userName", "value": "second@testuser.com"})
    assert assert_scim_error(scim.patch(f"/Users/{person_id}", clash), 409)["scimType"] == "uniqueness"


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=12),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=8,
)
_operation = st.fixed_dictionaries(
    {},
    optional={
        "op": st.sampled_from(["Add", "Replace", "Remove", "add", "nope"]) | _json,
        "path": st.sampled_from(
            ["active", "name.givenName", "emails", "members", "userName", "externalId", ""]
        )
        | st.text(max_size=20)
        | _json,
        "value": _json,
    },
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(operations=st.lists(_operation, max_size=3) | _json)
def test_no_patch_body_is_a_500(scim, person_id, group_id, operations):
    for path in (f"/Users/{person_id}", f"/Groups/{group_id}"):
        response = scim.patch(path, raw=json.dumps({"schemas": [entra.PATCH], "Operations": operations}))
        assert response.status_code in (200, 400, 409), (response.status_code, response.content)

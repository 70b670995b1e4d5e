"""Movers through Groups, as Entra ID sends them: a group is a team of the organisation; adding a member moves
them into it, removing them leaves them in no team."""

from learning.organisations.models import Membership, Team
from learning.provisioning.models import ScimGroup
from tests.provisioning import entra


def _person(scim, name):
    body = entra.create_user(user_name=f"{name}@testuser.com", external_id=name)
    del body[entra.ENTERPRISE]
    return scim.post("/Users", body).json()["id"]


def _team_of(person_id, organisation):
    return Membership.objects.get(user__scim_people__scim_id=person_id, organisation=organisation).team


def test_a_group_is_a_team_and_members_move_in_and_out(scim, organisation):
    morag, iain = _person(scim, "morag"), _person(scim, "iain")
    created = scim.post("/Groups", entra.create_group())
    assert created.status_code == 201, created.content
    group_id = created.json()["id"]
    team = Team.objects.get(organisation=organisation, name="Family support")
    assert ScimGroup.objects.get(scim_id=group_id).team == team

    assert scim.patch(f"/Groups/{group_id}", entra.add_members(morag, iain)).status_code == 200
    assert _team_of(morag, organisation) == team == _team_of(iain, organisation)
    listed = scim.get(f"/Groups/{group_id}").json()
    assert {m["value"] for m in listed["members"]} == {morag, iain}

    assert scim.patch(f"/Groups/{group_id}", entra.remove_members(morag)).status_code == 200
    assert _team_of(morag, organisation) is None
    one = entra.patch({"op": "Remove", "path": f'members[value eq "{iain}"]'})
    assert scim.patch(f"/Groups/{group_id}", one).status_code == 200
    assert _team_of(iain, organisation) is None


def test_joining_a_second_group_moves_the_person(scim, organisation):
    morag = _person(scim, "morag")
    first = scim.post("/Groups", entra.create_group("Team one", "one")).json()["id"]
    second = scim.post("/Groups", entra.create_group("Team two", "two")).json()["id"]
    scim.patch(f"/Groups/{first}", entra.add_members(morag))
    scim.patch(f"/Groups/{second}", entra.add_members(morag))
    assert _team_of(morag, organisation).name == "Team two"
    assert scim.get(f"/Groups/{first}").json()["members"] == []


def test_entra_finds_renames_and_deletes_a_group(scim, organisation):
    group_id = scim.post("/Groups", entra.create_group()).json()["id"]
    found = scim.get('/Groups?excludedAttributes=members&filter=displayName eq "Family support"').json()
    assert [g["id"] for g in found["Resources"]] == [group_id]
    assert "members" not in found["Resources"][0]

    rename = entra.patch({"op": "Replace", "path": "displayName", "value": "Family support (Borders)"})
    assert scim.patch(f"/Groups/{group_id}", rename).json()["displayName"] == "Family support (Borders)"

    assert scim.delete(f"/Groups/{group_id}").status_code == 204
    assert scim.get(f"/Groups/{group_id}").status_code == 404
    assert Team.objects.filter(organisation=organisation, name="Family support (Borders)").exists()  # history


def test_another_organisations_person_cannot_be_added(scim, other_scim):
    stranger = _person(other_scim, "stranger")
    group_id = scim.post("/Groups", entra.create_group()).json()["id"]
    response = scim.patch(f"/Groups/{group_id}", entra.add_members(stranger))
    assert response.status_code == 400
    assert response.json()["scimType"] == "invalidValue"

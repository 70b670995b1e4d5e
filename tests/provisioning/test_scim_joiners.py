"""Joiners and movers as Entra ID provisions them: create, find by filter, change, and the audit trail."""

from allauth.account.models import EmailAddress
from wagtail.models import ModelLogEntry

from learning.organisations.factories import MembershipFactory, OrganisationFactory, UserFactory
from learning.organisations.models import Membership
from learning.provisioning import actions
from learning.provisioning.models import ScimPerson
from tests.provisioning import entra


def _create(scim, **kw):
    response = scim.post("/Users", entra.create_user(**kw))
    assert response.status_code == 201, response.content
    return response.json()


def test_a_joiner_gets_an_account_and_an_active_learner_membership(scim, organisation):
    body = _create(scim)

    person = ScimPerson.objects.get(scim_id=body["id"])
    user = person.user
    assert (user.email, user.first_name, user.last_name) == (
        "test_user_ab6490ee@testuser.com",
        "Morag",
        "Fraser",
    )
    assert not user.has_usable_password()  # they sign in through their organisation, or set one by reset link
    assert EmailAddress.objects.get(user=user).verified
    membership = Membership.objects.get(user=user, organisation=organisation)
    assert (membership.is_active, membership.is_learner, membership.is_lead) == (True, True, False)
    assert membership.team.name == "Family support"  # the enterprise extension's department
    assert body["externalId"] == "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef"
    assert body["active"] is True
    assert body[entra.ENTERPRISE]["department"] == "Family support"
    assert body["meta"]["location"].endswith(f"/scim/v2/Users/{body['id']}")
    logged = set(ModelLogEntry.objects.values_list("action", flat=True))
    assert {actions.PERSON_JOINED, actions.TEAM_CHANGED} <= logged


def test_a_joiner_with_an_account_is_linked_by_email_not_duplicated(scim, organisation):
    existing = MembershipFactory(user=UserFactory(email="test_user_ab6490ee@testuser.com")).user

    body = _create(scim)

    assert ScimPerson.objects.get(scim_id=body["id"]).user == existing
    assert Membership.objects.get(user=existing, organisation=organisation).is_active


def test_an_account_another_organisation_shares_keeps_its_details(scim, organisation):
    """Entra of one organisation cannot rename the account of someone who works in another too."""
    shared = MembershipFactory(
        user=UserFactory(email="test_user_ab6490ee@testuser.com", first_name="Ann", last_name="Other"),
        organisation=OrganisationFactory(),
    ).user
    _create(scim)
    shared.refresh_from_db()
    assert (shared.first_name, shared.last_name) == ("Ann", "Other")


def test_the_same_user_name_twice_is_a_conflict(scim):
    _create(scim)
    response = scim.post("/Users", entra.create_user(external_id="another"))
    assert response.status_code == 409
    assert response.json()["scimType"] == "uniqueness"


def test_entra_finds_people_by_user_name_and_external_id(scim):
    body = _create(scim)
    for query in (
        'userName eq "Test_User_ab6490ee@testuser.com"',
        'externalId eq "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef"',
    ):
        found = scim.get(f"/Users?filter={query}").json()
        assert found["totalResults"] == 1
        assert found["Resources"][0]["id"] == body["id"]
    none = scim.get('/Users?filter=userName eq "nobody@testuser.com"').json()
    assert (none["totalResults"], none["Resources"]) == (0, [])


def test_a_patch_with_paths_changes_email_and_family_name(scim):
    body = _create(scim)
    response = scim.patch(
        f"/Users/{body['id']}", entra.update_user_multi_valued("new.address@testuser.com", "Reid")
    )
    assert response.status_code == 200, response.content
    user = ScimPerson.objects.get(scim_id=body["id"]).user
    assert (user.email, user.last_name) == ("new.address@testuser.com", "Reid")
    assert EmailAddress.objects.get(user=user).email == "new.address@testuser.com"
    assert response.json()["emails"][0]["value"] == "new.address@testuser.com"


def test_a_patch_without_a_path_changes_names_and_moves_team(scim, organisation):
    body = _create(scim)
    response = scim.patch(
        f"/Users/{body['id']}",
        entra.update_user_without_path(
            **{
                "name.givenName": "Mhairi",
                "displayName": "Mhairi Fraser",
                f"{entra.ENTERPRISE}:department": "Recovery hub",
                'phoneNumbers[type eq "work"].value': "01896 000000",  # mapped by default, not used here
            }
        ),
    )
    assert response.status_code == 200, response.content
    person = ScimPerson.objects.get(scim_id=body["id"])
    assert person.user.first_name == "Mhairi"
    assert Membership.objects.get(user=person.user, organisation=organisation).team.name == "Recovery hub"


def test_a_single_valued_patch_changes_the_user_name(scim):
    body = _create(scim)
    response = scim.patch(
        f"/Users/{body['id']}",
        entra.patch({"op": "Replace", "path": "userName", "value": "morag@testuser.com"}),
    )
    assert response.json()["userName"] == "morag@testuser.com"

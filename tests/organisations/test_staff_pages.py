import pytest
from django.urls import reverse

from learning.organisations import services
from learning.organisations.factories import MembershipFactory, OrganisationFactory, TeamFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def org_people():
    org = OrganisationFactory()
    lead = MembershipFactory(organisation=org, is_lead=True)
    staff = MembershipFactory.create_batch(30, organisation=org)
    outsider = MembershipFactory()
    return org, lead, staff, outsider


def test_lead_sees_paginated_searchable_staff(client, org_people):
    org, lead, staff, outsider = org_people
    client.force_login(lead.user)
    page = client.get(reverse("organisation_staff", args=[org.pk]))
    assert page.status_code == 200
    assert "Page 1 of 2" in page.content.decode()
    assert outsider.user.email not in page.content.decode()
    found = client.get(reverse("organisation_staff", args=[org.pk]), {"q": staff[3].user.email})
    assert staff[3].user.email in found.content.decode() and staff[4].user.email not in found.content.decode()


def test_staff_list_query_count_is_flat(client, org_people, django_assert_max_num_queries):
    org, lead, _, _ = org_people
    for n in range(5):  # people invited and not yet joined are listed too, in one query
        services.invitation_create(
            organisation=org,
            email=f"invited{n}@example.org",
            invited_by=lead.user,
            team=TeamFactory(organisation=org),
        )
    client.force_login(lead.user)
    with django_assert_max_num_queries(13):
        page = client.get(reverse("organisation_staff", args=[org.pk]))
    assert page.content.decode().count("Invited (link works until") == 5


@pytest.mark.parametrize("who", ["learner", "outsider_lead"])
def test_others_are_refused(client, org_people, who):
    org, _, staff, _ = org_people
    user = staff[0].user if who == "learner" else MembershipFactory(is_lead=True).user
    client.force_login(user)
    assert client.get(reverse("organisation_staff", args=[org.pk])).status_code == 403
    assert client.get(reverse("invitation_new", args=[org.pk])).status_code == 403

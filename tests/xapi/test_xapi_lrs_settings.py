"""An organisation's LRS settings page: its leads set it; the secret is never shown back; sending is on only
with a secret and over https."""

import pytest
from django.urls import reverse

from learning.organisations.factories import MembershipFactory, OrganisationFactory
from learning.xapi.models import LrsConfig

pytestmark = pytest.mark.django_db
SECRET = "a-very-private-lrs-secret"


@pytest.fixture
def lead(client):
    membership = MembershipFactory(organisation=OrganisationFactory(), is_lead=True)
    client.force_login(membership.user)
    return membership


def url(membership):
    return reverse("xapi_lrs", args=[membership.organisation.pk])


def form(**changes):
    return {
        "endpoint": "https://lrs.example.org/xAPI/",
        "key": "wfl",
        "new_secret": SECRET,
        "enabled": "on",
        **changes,
    }


def test_a_lead_turns_sending_on_and_the_secret_is_never_shown_back(client, lead):
    response = client.post(url(lead), form())
    assert response.status_code == 302
    config = LrsConfig.objects.get(organisation=lead.organisation)
    assert (config.key, config.secret, config.enabled) == ("wfl", SECRET, True)
    assert config.enabled_at is not None
    page = client.get(url(lead)).content.decode()
    assert SECRET not in page and "lrs.example.org" in page
    assert 'type="password"' in page


def test_a_blank_secret_keeps_the_stored_one(client, lead):
    client.post(url(lead), form())
    first = LrsConfig.objects.get().enabled_at
    client.post(url(lead), form(key="renamed", new_secret=""))
    config = LrsConfig.objects.get()
    assert (config.key, config.secret, config.enabled_at) == ("renamed", SECRET, first)


def test_turning_sending_off_and_on_again_restarts_the_clock(client, lead):
    client.post(url(lead), form())
    first = LrsConfig.objects.get().enabled_at
    client.post(url(lead), form(enabled="", new_secret=""))
    assert LrsConfig.objects.get().enabled_at is None
    client.post(url(lead), form(new_secret=""))
    assert LrsConfig.objects.get().enabled_at > first


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"endpoint": "http://lrs.example.org/xAPI/"}, "endpoint", "https://"),
        ({"endpoint": "not an address"}, "endpoint", "valid URL"),
        ({"new_secret": ""}, "new_secret", "Enter the secret"),
        ({"key": ""}, "key", "required"),
    ],
)
def test_bad_settings_get_a_clear_message(client, lead, changes, field, message):
    response = client.post(url(lead), form(**changes))
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert not LrsConfig.objects.exists()


def test_plain_http_is_allowed_to_this_machine_only(client, lead):
    assert client.post(url(lead), form(endpoint="http://127.0.0.1:8100/xAPI/")).status_code == 302


@pytest.mark.parametrize("roles", [{"is_learner": True}, {"is_learner": False, "is_supervisor": True}])
def test_people_who_do_not_lead_the_organisation_are_refused(client, roles):
    member = MembershipFactory(organisation=OrganisationFactory(), **roles)
    client.force_login(member.user)
    assert client.get(url(member)).status_code == 403
    assert client.post(url(member), form()).status_code == 403
    assert not LrsConfig.objects.exists()


def test_a_lead_of_another_organisation_is_refused(client, lead):
    other = MembershipFactory(organisation=OrganisationFactory())
    assert client.post(url(other), form()).status_code == 403

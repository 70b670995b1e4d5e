"""The workforce lead's page for the organisation's SCIM token: made or replaced there, shown once."""

import re

from django.urls import reverse

from learning.organisations.factories import MembershipFactory
from learning.provisioning.models import ScimToken, token_digest
from tests.provisioning.conftest import BASE


def _shown_token(response):
    return re.search(r'id="scim-token" type="text" value="([^"]+)"', response.content.decode())[1]


def test_the_lead_makes_a_token_that_is_shown_once_and_works(client, organisation, lead):
    client.force_login(lead)
    url = reverse("scim_token", args=[organisation.pk])
    assert "None yet" in client.get(url).content.decode()

    made = client.post(url)
    raw = _shown_token(made)
    assert ScimToken.objects.get(organisation=organisation).digest == token_digest(raw)
    assert raw not in client.get(url).content.decode()  # never shown again
    assert "no-store" in made["Cache-Control"]
    assert client.get(BASE + "/Users", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 200

    replaced = _shown_token(client.post(url))
    assert client.get(BASE + "/Users", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 401
    assert client.get(BASE + "/Users", HTTP_AUTHORIZATION=f"Bearer {replaced}").status_code == 200


def test_people_who_do_not_lead_the_organisation_are_refused(client, organisation):
    for person in (MembershipFactory(organisation=organisation).user, MembershipFactory(is_lead=True).user):
        client.force_login(person)
        assert client.get(reverse("scim_token", args=[organisation.pk])).status_code == 403
        assert client.post(reverse("scim_token", args=[organisation.pk])).status_code == 403
    assert not ScimToken.objects.exists()

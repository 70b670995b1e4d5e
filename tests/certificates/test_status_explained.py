"""Revoked and expired certificates say why, and what their holder can do (#15, finding 9): the reason the
lead gave and whom to ask, or the module to take again."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from certificates.models import Certificate
from certificates.services import certificate_expire, certificate_revoke
from learning.organisations.factories import MembershipFactory

pytestmark = pytest.mark.django_db

REASON = "Issued in error: the module was completed on a colleague's account."


@pytest.fixture
def lead(member):
    return MembershipFactory(organisation=member.organisation, is_lead=True).user


def _pages(client, certificate):
    mine = client.get(reverse("my_certificates")).content.decode()
    page = client.get(reverse("certificate_page", args=[certificate.code])).content.decode()
    return mine, page


def test_a_revoked_certificate_gives_the_reason_and_whom_to_ask(client, certificate, member, lead):
    certificate_revoke(certificate=certificate, actor=lead, reason=REASON)
    client.force_login(member.user)
    organisation = member.organisation.name
    for html in _pages(client, certificate):
        assert f"Reason given: {REASON}".replace("'", "&#x27;") in html
        assert f"contact your workforce lead at {organisation}." in html


def test_the_lead_sees_the_reason_but_not_the_holders_advice(client, certificate, lead):
    certificate_revoke(certificate=certificate, actor=lead, reason="Wrong person.")
    client.force_login(lead)
    html = client.get(reverse("certificate_page", args=[certificate.code])).content.decode()
    assert "Reason given: Wrong person." in html and "contact your workforce lead" not in html


def test_the_revoke_form_asks_for_a_reason_the_person_will_read(client, certificate, lead):
    client.force_login(lead)
    url = reverse("certificate_manage", args=[certificate.code])
    html = client.get(url).content.decode()
    assert 'aria-describedby="id_reason_helptext"' in html
    assert "The person sees the reason on their certificate" in html
    client.post(url, {"action": "revoke", "reason": ""})
    assert Certificate.objects.get(pk=certificate.pk).status == Certificate.Status.VALID


@pytest.mark.parametrize("swept", [False, True], ids=["date-passed", "marked-expired"])
def test_an_expired_certificate_says_when_and_links_the_module_to_take_again(
    client, certificate, member, module, swept
):
    certificate.expires_at = timezone.now() - timedelta(days=1)
    certificate.save(update_fields=["expires_at"])
    if swept:
        certificate_expire(certificate=certificate)
    client.force_login(member.user)
    expired_on = timezone.localtime(certificate.expires_at).strftime("%-d %B %Y")
    for html in _pages(client, certificate):
        assert f"It expired on {expired_on}" in html
        assert f'<a href="{module.url}">Take Safe and Together basics again to renew it</a>' in html
    assert '<span class="tag">Expired</span>' in _pages(client, certificate)[0]

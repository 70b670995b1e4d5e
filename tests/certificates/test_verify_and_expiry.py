"""Verify states, expiry reminders with a frozen clock, recertification, and signed Open Badges."""

import json
from base64 import urlsafe_b64decode, urlsafe_b64encode
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from certificates import badges, services
from certificates.models import Certificate, ExpiryReminder
from certificates.tasks import certificates_expiry_sweep
from learning.progress import selectors as progress_selectors
from learning.progress.models import Enrolment

pytestmark = pytest.mark.django_db


def _verify(client, code):
    return client.get(reverse("certificate_verify", args=[code])).content.decode()


def test_verify_shows_each_state_without_sign_in(client, certificate, member, module, complete_lessons):
    html = _verify(client, certificate.code)
    assert "Valid" in html and "Alex Morgan" in html and member.user.email not in html
    services.certificate_revoke(certificate=certificate, actor=None, reason="Issued in error")
    assert "Revoked" in _verify(client, certificate.code)
    assert "No certificate has this code" in _verify(client, "AAAA-BBBB-CCCC-DDDD")


def test_verify_unknown_code_is_404_with_the_friendly_page(client, certificate):
    """Automated verifiers read the status; people read the same page as before."""
    assert client.get(reverse("certificate_verify", args=[certificate.code])).status_code == 200
    response = client.get(reverse("certificate_verify", args=["AAAA-BBBB-CCCC-DDDD"]))
    assert response.status_code == 404
    html = response.content.decode()
    assert "No certificate has this code" in html and "Check another" in html


def test_superseded_after_reissue_and_expired_after_date(client, certificate):
    replacement = services.certificate_reissue(certificate=certificate, actor=None, reason="Name change")
    assert "Superseded" in _verify(client, certificate.code)
    with time_machine.travel(replacement.expires_at + timedelta(days=1)):
        assert "Expired" in _verify(client, replacement.code)


def test_verify_is_rate_limited(client, certificate, settings):
    settings.VERIFY_RATE_LIMIT = "3/m"
    from django.core.cache import cache

    cache.clear()
    statuses = [
        client.get(reverse("certificate_verify", args=[certificate.code])).status_code for _ in range(5)
    ]
    assert statuses[:3] == [200, 200, 200] and statuses[-1] == 429


def test_codes_are_long_and_random(certificate):
    assert len(certificate.code.replace("-", "")) == 16
    assert len({services._certificate_for(certificate.completion, version=9).code for _ in range(50)}) == 50


def test_reminders_at_60_30_7_days_then_expiry_reopens_module(
    certificate, member, module, complete_lessons, django_capture_on_commit_callbacks
):
    expires = certificate.expires_at
    mail.outbox.clear()
    for days_before, expected in [(61, 0), (59, 1), (45, 1), (29, 2), (6, 3)]:
        with (
            time_machine.travel(expires - timedelta(days=days_before), tick=False),
            django_capture_on_commit_callbacks(execute=True),
        ):
            certificates_expiry_sweep.delay()
            certificates_expiry_sweep.delay()  # a second run sends nothing more
        assert len(mail.outbox) == expected, days_before
    assert set(ExpiryReminder.objects.values_list("days_before", flat=True)) == {60, 30, 7}
    with time_machine.travel(expires + timedelta(hours=1), tick=False):
        assert certificates_expiry_sweep.delay().get() == {"reminded": 0, "expired": 1}
        certificate.refresh_from_db()
        assert certificate.status == "expired"
        enrolment = Enrolment.objects.get(user=member.user, module=module)
        assert enrolment.cycle == 2
        assert (
            progress_selectors.progress_for_modules(user=member.user, modules=[module])[module.pk].done == 0
        )
        complete_lessons(member.user, module)  # recertify
    renewed = Certificate.objects.exclude(pk=certificate.pk).get(user=member.user)
    certificate.refresh_from_db()
    assert renewed.status == "valid" and certificate.status == "superseded"


def test_late_first_sweep_sends_one_reminder_not_three(certificate, django_capture_on_commit_callbacks):
    with (
        time_machine.travel(certificate.expires_at - timedelta(days=3), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        mail.outbox.clear()
        certificates_expiry_sweep.delay()
    assert len(mail.outbox) == 1


def test_signed_badge_verifies_and_tampered_one_fails(client, certificate):
    token = badges.badge_jwt(certificate)
    claims = badges.badge_verify(token)
    # OB 3.0 §8.2: the payload is the credential itself (no `vc` claim); its id names the certificate's code.
    assert "OpenBadgeCredential" in claims["type"] and badges.certificate_code(claims) == certificate.code
    header, payload, signature = token.split(".")
    body = json.loads(urlsafe_b64decode(payload + "=="))
    body["credentialSubject"]["name"] = "Someone Else"
    forged = ".".join([header, urlsafe_b64encode(json.dumps(body).encode()).decode().rstrip("="), signature])
    with pytest.raises(badges.BadgeInvalid):
        badges.badge_verify(forged)
    assert "genuine" in client.post(reverse("certificate_verify_form"), {"badge": token}).content.decode()
    assert "altered" in client.post(reverse("certificate_verify_form"), {"badge": forged}).content.decode()

"""One sign-in path: every door leads to allauth, so the second factor, email verification and throttling
apply to every way in, and a privileged session counts only if it used the second factor."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from django.contrib.auth.models import Group
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from learning.organisations.factories import MembershipFactory, UserFactory
from learning.settings import base as base_settings

PASSWORD = "a-good-test-password"  # UserFactory's
ROOT = Path(__file__).resolve().parents[2]
LOGIN = "/accounts/login/"


def _verified(user):
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def _with_totp(user):
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def _totp_code(secret):
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def _signed_in(client):
    return "_auth_user_id" in client.session


@pytest.fixture
def lead(db, settings):
    """A workforce lead and platform admin with a verified address and TOTP; returns (user, TOTP secret)."""
    settings.MFA_TOTP_TOLERANCE = (
        1  # a code made at the very end of a 30-second step still counts a moment later
    )
    user = _verified(MembershipFactory(is_lead=True, is_learner=False).user)
    user.is_superuser = True
    user.save()
    return user, _with_totp(user)


@pytest.fixture
def rate_limits(settings, db):
    """The project's real rate limits (the test settings switch them off), on a clean cache."""
    settings.ACCOUNT_RATE_LIMITS = base_settings.ACCOUNT_RATE_LIMITS
    cache.clear()
    yield
    cache.clear()


# --- Finding 1: the second factor cannot be skipped.


def test_password_alone_at_admin_login_reaches_neither_coverage_nor_admin(client, settings, lead):
    settings.MFA_REQUIRED_FOR_PRIVILEGED = True
    user, _ = lead
    response = client.post("/admin/login/?next=/coverage/", {"username": user.email, "password": PASSWORD})
    assert response.status_code == 302 and response.url == f"{LOGIN}?next=/coverage/"
    assert not _signed_in(client)
    assert client.get("/coverage/").url == f"{LOGIN}?next=/coverage/"
    assert client.get("/admin/").url == f"{LOGIN}?next=/admin/"


def test_privileged_session_without_second_factor_must_confirm_it(client, settings, lead):
    """A session signed in with the password alone (from before this fix, say) is asked for a TOTP code."""
    settings.MFA_REQUIRED_FOR_PRIVILEGED = True
    user, secret = lead
    client.force_login(user)
    reauthenticate = reverse("mfa_reauthenticate")
    assert client.get("/coverage/").url == f"{reauthenticate}?next=/coverage/"
    assert client.get("/admin/").url == f"{reauthenticate}?next=/admin/"
    response = client.post(f"{reauthenticate}?next=/coverage/", {"code": _totp_code(secret)})
    assert response.status_code == 302 and response.url == "/coverage/"
    assert client.get("/admin/").status_code == 200


def test_editor_who_can_reach_the_admin_is_held_to_the_same_rule(client, settings, db):
    settings.MFA_REQUIRED_FOR_PRIVILEGED = True
    editor = _verified(UserFactory())
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert client.get("/admin/").url == reverse("mfa_activate_totp")
    _with_totp(editor)
    assert client.get("/admin/").url == f"{reverse('mfa_reauthenticate')}?next=/admin/"


def test_allauth_login_with_totp_code_reaches_coverage_and_admin(client, settings, lead):
    settings.MFA_REQUIRED_FOR_PRIVILEGED = True
    user, secret = lead
    response = client.post(LOGIN, {"login": user.email, "password": PASSWORD})
    assert response.url == reverse("mfa_authenticate") and not _signed_in(client)
    response = client.post(reverse("mfa_authenticate"), {"code": _totp_code(secret)})
    assert response.status_code == 302 and _signed_in(client)
    organisation = user.memberships.get().organisation
    assert client.get("/coverage/").url == reverse("coverage_dashboard", args=[organisation.pk])
    assert client.get(reverse("coverage_dashboard", args=[organisation.pk])).status_code == 200
    assert client.get("/admin/").status_code == 200


def test_production_settings_keep_one_sign_in_path():
    """Under the production settings the admin's doors lead to allauth and the second factor is required."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "CELERY_"))}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "learning.settings.production",
            "DJANGO_SECRET_KEY": "x" * 60,
            "DJANGO_ALLOWED_HOSTS": "testserver",
            "DATABASE_URL": "postgres://x@127.0.0.1/x",
            "CELERY_BROKER_URL": "redis://127.0.0.1:6379/0",
            "EMAIL_HOST": "smtp.example.org",
            "WAGTAILADMIN_BASE_URL": "https://testserver",
            "OPENBADGES_SIGNING_KEY": "{}",
        }
    )
    script = """
import json, django
django.setup()
from django.conf import settings
from django.test import Client
client = Client()
doors = ["/admin/", "/admin/login/?next=/admin/pages/", "/admin/password_reset/", "/_util/login/"]
doors = {door: client.get(door, secure=True)["Location"] for door in doors}
print(json.dumps({"doors": doors, "mfa": settings.MFA_REQUIRED_FOR_PRIVILEGED,
                  "middleware": "learning.accounts.middleware.RequireMFAMiddleware" in settings.MIDDLEWARE,
                  "login_failed": settings.ACCOUNT_RATE_LIMITS["login_failed"],
                  "proxies": settings.ALLAUTH_TRUSTED_PROXY_COUNT}))
"""
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert found["doors"] == {
        "/admin/": f"{LOGIN}?next=/admin/",
        "/admin/login/?next=/admin/pages/": f"{LOGIN}?next=/admin/pages/",
        "/admin/password_reset/": "/accounts/password/reset/",
        "/_util/login/": LOGIN,
    }
    assert found["mfa"] is True and found["middleware"] is True
    assert found["login_failed"] == base_settings.ACCOUNT_RATE_LIMITS["login_failed"]
    assert found["proxies"] == 1  # behind the proxy, rate limits see each client's own address


# --- Finding 2: throttling and email verification at every door.


def test_fifty_wrong_passwords_then_the_right_one_at_the_admin_login_is_refused(client, rate_limits):
    user = _verified(UserFactory(is_superuser=True))
    response = client.get("/admin/login/")
    assert response.status_code == 302 and response.url == LOGIN
    for _ in range(50):
        wrong = client.post(response.url, {"login": user.email, "password": "not-the-password"})
        assert wrong.status_code == 200 and not _signed_in(client)
    refused = client.post(response.url, {"login": user.email, "password": PASSWORD})
    assert refused.status_code == 200 and "Too many failed login attempts" in refused.content.decode()
    assert not _signed_in(client)


@pytest.mark.parametrize("door", ["/admin/login/", "/_util/login/", LOGIN])
def test_unverified_address_cannot_sign_in_at_any_door(client, db, door):
    user = UserFactory(is_superuser=True)
    EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)
    credentials = {
        "username": user.email,
        "login": user.email,
        "password": PASSWORD,
    }  # Wagtail's and allauth's
    response = client.post(door, credentials, follow=True)
    assert not _signed_in(client)
    if door == LOGIN:
        assert response.redirect_chain == [(reverse("account_email_verification_sent"), 302)]
        assert [m.to for m in mail.outbox] == [[user.email]]
    else:
        assert response.redirect_chain == [(LOGIN, 302)]


def test_admin_password_reset_goes_to_allauths_throttled_reset(client, rate_limits):
    user = _verified(UserFactory())
    for door in [
        "/admin/password_reset/",
        "/admin/password_reset/done/",
        "/admin/password_reset/confirm/MQ/x/",
    ]:
        assert client.get(door).url == "/accounts/password/reset/"
    for _ in range(5):
        assert client.post("/accounts/password/reset/", {"email": user.email}).status_code == 302
    assert client.post("/accounts/password/reset/", {"email": user.email}).status_code == 429
    assert len(mail.outbox) == 5


# --- Finding 9: one person's failures never lock out others behind a shared address.


def _attempt(client, user, password, address):
    response = client.post(LOGIN, {"login": user.email, "password": password}, REMOTE_ADDR=address)
    signed_in = _signed_in(client)
    client.logout()
    return response, signed_in


def test_one_persons_failures_do_not_lock_out_colleagues_behind_the_same_address(client, rate_limits):
    failing, colleague = _verified(UserFactory()), _verified(UserFactory())
    for _ in range(12):
        _attempt(client, failing, "not-the-password", "192.0.2.10")
    response, signed_in = _attempt(client, colleague, PASSWORD, "192.0.2.10")
    assert signed_in and response.url == reverse("my_learning")
    response, signed_in = _attempt(client, failing, PASSWORD, "192.0.2.10")
    assert not signed_in and "Too many failed login attempts" in response.content.decode()


def test_a_morning_of_sign_ins_from_one_shared_address_is_not_refused(client, rate_limits):
    for colleague in UserFactory.create_batch(40):
        _verified(colleague)
        assert _attempt(client, colleague, PASSWORD, "192.0.2.10")[1] is True


def test_failed_logins_are_throttled_per_account_and_address_then_per_account(client, rate_limits):
    user = _verified(UserFactory())
    for _ in range(5):
        _attempt(client, user, "not-the-password", "192.0.2.10")
    assert _attempt(client, user, PASSWORD, "192.0.2.10")[1] is False  # this account is throttled here
    assert _attempt(client, user, PASSWORD, "198.51.100.7")[1] is True  # the person elsewhere is not
    for address in range(1, 5):  # failures spread over addresses still count against the account
        for _ in range(5):
            _attempt(client, user, "not-the-password", f"203.0.113.{address}")
    assert _attempt(client, user, PASSWORD, "198.51.100.7")[1] is False

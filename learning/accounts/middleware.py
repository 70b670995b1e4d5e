"""When MFA_REQUIRED_FOR_PRIVILEGED is on, workforce leads, platform admins and everyone who can open the
Wagtail admin must have used their second factor in this session. Having an authenticator is not enough: a
session signed in with the password alone is asked for a code; a person without one sets it up first.

It reads no database row for most requests: whether this session used a second factor is in the session, and
whether the person's roles need one is their cached roles record (learning/accounts/roles.py), forgotten when
a membership, group or the person changes. Only a privileged person not yet past the check is asked whether
they have an authenticator."""

from allauth.account.authentication import get_authentication_records
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .roles import roles_for

EXEMPT_PREFIXES = ("/accounts/", "/static/", "/media/", "/verify/", "/health/")
SET_UP = _("Your role needs two-factor authentication. Please set it up to continue.")
CONFIRM = _("Your role needs two-factor authentication. Please enter a code from your authenticator app.")


class RequireMFAMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self._second_factor_response(request) or self.get_response(request)

    def _second_factor_response(self, request):
        user = request.user
        if not settings.MFA_REQUIRED_FOR_PRIVILEGED or not user.is_authenticated:
            return None
        if request.path.startswith(EXEMPT_PREFIXES) or _session_used_second_factor(request):
            return None
        if not roles_for(user).needs_second_factor:
            return None
        if not is_mfa_enabled(user):
            messages.warning(request, SET_UP)
            return redirect("mfa_activate_totp")
        messages.warning(request, CONFIRM)
        return redirect_to_login(request.get_full_path(), reverse("mfa_reauthenticate"))


def _session_used_second_factor(request):
    """allauth records each method this session was authenticated with, for this user only. A sign-in through
    the organisation's identity provider ("socialaccount": the only providers are organisations', see
    docs/sso.md) counts: the second factor is then the provider's, which says whether it used one."""
    methods = {record.get("method") for record in get_authentication_records(request, request.user)}
    return bool(methods & {"mfa", "socialaccount"})

"""Send workforce leads and platform admins to set up two-factor authentication when the setting asks for it."""
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from learning.organisations.selectors import user_is_privileged

EXEMPT_PREFIXES = ("/accounts/", "/static/", "/media/", "/verify/", "/health/")


class RequireMFAMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._must_set_up_mfa(request):
            messages.warning(request, _("Your role needs two-factor authentication. Please set it up to continue."))
            return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)

    def _must_set_up_mfa(self, request):
        if not settings.MFA_REQUIRED_FOR_PRIVILEGED or not request.user.is_authenticated:
            return False
        if request.path.startswith(EXEMPT_PREFIXES):
            return False
        return user_is_privileged(request.user) and not is_mfa_enabled(request.user)

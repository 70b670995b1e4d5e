"""allauth adapter: sign-up is open only to people holding a valid invitation (unless open sign-up is on)."""
from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings

from learning.organisations import selectors as org_selectors
from learning.organisations import services as org_services

INVITATION_SESSION_KEY = "invitation_token"


class AccountAdapter(DefaultAccountAdapter):
    def _invitation(self, request):
        token = request.session.get(INVITATION_SESSION_KEY) if request else None
        return org_selectors.invitation_get_open(token=token) if token else None

    def is_open_for_signup(self, request):
        return settings.ACCOUNT_OPEN_SIGNUP or self._invitation(request) is not None

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=commit)
        invitation = self._invitation(request)
        if invitation is not None and commit:
            org_services.invitation_accept(invitation=invitation, user=user)
            request.session.pop(INVITATION_SESSION_KEY, None)
        return user

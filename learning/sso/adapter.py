"""The allauth adapters with single sign-on's rules (settings point ACCOUNT_ADAPTER and SOCIALACCOUNT_ADAPTER
here; learning.accounts sits below and knows nothing of this).

- A person whose organisation requires single sign-on, or whose address is in its domains, cannot sign in or
  reset a password with a password: the sign-in form says to use the organisation's button instead.
- An identity provider is trusted for the addresses in its organisation's domains only: those count as
  verified and find an existing account (an invited or earlier one) by address; any other is refused.
- A first sign-in makes an account only for an invited person or where the organisation allows it.
- The platform's own second factor is not asked after a single sign-on: that belongs to the provider, and
  whether it used one is recorded (services.sso_sign_in_record)."""

from allauth.account.utils import user_email
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.mfa.stages import AuthenticateStage
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import render
from django.utils.translation import gettext as _

from learning.accounts.adapter import AccountAdapter as BaseAccountAdapter
from learning.core.errors import ServiceError

from . import selectors, services
from .mfa import provider_used_mfa


def _use_sso_message(sign_on) -> str:
    return _(
        "%(organisation)s signs its staff in with their work account: use “Sign in with %(organisation)s” "
        "below instead of a password."
    ) % {"organisation": sign_on.organisation.name}


class SingleSignOnAuthenticateStage(AuthenticateStage):
    """allauth's "enter your code" step, skipped when the person came through their organisation's
    provider."""

    def _should_handle(self, request) -> bool:
        if (self.login.signal_kwargs or {}).get("sociallogin"):
            return False
        return super()._should_handle(request)


class AccountAdapter(BaseAccountAdapter):
    def get_login_stages(self):
        stages = super().get_login_stages()
        ours = f"{SingleSignOnAuthenticateStage.__module__}.{SingleSignOnAuthenticateStage.__name__}"
        return [ours if path == "allauth.mfa.stages.AuthenticateStage" else path for path in stages]

    def pre_authenticate(self, request, **credentials):
        # Before the password is checked, so an address in the organisation's domains is told at once.
        sign_on = selectors.sign_on_for_email(credentials.get("email"))
        if sign_on is not None:
            raise ValidationError(_use_sso_message(sign_on))
        super().pre_authenticate(request, **credentials)

    def authenticate(self, request, **credentials):
        # After it, so that only someone who knows the password learns that its holder must use the button.
        user = super().authenticate(request, **credentials)
        sign_on = selectors.sign_on_required_for(user) if user is not None else None
        if sign_on is not None:
            raise ValidationError(_use_sso_message(sign_on))
        return user

    def send_password_reset_mail(self, user, email, context):
        sign_on = selectors.sign_on_required_for(user)
        if sign_on is None:
            return super().send_password_reset_mail(user, email, context)
        # The page says an email was sent whatever the address (no account is revealed); this one says why
        # there is no link.
        return self.send_mail(
            "sso/email/password_reset_refused", email, {"organisation": sign_on.organisation.name}
        )

    def post_login(self, request, user, **kwargs):
        sociallogin = (kwargs.get("signal_kwargs") or {}).get("sociallogin")
        sign_on = selectors.sign_on_for_app(sociallogin.provider.app) if sociallogin else None
        if sign_on is not None:
            try:  # an account found by address: it joins as a new one would
                services.sso_membership_ensure(sign_on=sign_on, user=user)
            except ServiceError as exc:
                messages.error(request, exc.message)
            used = provider_used_mfa(sociallogin)
            services.sso_sign_in_record(request=request, sign_on=sign_on, user=user, provider_mfa=used)
        else:
            request.session.pop(services.SESSION_KEY, None)
        return super().post_login(request, user, **kwargs)


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def _sign_on(self, provider):
        return selectors.sign_on_for_app(getattr(provider, "app", None))

    def is_email_verified(self, provider, email):
        sign_on = self._sign_on(provider)
        return sign_on is not None and sign_on.trusts(email)

    def can_authenticate_by_email(self, login, email):
        return self.is_email_verified(login.provider, email)

    def pre_social_login(self, request, sociallogin):
        """Refuse, with a page that says why, a sign-in this platform cannot place: no organisation behind the
        provider, an address outside its domains, or a new person it has not invited nor lets join."""
        sign_on = self._sign_on(sociallogin.provider)
        email = sociallogin.email_addresses[0].email if sociallogin.email_addresses else ""
        if sign_on is None or not sign_on.trusts(email):
            self._refuse(request, sign_on, email, "domain")
        if not sociallogin.is_existing and not services.sso_account_may_join(sign_on=sign_on, email=email):
            self._refuse(request, sign_on, email, "no_account")

    def _refuse(self, request, sign_on, email, reason, message=""):
        context = {"sign_on": sign_on, "email": email, "reason": reason, "message": message}
        raise ImmediateHttpResponse(render(request, "sso/refused.html", context, status=403))

    def is_open_for_signup(self, request, sociallogin):
        return True  # pre_social_login has already refused whoever may not join

    def is_auto_signup_allowed(self, request, sociallogin):
        return True  # no sign-up form: the provider gave the name and address

    def save_user(self, request, sociallogin, form=None):
        # The account and its membership (accepting the invitation, or the organisation's defaults) together.
        sign_on = self._sign_on(sociallogin.provider)
        try:
            with transaction.atomic():
                user = super().save_user(request, sociallogin, form=form)
                services.sso_membership_ensure(sign_on=sign_on, user=user)
        except ServiceError as exc:  # e.g. the invitation closed meanwhile: no account is left behind
            self._refuse(request, sign_on, user_email(sociallogin.user), "join", exc.message)
        return user

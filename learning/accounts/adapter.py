"""allauth adapter: sign-up is open only to people holding a valid invitation (unless open sign-up is on), and
allauth's emails are written like every other (learning.core.mail), with links on the configured address."""

from urllib.parse import quote

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import ratelimit
from allauth.core.exceptions import ImmediateHttpResponse
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from learning.accounts.home import home_url
from learning.core.errors import ServiceError
from learning.core.links import absolute_reverse, absolute_url
from learning.core.mail import email_message, text_render
from learning.organisations import selectors as org_selectors
from learning.organisations import services as org_services
from learning.organisations.models import INVITATION_SESSION_KEY

LOGIN_FAILED_FROM_ADDRESS = "login_failed_from_address"  # a rate in ACCOUNT_RATE_LIMITS


class AccountAdapter(DefaultAccountAdapter):
    def signup_invitation(self, request):
        """The open invitation this browser followed a link for, if any."""
        token = request.session.get(INVITATION_SESSION_KEY) if request else None
        return org_selectors.invitation_get_open(token=token) if token else None

    def get_login_redirect_url(self, request):
        # allauth asks only when the sign-in carried no safe `next` (it checks that one first).
        return home_url(request.user)

    def add_message(
        self, request, level, message_template=None, message_context=None, extra_tags="", message=None
    ):
        """Everything allauth says, except "Successfully signed in": the person sees at once that they are
        in (their home, their name in the header), and the Wagtail admin, where editors land, shows that
        banner in colours that fail WCAG contrast (issue #15, finding 10)."""
        if message_template == "account/messages/logged_in.txt":
            return
        super().add_message(request, level, message_template, message_context, extra_tags, message=message)

    def is_open_for_signup(self, request):
        return settings.ACCOUNT_OPEN_SIGNUP or self.signup_invitation(request) is not None

    def clean_email(self, email):
        """Signing up with an invitation: its address only
        (the form shows it fixed; this refuses any other)."""
        signing_up = self.request is not None and not self.request.user.is_authenticated
        invitation = self.signup_invitation(self.request) if signing_up else None
        if invitation is not None and email.lower() != invitation.email.lower():
            raise ValidationError(
                _("Sign up with %(email)s, the address your invitation was sent to.")
                % {"email": invitation.email}
            )
        return super().clean_email(email)

    def save_user(self, request, user, form, commit=True):
        """With an invitation, creating the account and joining are one transaction: if joining fails, no
        account is left behind and the person is told why. The link proved the address, so it is stashed as
        verified (allauth marks it so when it records the address, and sends no confirmation email)."""
        invitation = self.signup_invitation(request)
        if invitation is None or not commit:
            return super().save_user(request, user, form, commit=commit)
        try:
            with transaction.atomic():
                user = super().save_user(request, user, form, commit=True)
                org_services.invitation_accept(invitation=invitation, user=user)
        except ServiceError as exc:
            messages.error(request, exc.message)
            raise ImmediateHttpResponse(redirect("account_login")) from exc
        request.session.pop(INVITATION_SESSION_KEY, None)
        self.stash_verified_email(request, invitation.email)
        return user

    # allauth counts failed sign-ins per address and per account; these add per account and address, so
    # the person making mistakes is stopped where they are while colleagues behind the same NAT address are
    # not. The check comes first, so attempts stopped here do not use up the account's (higher) allowance.
    def pre_authenticate(self, request, **credentials):
        key = self._account_and_address(request, credentials)
        if not ratelimit.consume(request, action=LOGIN_FAILED_FROM_ADDRESS, key=key, dry_run=True):
            raise self.validation_error("too_many_login_attempts")
        super().pre_authenticate(request, **credentials)

    def authentication_failed(self, request, **credentials):
        super().authentication_failed(request, **credentials)
        key = self._account_and_address(request, credentials)
        ratelimit.consume(request, action=LOGIN_FAILED_FROM_ADDRESS, key=key)

    def _account_and_address(self, request, credentials):
        return f"{credentials.get('email', '').lower()}|{self.get_client_ip(request)}"

    # allauth's emails go through learning.core.mail: a text and an HTML part on the branded base, the site's
    # name from SITE_NAME. allauth would build links and the site's name from the request's host (or the Sites
    # framework); every link here is built on WAGTAILADMIN_BASE_URL instead, whatever host the request used.
    def render_mail(self, template_prefix, email, context, headers=None):
        subject = text_render(f"{template_prefix}_subject.txt", context)
        return email_message(
            to=email, subject=subject, template=f"{template_prefix}_message", context=context, headers=headers
        )

    def send_mail(self, template_prefix, email, context):
        # Without the `current_site` allauth adds (the request's host): the templates use SITE_NAME. allauth
        # builds the unknown-account email's `signup_url` from the request, with no hook: replaced here.
        context = {**context, "email": email}
        if "signup_url" in context:
            context["signup_url"] = absolute_reverse("account_signup")
        self.render_mail(template_prefix, email, context).send()

    def send_account_already_exists_mail(self, email):
        self.send_mail(
            "account/email/account_already_exists",
            email,
            {"password_reset_url": absolute_reverse("account_reset_password")},
        )

    def get_email_confirmation_url(self, request, emailconfirmation):
        return absolute_reverse("account_confirm_email", emailconfirmation.key)

    def get_reset_password_from_key_url(self, key):
        # `key` is allauth's opaque "<uidb36>-<token>": the URL pattern has the two parts, so reverse with
        # placeholders and put the key in their place, as allauth does.
        path = reverse("account_reset_password_from_key", kwargs={"uidb36": "UID", "key": "KEY"})
        return absolute_url(path.replace("UID-KEY", quote(key)))

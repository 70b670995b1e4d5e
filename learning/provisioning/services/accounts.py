"""What provisioning may do to a person's account, as opposed to their place in one organisation.

An organisation's identity provider speaks for the account only while the person belongs to no other
organisation: then it may rename them, change their address and deactivate the account. Otherwise it changes
only their membership of its own organisation."""

from allauth.account.models import EmailAddress
from allauth.usersessions.adapter import get_adapter as usersessions_adapter
from allauth.usersessions.models import UserSession
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from learning.core.errors import ServiceError
from learning.organisations.models import Membership


def account_is_theirs(*, user, organisation) -> bool:
    """True when `organisation`'s provider speaks for the account: no active membership elsewhere, and not a
    platform account (staff or superuser), which no single organisation may rename or lock out."""
    if user.is_staff or user.is_superuser:
        return False
    return not Membership.objects.active().filter(user=user).exclude(organisation=organisation).exists()


def email_checked(email: str) -> str:
    email = email.strip().lower()
    try:
        validate_email(email)
    except ValidationError as exc:
        raise ServiceError(_("That is not an email address."), code="invalid") from exc
    return email


def account_email_set(*, user, email: str) -> None:
    """Change the address the person signs in with; the identity provider vouches for it: verified."""
    email = email_checked(email)
    if email == user.email:
        return
    if get_user_model().objects.filter(email__iexact=email).exclude(pk=user.pk).exists():
        raise ServiceError(_("Another account already uses that email address."), code="conflict")
    user.email = email
    EmailAddress.objects.filter(user=user).delete()
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)


def account_address_verify(*, user) -> None:
    """A new account's address, vouched for by the identity provider."""
    EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )


def sessions_end(*, user) -> int:
    """Sign the person out everywhere: every session allauth tracks for them (allauth.usersessions records
    each sign-in) is deleted from the session store, cache and database alike (sessions are cached_db)."""
    sessions = list(UserSession.objects.filter(user=user))
    usersessions_adapter().end_sessions(sessions)
    return len(sessions)

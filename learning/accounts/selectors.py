"""What the account hub says about each area: a line of state beside each link."""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator


def account_overview(*, user) -> dict:
    """The primary address, how many addresses, whether a password is set and which second factors are on
    (two queries, whatever the account holds)."""
    addresses = list(EmailAddress.objects.filter(user=user).order_by("-primary", "email"))
    factors = set(Authenticator.objects.filter(user=user).values_list("type", flat=True))
    return {
        "primary_email": next((a.email for a in addresses if a.primary), user.email),
        "email_count": len(addresses),
        "has_password": user.has_usable_password(),
        "totp": Authenticator.Type.TOTP in factors,
        "recovery_codes": Authenticator.Type.RECOVERY_CODES in factors,
    }

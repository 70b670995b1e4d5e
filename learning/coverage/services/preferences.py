"""A person's email frequency, and an organisation's choice to share its figures with its partnership."""

from django.db import transaction

from ..models import EmailPreference


@transaction.atomic
def email_preference_set(*, user, frequency) -> EmailPreference:
    """Set how often coverage emails reach `user`: as things fall due, weekly, or never."""
    preference, _created = EmailPreference.objects.update_or_create(
        user=user, defaults={"frequency": frequency}
    )
    return preference


@transaction.atomic
def partnership_sharing_set(*, organisation, shares: bool):
    """Let (or stop) the partnership's leads see this organisation's combined figures: totals only, never
    teams or people."""
    organisation.shares_with_partnership = shares
    organisation.save(update_fields=["shares_with_partnership"])
    return organisation

"""Reads for learning done elsewhere: a person's records, the records waiting for someone's verification, an
organisation's equivalences. The lists mirror the permissions in rules.py."""

from django.db.models import Q

from learning.organisations.models import Membership, acting_lead, acting_supervisor

from .models import Equivalence, ExternalRecord


def records_for_user(*, user):
    return (
        ExternalRecord.objects.filter(user=user)
        .select_related("membership__organisation", "equivalence")
        .order_by("-completed_on", "-pk")
    )


def records_to_verify(*, user):
    """Records waiting for verification that `user` may decide: their supervisees', and everyone's in the
    organisations they lead; never their own."""
    led = Membership.objects.filter(acting_lead(user=user)).values("organisation_id")
    return (
        ExternalRecord.objects.pending()
        .filter(
            acting_supervisor("membership__supervisor__", user=user) | Q(membership__organisation_id__in=led)
        )
        .exclude(user=user)
        .select_related("user", "membership__organisation", "equivalence__module")
        .order_by("created_at", "pk")
    )


def equivalences_for(*, organisation):
    return Equivalence.objects.filter(organisation=organisation).select_related("module")


def memberships_for_recording(*, user):
    """The person's active memberships, to choose which organisation verifies a record."""
    return Membership.objects.active().filter(user=user).select_related("organisation")

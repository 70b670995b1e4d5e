"""How long invitations that led nowhere are kept (learning.core.retention): one not accepted is deleted once
INVITATION_RETENTION_DAYS have passed since it expired, was declined or was cancelled. An accepted one is
kept: it records who invited the person, and with which roles."""

from django.db.models import Q

from learning.core.retention import retention_register

from .models import Invitation


def invitations_due(cutoff):
    return Invitation.objects.filter(accepted_at__isnull=True).filter(
        Q(expires_at__lt=cutoff) | Q(declined_at__lt=cutoff) | Q(cancelled_at__lt=cutoff)
    )


def register():
    retention_register("invitations not accepted", setting="INVITATION_RETENTION_DAYS", due=invitations_due)

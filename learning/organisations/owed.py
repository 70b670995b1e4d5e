"""What organisations owe until it is done, for the owed-work sweep (learning.core.owed): the email carrying
each open invitation's current link."""

from learning.core.owed import owed_register

from . import tasks
from .models import Invitation


def invitation_emails_owed():
    return Invitation.objects.open().filter(sent_at__isnull=True)


def register():
    owed_register(
        "invitation email",
        queryset=invitation_emails_owed,
        since="issued_at",
        task=tasks.invitation_send,
        email=True,
    )

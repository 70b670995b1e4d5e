"""What coverage owes until it is done, for the owed-work sweep (learning.core.owed): the invitation email to
each person a staff import added."""

from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.db.models import CharField, Exists, OuterRef, Value
from django.db.models.functions import Cast, Concat

from learning.core.owed import owed_register
from learning.organisations.models import Membership

from . import tasks
from .models import NotificationSent


def staff_invitations_owed():
    """Memberships of people who have never set a password (only an import makes such accounts) and have not
    been sent the invitation to that organisation (`staff_invitation_send` records it in NotificationSent)."""
    sent = NotificationSent.objects.filter(
        user=OuterRef("user"),
        kind=NotificationSent.Kind.INVITATION,
        key=Concat(Value("organisation:"), Cast(OuterRef("organisation_id"), CharField())),
    )
    return (
        Membership.objects.active()
        .filter(user__is_active=True, user__password__startswith=UNUSABLE_PASSWORD_PREFIX)
        .filter(~Exists(sent))
    )


def register():
    owed_register(
        "staff-import invitation email",
        queryset=staff_invitations_owed,
        since="user__date_joined",
        task=tasks.staff_invitation_send,
        args=("user_id", "organisation_id"),
        email=True,
    )

"""What events owe until it is done, for the owed-work sweep (learning.core.owed): the email about each
booking's latest change. (Reminders need no entry: the hourly reminder task finds any not yet sent.)"""

from learning.core.owed import owed_register

from . import tasks
from .models import Booking


def booking_emails_owed():
    return Booking.objects.filter(email_owed_since__isnull=False)


def register():
    owed_register(
        "event booking email",
        queryset=booking_emails_owed,
        since="email_owed_since",
        task=tasks.booking_email,
        email=True,
    )

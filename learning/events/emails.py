"""The emails about bookings: each change a person must hear about (owed on the booking until sent), and the
reminder before a session (sent once: Booking.reminded_at). Both say what the booking is now, so an email
sent late never tells of a state that has passed."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from learning.core.links import absolute_reverse
from learning.core.mail import email_message

from .ics import booking_calendar
from .models import Booking
from .selectors import waitlist_place

REMINDER_HOURS = 24  # a reminder goes out this long before a session starts (the beat task runs hourly)

SUBJECTS = {
    "booked": gettext_lazy("Your place is booked: %(title)s"),
    "promoted": gettext_lazy("A place came free: you are booked on %(title)s"),
    "approved": gettext_lazy("Your booking was approved: %(title)s"),
    "waitlisted": gettext_lazy("You are on the waiting list: %(title)s"),
    "pending": gettext_lazy("Your booking waits for your supervisor's approval: %(title)s"),
    "updated": gettext_lazy("A session you are booked on changed: %(title)s"),
    "cancelled": gettext_lazy("Your booking is cancelled: %(title)s"),
    "apologies": gettext_lazy("Your apologies are recorded: %(title)s"),
    "declined": gettext_lazy("Your booking was not approved: %(title)s"),
}


def _locked(booking_id):
    return (
        Booking.objects.select_for_update(of=("self",))
        .select_related("session__event", "user")
        .filter(pk=booking_id)
        .first()
    )


def _context(booking):
    return {
        "booking": booking,
        "session": booking.session,
        "event": booking.session.event,
        "place": waitlist_place(booking=booking),
        "url": absolute_reverse("event_detail", booking.session.event_id),
    }


def _invitation(booking):
    """The calendar attachment: the invitation while booked, its cancellation once a sent one is void."""
    if booking.status == Booking.Status.BOOKED:
        booking.invitation_sent = True
        return [("invitation.ics", booking_calendar(booking=booking), "text/calendar; method=REQUEST")]
    if booking.invitation_sent:
        booking.invitation_sent = False
        booking.invitation_sequence += 1
        return [
            ("cancel.ics", booking_calendar(booking=booking, cancel=True), "text/calendar; method=CANCEL")
        ]
    return []


def booking_email_send(*, booking_id: int) -> bool:
    """Send the owed email about a booking's latest change; False when none is owed (sent already)."""
    with transaction.atomic():
        booking = _locked(booking_id)
        if booking is None or booking.email_owed_since is None:
            return False
        kind = booking.email_kind
        email_message(
            to=booking.user.email,
            subject=SUBJECTS[kind] % {"title": booking.session.event.title},
            template="events/email/booking",
            context={**_context(booking), "kind": kind},
            attachments=_invitation(booking),
        ).send()
        booking.email_owed_since, booking.email_kind = None, ""
        booking.save(
            update_fields=["email_owed_since", "email_kind", "invitation_sent", "invitation_sequence"]
        )
    return True


def reminders_due(*, now=None):
    """Ids of the places whose session starts within REMINDER_HOURS and that have had no reminder."""
    now = now or timezone.now()
    return Booking.objects.filter(
        status=Booking.Status.BOOKED,
        reminded_at__isnull=True,
        session__starts_at__gt=now,
        session__starts_at__lte=now + timedelta(hours=REMINDER_HOURS),
    ).values_list("pk", flat=True)


def booking_reminder_send(*, booking_id: int) -> bool:
    """The reminder before a session, once: False when already sent, or the place is no longer held."""
    with transaction.atomic():
        booking = _locked(booking_id)
        if booking is None or booking.reminded_at or booking.status != Booking.Status.BOOKED:
            return False
        email_message(
            to=booking.user.email,
            subject=_("Reminder: %(title)s") % {"title": booking.session.event.title},
            template="events/email/reminder",
            context=_context(booking),
        ).send()
        booking.reminded_at = timezone.now()
        booking.save(update_fields=["reminded_at"])
    return True

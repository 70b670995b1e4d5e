"""Celery tasks for events: thin and idempotent. They take ids and call one function."""

from celery import shared_task

from learning.core.retry import EMAIL_RETRY

from . import emails


@shared_task(bind=True, **EMAIL_RETRY)
def booking_email(self, booking_id: int) -> bool:
    return emails.booking_email_send(booking_id=booking_id)


@shared_task(bind=True, **EMAIL_RETRY)
def booking_reminder(self, booking_id: int) -> bool:
    return emails.booking_reminder_send(booking_id=booking_id)


@shared_task(bind=True, acks_late=True)
def event_reminders(self) -> int:
    """Hourly: queue the reminder of each place whose session starts within a day. A place reminded is
    never reminded again, so running twice sends nothing twice."""
    due = list(emails.reminders_due())
    for booking_id in due:
        booking_reminder.delay(booking_id)
    return len(due)

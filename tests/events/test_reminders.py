"""Reminders before a session: one per place held, within a day of the start; running again sends nothing."""

from datetime import timedelta

from django.core import mail

from learning.events import services, tasks


def test_each_place_is_reminded_once(world, make_event, committed):
    _soon_event, soon = make_event(starts_in=timedelta(hours=20), capacity=1)
    _later_event, later = make_event(starts_in=timedelta(days=3), title="Later")
    for session in (soon, later):
        committed(services.booking_create, session=session, user=world.learners[0].user)
    waiting = committed(services.booking_create, session=soon, user=world.learners[1].user)
    assert waiting.status == "waitlisted"
    mail.outbox.clear()

    assert tasks.event_reminders.delay().get() == 1
    (reminder,) = mail.outbox
    assert reminder.to == [world.learners[0].user.email] and "Reminder: Safe and Together" in reminder.subject
    assert "send your apologies" in reminder.body and reminder.alternatives

    assert tasks.event_reminders.delay().get() == 0  # the rerun finds nothing owed
    assert len(mail.outbox) == 1

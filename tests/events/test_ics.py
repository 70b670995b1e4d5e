"""The booking email's calendar invitation, read back with a real iCalendar parser (icalendar): a REQUEST
with a stable UID, UTC times and the place; cancelling sends a CANCEL for the same UID, a later SEQUENCE."""

from datetime import timedelta

from django.core import mail
from django.utils import timezone
from icalendar import Calendar

from learning.events import services
from learning.events.models import Event


def _calendar(message):
    (_name, content, mimetype) = next(a for a in message.attachments if a[0].endswith(".ics"))
    return Calendar.from_ical(content), mimetype


def test_the_invitation_and_its_cancellation_parse_and_share_one_uid(world, make_event, committed):
    _event, session = make_event()
    booking = committed(services.booking_create, session=session, user=world.learners[0].user)
    invitation, mimetype = _calendar(mail.outbox[-1])
    assert mimetype == "text/calendar; method=REQUEST"
    assert invitation["METHOD"] == "REQUEST"
    (entry,) = invitation.walk("VEVENT")
    assert entry["SUMMARY"] == "Safe and Together core training"
    assert entry["LOCATION"] == "Community Hall, Paisley"
    start, end = entry.decoded("DTSTART"), entry.decoded("DTEND")
    assert start == session.starts_at.replace(microsecond=0) and end == session.ends_at.replace(microsecond=0)
    assert start.utcoffset() == timedelta(0) and start.tzname() == "UTC"
    assert b"DTSTART:" in entry.to_ical() and entry.to_ical().count(b"Z\r\n") >= 3  # UTC, no TZID
    assert str(entry["ATTENDEE"]) == f"mailto:{booking.user.email}"

    committed(services.booking_cancel, booking=booking)
    cancellation, mimetype = _calendar(mail.outbox[-1])
    (cancelled,) = cancellation.walk("VEVENT")
    assert cancellation["METHOD"] == "CANCEL" and mimetype == "text/calendar; method=CANCEL"
    assert cancelled["UID"] == entry["UID"] and cancelled["STATUS"] == "CANCELLED"
    assert cancelled["SEQUENCE"] > entry["SEQUENCE"]


def test_an_online_session_gives_its_link_and_the_waiting_list_gets_no_invitation(world, committed):
    event = services.event_create(
        organisation=world.organisation,
        created_by=None,
        title="Trauma-skilled online",
        delivery=Event.Delivery.ONLINE,
    )
    starts = timezone.now() + timedelta(days=30)
    session = services.session_add(
        event=event,
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        online_url="https://meet.example.org/trauma",
        capacity=1,
    )
    committed(services.booking_create, session=session, user=world.learners[0].user)
    (entry,) = _calendar(mail.outbox[-1])[0].walk("VEVENT")
    assert str(entry["URL"]) == "https://meet.example.org/trauma" and "LOCATION" not in entry
    committed(services.booking_create, session=session, user=world.learners[1].user)
    assert not [a for a in mail.outbox[-1].attachments if a[0].endswith(".ics")]

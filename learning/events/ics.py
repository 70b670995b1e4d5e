"""The calendar invitation a booking email carries (RFC 5545, built with `icalendar`): METHOD:REQUEST while
the person holds a place, METHOD:CANCEL for the same UID once they no longer do. The UID is stable per
booking, so a calendar updates or removes the one entry; SEQUENCE goes up with each change."""

from datetime import UTC
from email.utils import parseaddr
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, vCalAddress, vText
from icalendar import Event as CalendarEvent

from learning.core.links import site_root


def booking_uid(booking) -> str:
    return f"event-booking-{booking.pk}@{urlsplit(site_root()).hostname}"


def booking_calendar(*, booking, cancel=False) -> bytes:
    """The .ics for `booking` (its session and event selected with it)."""
    session, event = booking.session, booking.session.event
    calendar = Calendar()
    calendar.add("prodid", f"-//{settings.SITE_NAME}//Events//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if cancel else "REQUEST")
    item = CalendarEvent()
    item.add("uid", booking_uid(booking))
    item.add("dtstamp", timezone.now().astimezone(UTC))
    item.add("dtstart", session.starts_at.astimezone(UTC))
    item.add("dtend", session.ends_at.astimezone(UTC))
    item.add("summary", event.title)
    if event.description:
        item.add("description", event.description)
    if session.place:
        item.add("location", session.place)
    if session.online_url:
        item.add("url", session.online_url)
    item.add("sequence", booking.invitation_sequence)
    item.add("status", "CANCELLED" if cancel else "CONFIRMED")
    organizer = vCalAddress(f"mailto:{parseaddr(settings.DEFAULT_FROM_EMAIL)[1]}")
    organizer.params["cn"] = vText(settings.SITE_NAME)
    item.add("organizer", organizer)
    attendee = vCalAddress(f"mailto:{booking.user.email}")
    attendee.params["role"] = vText("REQ-PARTICIPANT")
    attendee.params["partstat"] = vText("ACCEPTED")
    item.add("attendee", attendee)
    calendar.add_component(item)
    return calendar.to_ical()

"""Event writes: events and sessions, bookings with a waiting list and supervisor approval, and attendance.

A booking locks its session's row (`select_for_update`), so bookings made at the same moment are counted one
after another and never exceed the places; a place that comes free goes to the first on the waiting list at
once. Every change a person must hear about is owed in the database (Booking.email_owed_since) before its
email is queued (emails.py sends it, with the calendar invitation). Attendance at an event linked to a module
records the module's completion through learning.completion, as an online completion would be.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from learning.completion.services import completion_record
from learning.core.errors import ServiceError
from learning.core.tasks_queue import queue_after_commit
from learning.progress.models import ModuleCompletion

from . import tasks
from .models import Attendance, Booking, Event, EventSession

Status = Booking.Status
EVENT_FIELDS = ("title", "description", "module", "cpd_minutes", "delivery", "needs_supervisor_approval")
SESSION_FIELDS = ("starts_at", "ends_at", "place", "online_url", "capacity", "facilitator")
INVITED_FIELDS = ("starts_at", "ends_at", "place", "online_url")  # what the calendar invitation carries


def _save_valid(instance):
    try:
        instance.full_clean()
    except ValidationError as error:
        raise ServiceError(" ".join(error.messages)) from error
    instance.save()
    return instance


@transaction.atomic
def event_create(*, organisation, created_by, framework_levels=(), **fields) -> Event:
    """A new event of `organisation`; `fields` are among EVENT_FIELDS."""
    event = _save_valid(
        Event(organisation=organisation, created_by=created_by, **_only(fields, EVENT_FIELDS))
    )
    event.framework_levels.set(framework_levels)
    return event


@transaction.atomic
def event_update(*, event, framework_levels=(), **fields) -> Event:
    for name, value in _only(fields, EVENT_FIELDS).items():
        setattr(event, name, value)
    _save_valid(event)
    event.framework_levels.set(framework_levels)
    return event


def _only(fields, allowed):
    unknown = set(fields) - set(allowed)
    if unknown:
        raise TypeError(f"Unknown fields: {sorted(unknown)}")
    return fields


@transaction.atomic
def session_add(*, event, **fields) -> EventSession:
    """A session of `event`; `fields` are among SESSION_FIELDS."""
    return _save_valid(EventSession(event=event, **_only(fields, SESSION_FIELDS)))


@transaction.atomic
def session_update(*, session, **fields) -> EventSession:
    """Change a session: more places promote from the waiting list; when its time, place or link changes,
    the people booked get an updated invitation."""
    session = _locked(session)
    moved = any(getattr(session, name) != fields.get(name, getattr(session, name)) for name in INVITED_FIELDS)
    for name, value in _only(fields, SESSION_FIELDS).items():
        setattr(session, name, value)
    _save_valid(session)
    for booking in session.bookings.filter(status=Status.BOOKED) if moved else ():
        booking.invitation_sequence += 1
        _email_owed(booking, "updated")
    _promote(session)
    return session


def _locked(session):
    return EventSession.objects.select_for_update().select_related("event").get(pk=session.pk)


def _email_owed(booking, kind):
    """Record that `booking`'s person is owed an email about `kind` and queue it once this commits (the
    owed-work sweep queues it again if the message is lost). Saves the booking."""
    booking.email_kind, booking.email_owed_since = kind, timezone.now()
    booking.save()
    queue_after_commit(tasks.booking_email, booking.pk)


def _place_or_queue(session, booking):
    """A place when one is free, else the end of the waiting list. Call with the session locked."""
    if session.bookings.filter(status=Status.BOOKED).count() < session.capacity:
        booking.status, booking.waitlist_position = Status.BOOKED, None
        return "booked"
    last = session.bookings.filter(status=Status.WAITLISTED).aggregate(last=Max("waitlist_position"))["last"]
    booking.status, booking.waitlist_position = Status.WAITLISTED, (last or 0) + 1
    return "waitlisted"


def _promote(session):
    """Give free places to the waiting list, first come first served. Call with the session locked."""
    free = session.capacity - session.bookings.filter(status=Status.BOOKED).count()
    for booking in session.bookings.filter(status=Status.WAITLISTED).order_by("waitlist_position")[
        : max(free, 0)
    ]:
        booking.status, booking.waitlist_position = Status.BOOKED, None
        _email_owed(booking, "promoted")


@transaction.atomic
def booking_create(*, session, user) -> Booking:
    """Book `user` on `session`: a place, or the waiting list when it is full, or (when the event asks for
    it) a request waiting for their supervisor's approval. Booking again after cancelling reuses the row."""
    session = _locked(session)
    if session.starts_at <= timezone.now():
        raise ServiceError(_("This session has already started, so it can no longer be booked."))
    booking = Booking.objects.select_for_update().filter(session=session, user=user).first()
    if booking and booking.status not in Booking.CLOSED:
        raise ServiceError(_("You already have a booking for this session."), code="exists")
    booking = booking or Booking(session=session, user=user)
    booking.decided_by = None
    if session.event.needs_supervisor_approval:
        booking.status, booking.waitlist_position, kind = Status.PENDING, None, "pending"
    else:
        kind = _place_or_queue(session, booking)
    _email_owed(booking, kind)
    return booking


@transaction.atomic
def booking_cancel(*, booking, apologies=False) -> Booking:
    """Cancel a booking (or send apologies: the person meant to come and cannot). A place freed goes to the
    first person on the waiting list."""
    session = _locked(booking.session)
    booking = Booking.objects.select_for_update().get(pk=booking.pk)
    if booking.status in Booking.CLOSED:
        raise ServiceError(_("This booking is already cancelled."))
    if session.starts_at <= timezone.now():
        raise ServiceError(_("This session has already started: tell the facilitator instead."))
    held_place = booking.status == Status.BOOKED
    booking.status = Status.APOLOGIES if apologies else Status.CANCELLED
    booking.waitlist_position = None
    _email_owed(booking, booking.status)
    if held_place:
        _promote(session)
    return booking


@transaction.atomic
def booking_decide(*, booking, decided_by, approve: bool) -> Booking:
    """A supervisor's (or lead's) decision on a booking that waits for approval: approved, it takes a place
    or joins the waiting list; declined, it is cancelled. The person hears either way."""
    session = _locked(booking.session)
    booking = Booking.objects.select_for_update().get(pk=booking.pk)
    if booking.status != Status.PENDING:
        raise ServiceError(_("This booking no longer waits for a decision."))
    booking.decided_by = decided_by
    if approve:
        kind = "approved" if _place_or_queue(session, booking) == "booked" else "waitlisted"
    else:
        booking.status, kind = Status.CANCELLED, "declined"
    _email_owed(booking, kind)
    return booking


@transaction.atomic
def attendance_mark(*, session, user, attended: bool, marked_by, note="") -> Attendance:
    """Mark one booked person present or absent. Present at an event linked to a module completes the module
    (a requirement met, a certificate issued), once; marking absent afterwards does not take it back."""
    if not session.bookings.filter(user=user).exists():
        raise ServiceError(_("Only people who booked this session can be marked."))
    attendance, _created = Attendance.objects.update_or_create(
        session=session, user=user, defaults={"attended": attended, "marked_by": marked_by, "note": note}
    )
    event = session.event
    if attended and event.module_id:
        completion_record(
            user=user,
            module=event.module,
            completed_at=min(session.ends_at, timezone.now()),
            source=ModuleCompletion.Source.EVENT,
            recorded_by=marked_by,
            cpd_minutes=event.cpd_minutes,
        )
    return attendance


@transaction.atomic
def attendance_mark_bulk(*, session, attended_user_ids, marked_by, note="") -> int:
    """Mark everyone booked on `session` at once: those in `attended_user_ids` present, the others absent
    (the register on a phone, or a printed sign-in sheet entered afterwards, with a `note` saying so)."""
    booked = list(session.bookings.filter(status=Status.BOOKED).select_related("user"))
    attended = set(attended_user_ids)
    unknown = attended - {booking.user_id for booking in booked}
    if unknown:
        raise ServiceError(_("Only people booked on this session can be marked present."))
    for booking in booked:
        attendance_mark(
            session=session,
            user=booking.user,
            attended=booking.user_id in attended,
            marked_by=marked_by,
            note=note,
        )
    return len(attended)

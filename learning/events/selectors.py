"""Event reads: what a learner may book, a session's register, the approval queue, and the attended learning
the CPD log lists."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from learning.organisations.models import Membership

from .models import Attendance, Booking, Event, EventSession

Status = Booking.Status


def waitlist_place(*, booking) -> int | None:
    """1 for the first on the waiting list; None when not on it."""
    if booking.status != Status.WAITLISTED:
        return None
    return Booking.objects.filter(
        session_id=booking.session_id,
        status=Status.WAITLISTED,
        waitlist_position__lte=booking.waitlist_position,
    ).count()


def _sessions_with_counts():
    return EventSession.objects.annotate(
        booked=Count("bookings", filter=Q(bookings__status=Status.BOOKED)),
        waiting=Count("bookings", filter=Q(bookings__status=Status.WAITLISTED)),
    ).select_related("facilitator")


def events_for_member(*, user):
    """Events of the organisations `user` is an active member of, with their sessions still to come."""
    organisations = Membership.objects.active().filter(user=user).values("organisation_id")
    upcoming = _sessions_with_counts().filter(ends_at__gt=timezone.now())
    return (
        Event.objects.filter(organisation_id__in=organisations)
        .select_related("organisation", "module")
        .prefetch_related(Prefetch("sessions", queryset=upcoming, to_attr="upcoming"))
    )


def bookings_of(*, user):
    """A person's bookings on sessions still to come, with where they stand on the waiting list."""
    bookings = list(
        Booking.objects.filter(user=user, session__ends_at__gt=timezone.now())
        .exclude(status__in=Booking.CLOSED)
        .select_related("session__event")
    )
    for booking in bookings:
        booking.place = waitlist_place(booking=booking)
    return bookings


def event_sessions(*, event, user):
    """`event`'s sessions with their counts, each with `user`'s booking on it (or None) as `mine`, and
    whether it has `started` (then it can no longer be booked or cancelled)."""
    sessions = list(_sessions_with_counts().filter(event=event))
    mine = {b.session_id: b for b in Booking.objects.filter(user=user, session__event=event)}
    now = timezone.now()
    for session in sessions:
        session.started = session.starts_at <= now
        session.mine = mine.get(session.pk)
        if session.mine:
            session.mine.place = waitlist_place(booking=session.mine)
    return sessions


def events_of_organisation(*, organisation):
    return (
        Event.objects.filter(organisation=organisation)
        .select_related("module")
        .prefetch_related(Prefetch("sessions", queryset=_sessions_with_counts()))
    )


def sessions_facilitated(*, user):
    """The sessions `user` facilitates, from a month ago on (a register is often entered afterwards)."""
    return (
        _sessions_with_counts()
        .filter(facilitator=user, ends_at__gt=timezone.now() - timedelta(days=30))
        .select_related("event")
    )


def session_register(*, session):
    """The people booked on `session` (and anyone already marked), each with their attendance or None."""
    marked = {a.user_id: a for a in Attendance.objects.filter(session=session)}
    bookings = (
        Booking.objects.filter(session=session)
        .filter(Q(status=Status.BOOKED) | Q(user_id__in=list(marked)))
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "user__email")
    )
    return [(booking, marked.get(booking.user_id)) for booking in bookings]


def approvals_for(*, user):
    """Bookings waiting for a decision from `user`: those of the people they supervise, and of everyone in
    the organisations they lead, on that organisation's events."""
    supervised = Membership.objects.active().supervised_by(user)
    led = Membership.objects.active().led_by(user)
    people = Q()
    for memberships in (supervised, led):
        people |= Q(
            user_id__in=memberships.values("user_id"),
            session__event__organisation_id__in=memberships.values("organisation_id"),
        )
    return (
        Booking.objects.filter(status=Status.PENDING)
        .filter(people)
        .select_related("user", "session__event")
        .order_by("session__starts_at", "created_at")
    )


@dataclass(frozen=True)
class AttendedLearning:
    """One attended session, as the CPD log lists it."""

    date: date
    title: str
    provider: str
    minutes: int
    participatory: bool = True
    source: str = "event"


def attended_learning(*, user, year=None) -> list[AttendedLearning]:
    """The sessions `user` attended (newest first), in `year` if given: live learning with others, so
    participatory. The minutes are the event's CPD minutes, else the session's length."""
    attended = Attendance.objects.filter(user=user, attended=True).select_related(
        "session__event__organisation"
    )
    if year is not None:
        attended = attended.filter(session__starts_at__year=year)
    rows = []
    for attendance in attended.order_by("-session__starts_at"):
        session, event = attendance.session, attendance.session.event
        length = int((session.ends_at - session.starts_at).total_seconds() // 60)
        rows.append(
            AttendedLearning(
                date=timezone.localdate(session.starts_at),
                title=event.title,
                provider=event.organisation.name,
                minutes=event.cpd_minutes or length,
            )
        )
    return rows

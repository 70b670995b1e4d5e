"""Booking: places up to capacity, then the waiting list in order; a place freed by a cancellation or
apologies goes to the first waiting, who is emailed; approval by the supervisor when the event asks."""

from datetime import timedelta

import pytest
from django.core import mail

from learning.core.errors import ServiceError
from learning.events import services
from learning.events.models import Booking
from learning.events.selectors import waitlist_place

Status = Booking.Status


def _book(committed, session, membership):
    return committed(services.booking_create, session=session, user=membership.user)


def test_places_fill_then_the_waiting_list_keeps_order(world, make_event, committed):
    _event, session = make_event(capacity=2)
    bookings = [_book(committed, session, m) for m in world.learners]
    assert [b.status for b in bookings] == [
        Status.BOOKED,
        Status.BOOKED,
        Status.WAITLISTED,
        Status.WAITLISTED,
    ]
    assert [waitlist_place(booking=b) for b in bookings] == [None, None, 1, 2]
    assert session.bookings.filter(status=Status.BOOKED).count() == 2
    assert [m.subject for m in mail.outbox][-1].endswith(
        "You are on the waiting list: Safe and Together core training"
    )


def test_a_cancellation_promotes_the_first_waiting_and_emails_them(world, make_event, committed):
    _event, session = make_event(capacity=2)
    first, _second, third, fourth = (_book(committed, session, m) for m in world.learners)
    mail.outbox.clear()
    committed(services.booking_cancel, booking=first)
    third.refresh_from_db()
    fourth.refresh_from_db()
    assert (third.status, third.waitlist_position) == (Status.BOOKED, None)
    assert fourth.status == Status.WAITLISTED and waitlist_place(booking=fourth) == 1
    promoted = next(m for m in mail.outbox if m.to == [third.user.email])
    assert "A place came free" in promoted.subject and "place came free and it is yours" in promoted.body
    assert promoted.alternatives[0][1] == "text/html"
    assert any(a[0] == "invitation.ics" for a in promoted.attachments)


def test_apologies_free_the_place_too_and_leaving_the_waiting_list_promotes_nobody(
    world, make_event, committed
):
    _event, session = make_event(capacity=1)
    booked, waiting, last = (_book(committed, session, m) for m in world.learners[:3])
    committed(services.booking_cancel, booking=waiting)  # leaves the list: nothing changes for the others
    last.refresh_from_db()
    assert last.status == Status.WAITLISTED and waitlist_place(booking=last) == 1
    apologies = committed(services.booking_cancel, booking=booked, apologies=True)
    last.refresh_from_db()
    assert apologies.status == Status.APOLOGIES and last.status == Status.BOOKED


def test_booking_twice_is_refused_and_booking_again_after_cancelling_reuses_the_row(
    world, make_event, committed
):
    _event, session = make_event()
    booking = _book(committed, session, world.learners[0])
    with pytest.raises(ServiceError, match="already have a booking"):
        _book(committed, session, world.learners[0])
    committed(services.booking_cancel, booking=booking)
    with pytest.raises(ServiceError, match="already cancelled"):
        services.booking_cancel(booking=booking)
    again = _book(committed, session, world.learners[0])
    assert again.pk == booking.pk and again.status == Status.BOOKED


def test_a_session_that_has_started_cannot_be_booked_or_cancelled(world, make_event, committed):
    _event, session = make_event(starts_in=timedelta(days=1))
    booking = _book(committed, session, world.learners[0])
    session.starts_at -= timedelta(days=2)
    session.ends_at -= timedelta(days=2)
    session.save()
    with pytest.raises(ServiceError, match="already started"):
        _book(committed, session, world.learners[1])
    with pytest.raises(ServiceError, match="tell the facilitator"):
        services.booking_cancel(booking=booking)


def test_approval_first_then_a_place_or_the_waiting_list(world, make_event, committed):
    _event, session = make_event(capacity=1, approval=True)
    first, second = (_book(committed, session, m) for m in world.learners[:2])
    assert first.status == second.status == Status.PENDING
    assert not session.bookings.filter(status=Status.BOOKED).exists()  # a request holds no place
    committed(services.booking_decide, booking=second, decided_by=world.supervisor.user, approve=True)
    committed(services.booking_decide, booking=first, decided_by=world.supervisor.user, approve=True)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (second.status, first.status) == (Status.BOOKED, Status.WAITLISTED)
    assert "Your booking was approved" in mail.outbox[-2].subject
    with pytest.raises(ServiceError, match="no longer waits"):
        services.booking_decide(booking=first, decided_by=world.supervisor.user, approve=False)


def test_a_declined_request_is_cancelled_and_the_person_told(world, make_event, committed):
    _event, session = make_event(approval=True)
    booking = _book(committed, session, world.learners[0])
    committed(services.booking_decide, booking=booking, decided_by=world.supervisor.user, approve=False)
    booking.refresh_from_db()
    assert booking.status == Status.CANCELLED and booking.decided_by == world.supervisor.user
    assert mail.outbox[-1].subject.endswith("Your booking was not approved: Safe and Together core training")


def test_more_places_promote_the_waiting_list(world, make_event, committed):
    _event, session = make_event(capacity=1)
    bookings = [_book(committed, session, m) for m in world.learners[:3]]
    committed(services.session_update, session=session, capacity=3)
    assert {b.status for b in Booking.objects.filter(pk__in=[b.pk for b in bookings])} == {Status.BOOKED}


def test_a_session_must_end_after_it_starts_and_have_the_right_kind_of_place(world, make_event):
    event, session = make_event()
    with pytest.raises(ServiceError, match="end after it starts"):
        services.session_add(
            event=event, starts_at=session.starts_at, ends_at=session.starts_at, place="Hall", capacity=5
        )
    with pytest.raises(ServiceError, match="Say where"):
        services.session_add(event=event, starts_at=session.starts_at, ends_at=session.ends_at, capacity=5)


def test_an_owed_email_is_sent_once(world, make_event, committed):
    from learning.events.emails import booking_email_send

    _event, session = make_event()
    booking = services.booking_create(session=session, user=world.learners[0].user)  # not yet committed
    assert booking.email_owed_since is not None
    assert booking_email_send(booking_id=booking.pk) is True
    assert booking_email_send(booking_id=booking.pk) is False
    assert len(mail.outbox) == 1


def test_a_lost_booking_email_is_sent_by_the_owed_work_sweep(world, make_event):
    from learning.core.owed import owed_requeue

    _event, session = make_event()
    booking = services.booking_create(session=session, user=world.learners[0].user)  # its message is lost
    assert mail.outbox == []
    assert owed_requeue(older_than=timedelta(0))["event booking email"] == 1
    booking.refresh_from_db()
    assert booking.email_owed_since is None and len(mail.outbox) == 1
    assert owed_requeue(older_than=timedelta(0))["event booking email"] == 0


def test_a_moved_session_sends_an_updated_invitation_and_more_places_alone_do_not(
    world, make_event, committed
):
    _event, session = make_event(capacity=2)
    committed(services.booking_create, session=session, user=world.learners[0].user)
    mail.outbox.clear()
    committed(services.session_update, session=session, capacity=3)
    assert mail.outbox == []
    committed(services.session_update, session=session, place="Town House, Greenock")
    (update,) = mail.outbox
    assert "A session you are booked on changed" in update.subject
    assert any(name == "invitation.ics" for name, *_rest in update.attachments)

"""Thirty people book a ten-place session at the same moment, each on their own PostgreSQL connection: ten
places, never more, and a waiting list of twenty numbered 1 to 20 without a gap or a repeat. Then five people
cancel at once: the five first on the waiting list, and only they, take the places."""

from datetime import timedelta

import pytest
from django.utils import timezone

from learning.events import services
from learning.events.models import Booking, Event
from learning.organisations.factories import MembershipFactory, OrganisationFactory
from tests.integration.test_fault_concurrent_completion import _at_once  # each call on its own connection

pytestmark = pytest.mark.integration

PEOPLE, PLACES = 30, 10
Status = Booking.Status


@pytest.fixture
def session(real_services, transactional_db, django_db_serialized_rollback):
    organisation = OrganisationFactory()
    event = services.event_create(
        organisation=organisation, created_by=None, title="Full day", delivery=Event.Delivery.IN_PERSON
    )
    starts = timezone.now() + timedelta(days=2)
    return services.session_add(
        event=event, starts_at=starts, ends_at=starts + timedelta(hours=6), place="Hall", capacity=PLACES
    )


def test_concurrent_bookings_never_exceed_the_places_and_promotions_keep_order(session):
    people = [MembershipFactory(organisation=session.event.organisation).user for _ in range(PEOPLE)]
    errors = _at_once(
        *(lambda user=user: services.booking_create(session=session, user=user) for user in people)
    )
    assert errors == []
    bookings = Booking.objects.filter(session=session)
    assert bookings.filter(status=Status.BOOKED).count() == PLACES
    waiting = list(bookings.filter(status=Status.WAITLISTED).order_by("waitlist_position"))
    assert [b.waitlist_position for b in waiting] == list(range(1, PEOPLE - PLACES + 1))

    leaving = list(bookings.filter(status=Status.BOOKED)[:5])
    errors = _at_once(*(lambda b=booking: services.booking_cancel(booking=b) for booking in leaving))
    assert errors == []
    assert bookings.filter(status=Status.BOOKED).count() == PLACES
    promoted = set(bookings.filter(pk__in=[b.pk for b in waiting[:5]]).values_list("status", flat=True))
    assert promoted == {Status.BOOKED}
    still_waiting = bookings.filter(status=Status.WAITLISTED).order_by("waitlist_position")
    assert [b.pk for b in still_waiting] == [b.pk for b in waiting[5:]]

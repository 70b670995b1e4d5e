"""The event pages: a learner books and sees their place on the waiting list; a lead creates an event and its
sessions; the facilitator ticks the register; the sign-in sheet is a PDF with everyone's name; the supervisor
approves. Lists keep a fixed number of queries however many rows they show."""

import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from learning.events import services
from learning.events.models import Attendance, Booking, Event
from learning.progress.models import ModuleCompletion


def test_a_learner_books_then_sees_the_waiting_list_place(client, world, make_event):
    _event, session = make_event(capacity=1)
    services.booking_create(session=session, user=world.learners[1].user)
    client.force_login(world.learners[0].user)
    response = client.post(reverse("event_book", args=[session.pk]), follow=True)
    assert "you are number 1 on the waiting list" in response.content.decode()
    assert "Waiting list: number 1" in response.content.decode()
    booking = Booking.objects.get(user=world.learners[0].user)
    response = client.post(reverse("booking_cancel", args=[booking.pk]), {"action": "apologies"}, follow=True)
    assert "Your apologies are recorded." in response.content.decode()
    booking.refresh_from_db()
    assert booking.status == Booking.Status.APOLOGIES


def test_booking_again_gives_a_message_not_an_error(client, world, make_event):
    _event, session = make_event()
    services.booking_create(session=session, user=world.learners[0].user)
    client.force_login(world.learners[0].user)
    response = client.post(reverse("event_book", args=[session.pk]), follow=True)
    assert response.status_code == 200 and "already have a booking" in response.content.decode()


def test_a_lead_creates_an_event_and_a_session(client, world):
    client.force_login(world.lead.user)
    response = client.post(
        reverse("organisation_events", args=[world.organisation.pk]),
        {
            "title": "Trauma-skilled day",
            "delivery": "in_person",
            "module": world.module.pk,
            "cpd_minutes": "300",
        },
    )
    event = Event.objects.get(title="Trauma-skilled day")
    assert response["Location"] == reverse("event_session_new", args=[event.pk])
    starts = timezone.localtime() + timedelta(days=3)
    form = {
        "starts_at": starts.strftime("%Y-%m-%dT%H:%M"),
        "ends_at": starts.strftime("%Y-%m-%dT%H:%M"),
        "capacity": "12",
        "place": "Room 2",
        "facilitator": world.supervisor.user_id,
    }
    response = client.post(reverse("event_session_new", args=[event.pk]), form)
    assert "A session must end after it starts." in response.content.decode()
    form["ends_at"] = (starts + timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M")
    form["facilitator"] = world.outsider.user_id  # not one of the organisation's people
    response = client.post(reverse("event_session_new", args=[event.pk]), form)
    assert "Select a valid choice" in response.content.decode()
    form["facilitator"] = world.supervisor.user_id
    response = client.post(reverse("event_session_new", args=[event.pk]), form)
    assert response.status_code == 302 and event.sessions.get().facilitator == world.supervisor.user


def test_the_facilitator_marks_attendance_and_the_module_completes(client, world, make_event):
    _event, session = make_event(capacity=4, starts_in=timedelta(hours=1))
    for membership in world.learners[:3]:
        services.booking_create(session=session, user=membership.user)
    client.force_login(world.supervisor.user)
    page = client.get(reverse("event_attendance", args=[session.pk])).content.decode()
    assert page.count('name="attended"') == 3 and "Mark all present" in page
    present = [world.learners[0].user_id, world.learners[2].user_id]
    response = client.post(reverse("event_attendance", args=[session.pk]), {"attended": present}, follow=True)
    assert "Attendance saved: 2 present." in response.content.decode()
    assert set(Attendance.objects.filter(attended=True).values_list("user_id", flat=True)) == set(present)
    assert ModuleCompletion.objects.filter(source=ModuleCompletion.Source.EVENT).count() == 2
    client.force_login(world.learners[0].user)
    assert "Sessions you attended" in client.get(reverse("event_list")).content.decode()
    client.force_login(world.supervisor.user)
    client.post(reverse("event_attendance", args=[session.pk]), {"attended": present[:1], "from_sheet": "1"})
    notes = set(Attendance.objects.values_list("note", flat=True))
    assert notes == {"Entered from the printed sign-in sheet"}
    assert Attendance.objects.filter(attended=True).count() == 1  # the sheet corrected the register
    response = client.post(reverse("event_attendance", args=[session.pk]), {"attended": ["x"]}, follow=True)
    assert "That register could not be read." in response.content.decode()


def test_the_sign_in_sheet_lists_everyone_booked(client, world, make_event):
    _event, session = make_event(capacity=4)
    for membership in world.learners[:2]:
        services.booking_create(session=session, user=membership.user)
    client.force_login(world.lead.user)
    response = client.get(reverse("event_sign_in_sheet", args=[session.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert "Signature" in text
    for membership in world.learners[:2]:
        assert membership.user.get_full_name() in text


def test_the_supervisor_approves_from_the_queue(client, world, make_event):
    _event, session = make_event(approval=True)
    booking = services.booking_create(session=session, user=world.learners[0].user)
    client.force_login(world.supervisor.user)
    assert world.learners[0].user.get_full_name() in client.get(reverse("event_approvals")).content.decode()
    response = client.post(reverse("booking_decide", args=[booking.pk]), {"decision": "maybe"}, follow=True)
    assert "Choose whether to approve the booking." in response.content.decode()
    booking.refresh_from_db()
    assert booking.status == Booking.Status.PENDING
    client.post(reverse("booking_decide", args=[booking.pk]), {"decision": "approve"})
    booking.refresh_from_db()
    assert booking.status == Booking.Status.BOOKED and booking.decided_by == world.supervisor.user


@pytest.mark.parametrize("sessions", [1, 5])
def test_lists_cost_the_same_however_long(client, world, make_event, sessions, django_assert_max_num_queries):
    for n in range(sessions):
        event, session = make_event(title=f"Event {n}")
        services.booking_create(session=session, user=world.learners[0].user)
    client.force_login(world.learners[0].user)
    with django_assert_max_num_queries(16):
        client.get(reverse("event_list"))
    with django_assert_max_num_queries(16):
        client.get(reverse("event_detail", args=[event.pk]))
    client.force_login(world.lead.user)
    with django_assert_max_num_queries(16):
        client.get(reverse("organisation_events", args=[world.organisation.pk]))
    client.force_login(world.supervisor.user)
    with django_assert_max_num_queries(16):
        client.get(reverse("event_attendance", args=[session.pk]))

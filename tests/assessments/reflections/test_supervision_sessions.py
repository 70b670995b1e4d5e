"""Supervision sessions: recording one (with its checks), what supervisees see, and their own notes."""

from datetime import date

import pytest
from django.urls import reverse

from assessments.models import Notification, SessionNote, SupervisionSession
from assessments.practice.services.supervision import ActionInput, session_note_save, session_save
from learning.core.errors import ServiceError
from learning.organisations.factories import MembershipFactory
from modules.factories import TopicFactory

pytestmark = pytest.mark.django_db
HELD = date(2026, 3, 2)


@pytest.fixture
def second(world):
    """Another of the supervisor's supervisees."""
    return MembershipFactory(organisation=world.home, supervisor=world.supervisor)


def test_record_a_group_session_with_themes_reflections_and_actions(world, second, make_entry):
    topic = TopicFactory(name="GIRFEC")
    shared = make_entry("submitted")
    session = session_save(
        user=world.supervisor.user,
        supervisees=[world.author, second],
        held_on=HELD,
        kind="group",
        topics=[topic],
        reflections=[shared],
        summary="We talked about a child's plan.",
        next_session_on=date(2026, 4, 6),
        actions=[
            ActionInput("Read the GIRFEC practice guide", world.author, date(2026, 3, 20)),
            ActionInput("Share the referral template", world.supervisor),
            ActionInput(""),
        ],
    )
    assert session.supervisor == world.supervisor and set(session.supervisees.all()) == {world.author, second}
    assert list(session.topics.all()) == [topic] and list(session.reflections.all()) == [shared]
    assert [(a.description, a.owner) for a in session.actions.all()] == [
        ("Read the GIRFEC practice guide", world.author),
        ("Share the referral template", world.supervisor),
    ]
    assert (
        Notification.objects.filter(
            message__contains="recorded your supervision session of 2 March 2026"
        ).count()
        == 2
    )


@pytest.mark.parametrize(
    "problem,kwargs",
    [
        ("not_supervisees", {"supervisees": "colleague"}),  # someone else's supervisee
        ("not_supervisees", {"supervisees": "stranger"}),  # another organisation
        ("no_supervisees", {"supervisees": None}),
        ("kind", {"kind": "individual", "supervisees": "both"}),
        ("dates", {"next_session_on": date(2026, 3, 1)}),
        ("reflections", {"reflections": "draft"}),
        ("reflections", {"reflections": "colleague"}),
        ("owner", {"actions": "lead"}),
    ],
)
def test_recording_checks(world, second, make_entry, problem, kwargs):
    people = {
        "colleague": [world.colleague],
        "stranger": [world.stranger],
        None: [],
        "both": [world.author, second],
    }
    reflections = {
        "draft": [make_entry("draft")],
        "colleague": [make_entry("submitted", membership=world.colleague)],
    }
    args = {"user": world.supervisor.user, "supervisees": [world.author], "held_on": HELD, "kind": "group"}
    for key, value in kwargs.items():
        args[key] = {"supervisees": people, "reflections": reflections}.get(key, {}).get(value, value)
    if kwargs.get("actions") == "lead":
        args["actions"] = [ActionInput("Do a thing", world.lead)]
    with pytest.raises(ServiceError) as caught:
        session_save(**args)
    assert caught.value.code == problem
    assert not SupervisionSession.objects.exists()


def test_only_the_recorder_changes_a_session(world, second):
    session = session_save(
        user=world.supervisor.user, supervisees=[world.author], held_on=HELD, kind="individual"
    )
    session = session_save(
        user=world.supervisor.user,
        session=session,
        supervisees=[world.author, second],
        held_on=HELD,
        kind="peer",
        actions=[ActionInput("Again", second)],
    )
    assert session.kind == "peer" and session.supervisees.count() == 2 and session.actions.count() == 1
    assert Notification.objects.filter(user=second.user).count() == 0  # told only when first recorded
    with pytest.raises(ServiceError):  # another supervisor, even with people of their own
        session_save(
            user=world.other_supervisor.user,
            session=session,
            supervisees=[world.colleague],
            held_on=HELD,
            kind="peer",
        )
    with pytest.raises(ServiceError):  # a supervisee
        session_save(
            user=world.author.user, session=session, supervisees=[world.author], held_on=HELD, kind="peer"
        )


def test_supervisee_adds_and_updates_their_own_note_only(world, second):
    session = session_save(
        user=world.supervisor.user, supervisees=[world.author, second], held_on=HELD, kind="group"
    )
    session_note_save(session=session, user=world.author.user, body="I will read the guide first.")
    session_note_save(session=session, user=world.author.user, body="Read it; booked the case review.")
    assert SessionNote.objects.get().body == "Read it; booked the case review."
    assert (
        Notification.objects.filter(user=world.supervisor.user, message__contains="added a note").count() == 1
    )
    for user in (world.supervisor.user, world.colleague.user, world.lead.user):
        with pytest.raises(ServiceError):
            session_note_save(session=session, user=user, body="Not mine to add")


def test_group_members_see_the_record_but_not_each_others_notes_or_reflections(
    world, second, make_entry, client
):
    theirs = make_entry("submitted", membership=second)
    session = session_save(
        user=world.supervisor.user,
        supervisees=[world.author, second],
        held_on=HELD,
        kind="group",
        reflections=[theirs],
        summary="Shared themes.",
    )
    session_note_save(session=session, user=second.user, body="A private thought.")
    client.force_login(world.author.user)
    html = client.get(reverse("session_detail", args=[session.pk])).content.decode()
    assert "Shared themes." in html and "A private thought." not in html and theirs.title not in html
    assert "1 reflection was discussed; only its author and the supervisor can open it." in html
    client.force_login(world.supervisor.user)
    html = client.get(reverse("session_detail", args=[session.pk])).content.decode()
    assert "A private thought." in html and theirs.title in html


def test_record_a_session_through_the_form(world, second, client):
    topic = TopicFactory(name="Trauma-informed care")
    client.force_login(world.supervisor.user)
    assert "Record a supervision session" in client.get(reverse("session_new")).content.decode()
    data = {
        "held_on": "2026-03-02",
        "kind": "individual",
        "supervisees": [world.author.pk],
        "topics": [topic.pk],
        "summary": "Talked about boundaries.",
        "next_session_on": "2026-04-06",
        "actions-TOTAL_FORMS": "3",
        "actions-INITIAL_FORMS": "0",
        "actions-MIN_NUM_FORMS": "0",
        "actions-MAX_NUM_FORMS": "20",
        "actions-0-description": "Book a reflective session",
        "actions-0-owner": world.author.pk,
        "actions-0-due_on": "2026-03-16",
    }
    response = client.post(reverse("session_new"), data)
    session = SupervisionSession.objects.get()
    assert response.url == reverse("session_detail", args=[session.pk])
    html = client.get(response.url).content.decode()
    assert "2 March 2026" in html and "Book a reflective session" in html and "16 March 2026" in html
    # Two people in an individual session: the message sits next to the field it is about.
    response = client.post(reverse("session_new"), {**data, "supervisees": [world.author.pk, second.pk]})
    html = response.content.decode()
    assert (
        response.status_code == 400
        and 'id="id_supervisees_error"' in html
        and "Individual supervision" in html
    )


def test_session_list_shows_sessions_for_both_sides(world, client):
    session_save(user=world.supervisor.user, supervisees=[world.author], held_on=HELD, kind="individual")
    for user in (world.supervisor.user, world.author.user):
        client.force_login(user)
        assert "2 March 2026" in client.get(reverse("session_list")).content.decode()
    client.force_login(world.colleague.user)
    assert (
        "No supervision sessions have been recorded with you yet."
        in client.get(reverse("session_list")).content.decode()
    )

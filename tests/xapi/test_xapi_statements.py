"""The statements a learner's journey records: one per fact and organisation, each a valid xAPI statement
that names the person only by an opaque key and says nothing of what a reflection says."""

import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from learning.core.links import site_root
from learning.events.models import Booking, Event, EventSession
from learning.events.services import attendance_mark
from learning.organisations.factories import MembershipFactory, OrganisationFactory
from learning.progress.models import ModuleCompletion
from learning.xapi import services
from learning.xapi.models import LearnerKey, Statement
from modules.seed import site_structure_ensure
from tests.xapi.journey import REFLECTION_TEXT, journey, learner_in, lrs_for, module_with_quiz
from tests.xapi.schema import statement_errors

pytestmark = pytest.mark.django_db
Kind = Statement.Kind


@pytest.fixture
def content(db):
    return module_with_quiz(site_structure_ensure())


def walk(capture, membership, content, **kwargs):
    with capture(execute=True):
        return journey(membership=membership, content=content, **kwargs)


def test_a_journey_records_one_valid_statement_per_fact(
    organisation_with_lrs, content, django_capture_on_commit_callbacks
):
    membership = learner_in(organisation_with_lrs)
    walked = walk(django_capture_on_commit_callbacks, membership, content)
    completion = ModuleCompletion.objects.get(user=membership.user, module=content.module)

    statements = {
        (s.kind, s.source_id): s for s in Statement.objects.filter(organisation=organisation_with_lrs)
    }
    lessons = [c.pk for c in completion.user.enrolments.get().lesson_completions.all()]
    assert set(statements) == {
        (Kind.LAUNCHED, membership.user.enrolments.get().pk),
        *((Kind.LESSON_COMPLETED, pk) for pk in lessons),
        (Kind.QUIZ_ATTEMPTED, walked.attempt.pk),
        (Kind.QUIZ_GRADED, walked.attempt.pk),
        (Kind.REFLECTION_SIGNED_OFF, walked.reflection.pk),
        (Kind.MODULE_COMPLETED, completion.pk),
    }
    key = str(LearnerKey.objects.get(user=membership.user).key)
    registrations = set()
    for statement in statements.values():
        payload = statement.payload
        assert statement_errors(payload) == [], statement.kind
        assert payload["id"] == str(statement.pk)
        assert payload["actor"] == {"objectType": "Agent", "account": {"homePage": site_root(), "name": key}}
        assert payload["context"]["team"]["name"] == organisation_with_lrs.name
        registrations.add(payload["context"]["registration"])
        text = json.dumps(payload)
        assert membership.user.email not in text and membership.user.last_name not in text
        assert REFLECTION_TEXT not in text and "Well reflected" not in text
    assert len(registrations) == 1  # one registration for the person's pass through the module

    graded = statements[(Kind.QUIZ_GRADED, walked.attempt.pk)].payload
    assert graded["verb"]["id"] == "http://adlnet.gov/expapi/verbs/passed"
    assert graded["result"] == {
        "score": {"scaled": 1.0, "raw": 100.0, "min": 0, "max": 100},
        "completion": True,
        "success": True,
    }
    module = statements[(Kind.MODULE_COMPLETED, completion.pk)].payload
    assert module["verb"]["id"] == "http://adlnet.gov/expapi/verbs/completed"
    assert module["object"]["id"] == site_root() + content.module.url
    lesson = statements[(Kind.LESSON_COMPLETED, lessons[0])].payload
    assert lesson["object"]["id"] == site_root() + content.lessons[0].url
    assert lesson["context"]["contextActivities"]["parent"][0]["id"] == module["object"]["id"]


def test_a_failed_quiz_says_failed_with_its_score(
    organisation_with_lrs, content, django_capture_on_commit_callbacks
):
    membership = learner_in(organisation_with_lrs)
    walked = walk(django_capture_on_commit_callbacks, membership, content, correct=False)
    payload = Statement.objects.get(kind=Kind.QUIZ_GRADED, source_id=walked.attempt.pk).payload
    assert payload["verb"]["id"] == "http://adlnet.gov/expapi/verbs/failed"
    assert payload["result"]["success"] is False and payload["result"]["score"]["scaled"] == 0.0
    assert not Statement.objects.filter(kind=Kind.MODULE_COMPLETED).exists()


def test_only_organisations_whose_lrs_was_sending_hear_of_it(
    content, django_capture_on_commit_callbacks, stub_lrs
):
    sending, silent, later = OrganisationFactory(), OrganisationFactory(), OrganisationFactory()
    lrs_for(sending, stub_lrs.url)
    membership = learner_in(sending)
    MembershipFactory(user=membership.user, organisation=silent)
    MembershipFactory(user=membership.user, organisation=later)
    walk(django_capture_on_commit_callbacks, membership, content)
    lrs_for(later, stub_lrs.url)  # turned on afterwards: no history is sent

    organisations = set(Statement.objects.values_list("organisation", flat=True))
    assert organisations == {sending.pk}
    reflection = Statement.objects.get(kind=Kind.REFLECTION_SIGNED_OFF)
    assert reflection.organisation_id == sending.pk


def test_a_reflection_is_told_only_to_the_organisation_it_is_filed_under(
    content, django_capture_on_commit_callbacks, stub_lrs
):
    home, elsewhere = OrganisationFactory(), OrganisationFactory()
    lrs_for(home, stub_lrs.url)
    lrs_for(elsewhere, stub_lrs.url)
    membership = learner_in(home)
    MembershipFactory(user=membership.user, organisation=elsewhere)
    walk(django_capture_on_commit_callbacks, membership, content)
    assert list(
        Statement.objects.filter(kind=Kind.REFLECTION_SIGNED_OFF).values_list("organisation", flat=True)
    ) == [home.pk]
    assert Statement.objects.filter(organisation=elsewhere, kind=Kind.MODULE_COMPLETED).exists()


def test_recording_again_adds_and_sends_nothing(
    organisation_with_lrs, content, django_capture_on_commit_callbacks, stub_lrs
):
    membership = learner_in(organisation_with_lrs)
    walk(django_capture_on_commit_callbacks, membership, content)
    completion = ModuleCompletion.objects.get(user=membership.user)
    sent = len(stub_lrs.received)
    assert sent == Statement.objects.count() == 7  # two lessons
    with django_capture_on_commit_callbacks(execute=True):
        again = services.statements_record(kind=Kind.MODULE_COMPLETED, source_id=completion.pk)
    assert again == []  # found, and already sent
    assert Statement.objects.filter(kind=Kind.MODULE_COMPLETED).count() == 1
    assert len(stub_lrs.received) == sent


def test_attending_an_event_says_attended(organisation_with_lrs, content, django_capture_on_commit_callbacks):
    membership = learner_in(organisation_with_lrs)
    starts = timezone.now() - timedelta(minutes=30)  # it began before sending was turned on
    event = Event.objects.create(
        organisation=organisation_with_lrs,
        title="Hidden harm workshop",
        delivery="in_person",
        module=content.module,
    )
    session = EventSession.objects.create(
        event=event, starts_at=starts, ends_at=starts + timedelta(hours=2), place="Perth", capacity=10
    )
    Booking.objects.create(session=session, user=membership.user, status=Booking.Status.BOOKED)
    with django_capture_on_commit_callbacks(execute=True):
        attendance = attendance_mark(
            session=session, user=membership.user, attended=True, marked_by=membership.supervisor.user
        )
    payload = Statement.objects.get(kind=Kind.EVENT_ATTENDED, source_id=attendance.pk).payload
    assert statement_errors(payload) == []
    assert payload["verb"]["id"] == "http://adlnet.gov/expapi/verbs/attended"
    assert payload["object"]["id"] == site_root() + reverse("event_detail", args=[event.pk])
    assert payload["timestamp"] == starts.isoformat()
    assert Statement.objects.filter(kind=Kind.MODULE_COMPLETED).exists()  # the event completes the module

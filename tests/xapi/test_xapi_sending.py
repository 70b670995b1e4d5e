"""Sending one statement, whatever the LRS answers; and the owed-work sweep, which records and sends what a
lost message or a broker outage left undone."""

from datetime import timedelta

import pytest

from learning.core.owed import owed_requeue
from learning.organisations.factories import OrganisationFactory, UserFactory
from learning.privacy.erasure import person_erase
from learning.progress.services import lesson_complete
from learning.xapi import client, owed, services
from learning.xapi.models import LearnerKey, Statement
from modules.seed import site_structure_ensure
from tests.xapi.journey import learner_in, lrs_for, module_with_quiz

pytestmark = pytest.mark.django_db
Kind, Status = Statement.Kind, Statement.Status


@pytest.fixture
def content(db):
    return module_with_quiz(site_structure_ensure(), lessons=1)


@pytest.fixture
def lesson_done(organisation_with_lrs, content):
    """A lesson completed while no message went out (no on-commit callback ran): the facts are owed."""
    membership = learner_in(organisation_with_lrs)
    return lesson_complete(user=membership.user, lesson=content.lessons[0])


def recorded(lesson_done):
    (statement,) = services.statements_record(kind=Kind.LESSON_COMPLETED, source_id=lesson_done.pk)
    return statement


@pytest.mark.parametrize("status", [204, 409])
def test_stored_or_already_there_both_mean_sent(lesson_done, stub_lrs, status):
    statement = recorded(lesson_done)
    stub_lrs.status = status
    assert services.statement_send(statement_id=statement.pk) is True
    statement.refresh_from_db()
    assert (statement.status, statement.attempts, statement.last_error) == (Status.SENT, 1, "")
    path, headers, body = stub_lrs.received[0]
    assert path == f"/xAPI/statements?statementId={statement.pk}"
    assert headers["x-experience-api-version"] == "1.0.3"
    assert headers["authorization"].startswith("Basic ")
    assert body == statement.payload
    # Sent: a duplicate message sends nothing more.
    assert services.statement_send(statement_id=statement.pk) is True
    assert len(stub_lrs.received) == 1


def test_a_statement_the_lrs_refuses_for_good_is_marked_and_no_longer_owed(lesson_done, stub_lrs):
    statement = recorded(lesson_done)
    stub_lrs.status = 400
    assert services.statement_send(statement_id=statement.pk) is False
    statement.refresh_from_db()
    assert statement.status == Status.REJECTED and "400" in statement.last_error
    assert not owed.statements_owed().exists()


@pytest.mark.parametrize("status", [500, 503, 401, 429])
def test_an_lrs_that_is_down_or_refuses_the_key_leaves_it_owed(lesson_done, stub_lrs, status):
    statement = recorded(lesson_done)
    stub_lrs.status = status
    with pytest.raises(client.LrsUnavailable):  # the task's retry policy retries OSErrors
        services.statement_send(statement_id=statement.pk)
    statement.refresh_from_db()
    assert statement.status == Status.PENDING and str(status) in statement.last_error
    assert statement.attempts == 1
    assert list(owed.statements_owed()) == [statement]


def test_an_unreachable_lrs_leaves_it_owed(lesson_done, organisation_with_lrs):
    config = organisation_with_lrs.lrs_config
    config.endpoint = "http://127.0.0.1:9/xAPI/"  # nothing listens on the discard port
    config.save()
    statement = recorded(lesson_done)
    with pytest.raises(client.LrsUnavailable):
        services.statement_send(statement_id=statement.pk)
    statement.refresh_from_db()
    assert statement.status == Status.PENDING and statement.last_error


def test_nothing_is_sent_while_sending_is_off(lesson_done, organisation_with_lrs, stub_lrs):
    statement = recorded(lesson_done)
    config = organisation_with_lrs.lrs_config
    config.enabled = False
    services.lrs_config_save(config=config)
    assert services.statement_send(statement_id=statement.pk) is False
    assert stub_lrs.received == []
    assert not owed.statements_owed().exists()


def test_the_sweep_records_and_sends_what_no_message_did(
    lesson_done, stub_lrs, django_capture_on_commit_callbacks
):
    assert set(owed.facts_owed(Kind.LESSON_COMPLETED)) == {lesson_done}
    assert owed.facts_owed(Kind.LAUNCHED).count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        counts = owed_requeue(older_than=timedelta(0))
    assert counts["xAPI statement (lesson completed)"] == 1
    assert counts["xAPI statement (module launched)"] == 1
    assert not owed.facts_owed(Kind.LESSON_COMPLETED).exists()
    assert set(Statement.objects.values_list("kind", "status")) == {
        (Kind.LESSON_COMPLETED, Status.SENT),
        (Kind.LAUNCHED, Status.SENT),
    }
    assert len(stub_lrs.received) == 2


def test_the_sweep_sends_statements_recorded_but_not_sent(lesson_done, stub_lrs):
    statement = recorded(lesson_done)
    stub_lrs.status = 503
    with pytest.raises(client.LrsUnavailable):
        services.statement_send(statement_id=statement.pk)
    stub_lrs.status = 204
    counts = owed_requeue(older_than=timedelta(0))
    assert counts["xAPI statement sending"] == 2  # ours, and the enrolment's the same sweep recorded
    statement.refresh_from_db()
    assert statement.status == Status.SENT


def test_learning_in_an_organisation_without_an_lrs_is_never_owed(content):
    membership = learner_in(OrganisationFactory())
    lesson_complete(user=membership.user, lesson=content.lessons[0])
    assert not owed.facts_owed(Kind.LESSON_COMPLETED).exists()
    assert services.statements_record(kind=Kind.LESSON_COMPLETED, source_id=1) == []


def test_learning_before_sending_was_turned_on_is_never_owed(content, stub_lrs):
    organisation = OrganisationFactory()
    membership = learner_in(organisation)
    lesson_complete(user=membership.user, lesson=content.lessons[0])
    lrs_for(organisation, stub_lrs.url)
    assert not owed.facts_owed(Kind.LESSON_COMPLETED).exists()


def test_erasing_a_person_drops_their_key_and_what_was_not_sent(lesson_done):
    statement = recorded(lesson_done)
    user = lesson_done.enrolment.user
    person_erase(user=user, actor=UserFactory(is_superuser=True))
    assert not LearnerKey.objects.filter(user=user).exists()
    assert not Statement.objects.filter(pk=statement.pk).exists()

"""xAPI end to end: a learner's journey on PostgreSQL, the statements sent by a real Celery worker to a real
LRS (Ralph, run locally), read back through its API and validated against the xAPI statement schema; a resend
stores nothing twice; with the broker down, the owed-work sweep sends everything once it is back."""

import time
from datetime import timedelta

import pytest
from reliability.actions import broker_unreachable

from learning.core.owed import owed_requeue
from learning.organisations.factories import OrganisationFactory
from learning.xapi import services
from learning.xapi.models import Statement
from modules.seed import site_structure_ensure
from tests.xapi.journey import journey, learner_in, lrs_for, module_with_quiz
from tests.xapi.schema import statement_errors

pytestmark = pytest.mark.integration
Kind, Status = Statement.Kind, Statement.Status
ALL_KINDS = {Kind.LAUNCHED, Kind.LESSON_COMPLETED, Kind.QUIZ_ATTEMPTED, Kind.QUIZ_GRADED}
ALL_KINDS |= {Kind.REFLECTION_SIGNED_OFF, Kind.MODULE_COMPLETED}


def all_sent(organisation):
    statements = Statement.objects.filter(organisation=organisation)
    kinds = set(statements.values_list("kind", flat=True))
    return kinds == ALL_KINDS and not statements.exclude(status=Status.SENT).exists()


def at_ralph(ralph, organisation) -> dict:
    ours = {
        str(pk) for pk in Statement.objects.filter(organisation=organisation).values_list("pk", flat=True)
    }
    return {s["id"]: s for s in ralph.statements() if s["id"] in ours}


def test_a_journey_reaches_ralph_through_the_worker_as_valid_statements(
    celery_worker_process, ralph, wait_for
):
    organisation = OrganisationFactory()
    lrs_for(organisation, ralph.url)
    membership = learner_in(organisation)
    started = time.monotonic()
    journey(membership=membership, content=module_with_quiz(site_structure_ensure()))
    assert wait_for(lambda: all_sent(organisation), timeout=120), list(
        Statement.objects.values_list("kind", "status", "last_error")
    )
    stored = at_ralph(ralph, organisation)
    recorded = {str(s.pk): s for s in Statement.objects.filter(organisation=organisation)}
    assert set(stored) == set(recorded)
    for statement_id, statement in stored.items():
        assert statement_errors(statement) == [], statement
        sent = recorded[statement_id].payload
        for part in ("actor", "verb", "object", "context"):
            assert statement[part] == sent[part], part
    verbs = sorted(s["verb"]["id"].rsplit("/", 1)[1] for s in stored.values())
    assert verbs == ["attempted", "completed", "completed", "completed", "completed", "launched", "passed"]
    took = time.monotonic() - started
    print(f"\nFIGURES xapi: {len(stored)} statements at Ralph, {took:.1f} s after the journey began")


def test_sending_again_stores_nothing_twice(celery_worker_process, ralph, wait_for):
    organisation = OrganisationFactory()
    lrs_for(organisation, ralph.url)
    journey(membership=learner_in(organisation), content=module_with_quiz(site_structure_ensure()))
    assert wait_for(lambda: all_sent(organisation), timeout=120)
    before = len(at_ralph(ralph, organisation))
    # As if every reply had been lost on the way back: each statement goes to the LRS a second time.
    Statement.objects.filter(organisation=organisation).update(status=Status.PENDING, sent_at=None)
    for statement in Statement.objects.filter(organisation=organisation):
        assert services.statement_send(statement_id=statement.pk) is True
        services.statements_record(kind=statement.kind, source_id=statement.source_id)
    ids = [s["id"] for s in ralph.statements()]
    ours = at_ralph(ralph, organisation)
    assert len(ours) == before and all(ids.count(statement_id) == 1 for statement_id in ours)
    assert Statement.objects.filter(organisation=organisation).count() == before


def test_with_the_broker_down_the_sweep_sends_everything_once_it_is_back(start_worker, ralph, wait_for):
    organisation = OrganisationFactory()
    lrs_for(organisation, ralph.url)
    membership = learner_in(organisation)
    content = module_with_quiz(site_structure_ensure())
    with broker_unreachable():
        journey(membership=membership, content=content)  # every publish refused, and logged
    assert not Statement.objects.filter(organisation=organisation).exists()
    assert not at_ralph(ralph, organisation)

    start_worker()
    # The beat sweep, run now instead of minutes later, and again as it would be every 3 minutes: the module's
    # completion is itself owed work (the completion check), recorded by the worker after the first run.
    assert wait_for(
        lambda: owed_requeue(older_than=timedelta(0)) is not None and all_sent(organisation), timeout=180
    )
    assert len(at_ralph(ralph, organisation)) == len(ALL_KINDS) + 1  # two lessons

"""The facts each requirement stores about its person's learning (done_until, started, last_expires_at):
kept by the recounts, agreeing with the records, and read by the dashboard's lists, whose states still move
with the clock between recounts (an expiry needs no recount to show)."""

from datetime import date, timedelta

import pytest
import time_machine
from django.utils import timezone

from learning.coverage import services
from learning.coverage.models import Requirement
from learning.coverage.selectors import Scope, requirements_in
from learning.coverage.selectors.people import with_state, with_status
from learning.coverage.selectors.status import DONE_FOREVER, STATUSES
from learning.progress.models import ModuleCompletion

pytestmark = pytest.mark.django_db


def _assign(committed, org, module, *, due_on):
    committed(
        services.assignment_create,
        organisation=org.organisation,
        module=module,
        created_by=None,
        due_on=due_on,
    )


def _listed(org, status):
    return {r.membership.user for r in requirements_in(Scope(organisation=org.organisation), status=status)}


def _live(org, status):
    rows = with_status(Requirement.objects.filter(organisation=org.organisation)).select_related(
        "membership__user"
    )
    return {r.membership.user for r in rows if getattr(r, f"is_{status}")}


def test_a_recount_stores_what_the_records_say(org, make_module, committed, complete):
    module = make_module(lessons=2, validity_months=12)
    forever = make_module(lessons=1)
    for m in (module, forever):
        _assign(committed, org, m, due_on=date.today() + timedelta(days=10))
    done, started = org.learners[0].user, org.learners[1].user
    complete(done, module)
    complete(done, forever)
    complete(started, module, lessons=1)
    rows = {
        (r.membership.user, r.module_id): r for r in Requirement.objects.select_related("membership__user")
    }
    finished = rows[done, module.pk]
    assert finished.done_until == finished.last_expires_at > timezone.now() + timedelta(days=360)
    assert (
        rows[done, forever.pk].done_until == DONE_FOREVER and rows[done, forever.pk].last_expires_at is None
    )
    assert rows[started, module.pk].started and rows[started, module.pk].done_until is None
    assert not rows[org.learners[2].user, module.pk].started


def test_the_lists_follow_the_clock_between_recounts(org, make_module, committed, complete):
    module = make_module(lessons=1, validity_months=12)
    _assign(committed, org, module, due_on=date.today() - timedelta(days=1))
    person = org.learners[0].user
    complete(person, module)
    assert person not in _listed(org, "overdue") and person in _listed(org, "completed")
    # No recount runs while the year passes: the stored expiry, compared with the new date, moves the person.
    with time_machine.travel(timezone.now() + timedelta(days=330), tick=False):
        assert person in _listed(org, "expiring")
    with time_machine.travel(timezone.now() + timedelta(days=367), tick=False):
        assert person in _listed(org, "overdue") and person not in _listed(org, "completed")


def test_stored_and_live_states_agree_after_each_recount(org, make_module, committed, complete):
    module = make_module(lessons=2, validity_months=12)
    _assign(committed, org, module, due_on=date.today() - timedelta(days=3))
    complete(org.learners[0].user, module)
    complete(org.learners[1].user, module, lessons=1)
    for days in (0, 320, 400):
        with time_machine.travel(timezone.now() + timedelta(days=days), tick=False):
            for status in STATUSES:
                assert _listed(org, status) == _live(org, status), (days, status)


def _flags(rows):
    return {row.pk: {status: getattr(row, f"is_{status}") for status in STATUSES} for row in rows}


def test_the_states_read_in_python_agree_with_the_sql_ones(org, make_module, committed, complete):
    """A person's own pages (My learning, their record) evaluate the states in Python from live facts
    (with_state); reminders select them in SQL (with_status): the same states at every moment."""
    module = make_module(lessons=2, validity_months=12)
    _assign(committed, org, module, due_on=date.today() - timedelta(days=3))
    done = org.learners[0]
    complete(done.user, module)
    complete(org.learners[1].user, module, lessons=1)
    expiry = ModuleCompletion.objects.get(user=done.user).expires_at
    seen = {}
    for name, moment in {
        "now": timezone.now(),
        "expiring": timezone.now() + timedelta(days=320),
        "lapsed today": expiry + timedelta(minutes=1),
        "lapsed": expiry + timedelta(days=2),
    }.items():
        with time_machine.travel(moment, tick=False):
            requirements = Requirement.objects.filter(organisation=org.organisation).order_by("pk")
            python = _flags(with_state(requirements))
            assert python == _flags(with_status(requirements)), name
            seen[name] = python[Requirement.objects.get(membership=done, module=module).pk]
    assert seen["now"]["completed"] and seen["expiring"]["expiring"]
    assert not seen["lapsed today"]["completed"] and not seen["lapsed today"]["overdue"]
    assert seen["lapsed"]["overdue"]


def test_a_recount_writes_only_the_requirements_that_changed(org, make_module, committed, complete):
    module = make_module(lessons=1)
    _assign(committed, org, module, due_on=date.today() + timedelta(days=10))
    complete(org.learners[0].user, module)
    requirements = Requirement.objects.filter(organisation=org.organisation, module=module)
    assert services.requirement_states_refresh(requirements=requirements) == 0
    Requirement.objects.filter(membership=org.learners[1]).update(started=True)  # drifted: repaired
    assert services.requirement_states_refresh(requirements=requirements) == 1
    assert not Requirement.objects.get(membership=org.learners[1], module=module).started

"""Rollups: what assignments require, how statuses are counted, events that keep them current, the repair."""

from datetime import date, timedelta

import pytest
import time_machine
from django.utils import timezone

from learning.coverage import services
from learning.coverage.models import (
    WHOLE_ORGANISATION,
    Assignment,
    CoverageRollup,
    CoverageSnapshot,
    FrameworkRollup,
    Requirement,
)
from learning.organisations.services import membership_upsert
from learning.progress.models import Enrolment

pytestmark = pytest.mark.django_db


def _rollups(organisation, module):
    return {
        row.team_key: {name: getattr(row, name) for name in CoverageRollup.COUNTS}
        for row in CoverageRollup.objects.filter(organisation=organisation, module=module)
    }


def test_whole_organisation_assignment_enrols_and_counts_every_learner(org, make_module, committed):
    module = make_module()
    committed(
        services.assignment_create,
        organisation=org.organisation,
        module=module,
        created_by=org.lead.user,
        due_on=date.today() + timedelta(days=30),
    )
    # The lead has no learner role: required training is for the learning workforce.
    assert Requirement.objects.filter(module=module).count() == 4
    assert Enrolment.objects.filter(module=module, source=Enrolment.Source.ASSIGNED).count() == 4
    rollups = _rollups(org.organisation, module)
    assert rollups[WHOLE_ORGANISATION] == {
        "assigned": 4,
        "not_started": 4,
        "in_progress": 0,
        "completed": 0,
        "overdue": 0,
        "expiring": 0,
    }
    assert rollups[org.red.pk]["assigned"] == 2 and rollups[org.blue.pk]["assigned"] == 1


def test_team_and_job_title_scopes_and_the_earliest_due_date_wins(org, make_module, committed):
    module = make_module()
    soon, later = date.today() + timedelta(days=5), date.today() + timedelta(days=50)
    committed(
        services.assignment_create,
        organisation=org.organisation,
        module=module,
        created_by=None,
        scope=Assignment.Scope.TEAM,
        team=org.red,
        due_on=later,
    )
    committed(
        services.assignment_create,
        organisation=org.organisation,
        module=module,
        created_by=None,
        scope=Assignment.Scope.JOB_TITLE,
        job_title="  nurse ",
        due_on=soon,
    )
    due = dict(Requirement.objects.filter(module=module).values_list("membership_id", "due_on"))
    red_nurse, blue_nurse, _social_worker = org.learners
    assert due == {red_nurse.pk: soon, blue_nurse.pk: soon, org.supervisor.pk: later}


def test_within_days_counts_from_joining_or_the_assignment_whichever_is_later(org, make_module, committed):
    module = make_module()
    newcomer = org.learners[0]
    newcomer.joined_on = date.today() + timedelta(days=3)
    newcomer.save()
    committed(
        services.assignment_create,
        organisation=org.organisation,
        module=module,
        created_by=None,
        due_within_days=30,
    )
    due = dict(Requirement.objects.filter(module=module).values_list("membership_id", "due_on"))
    assert due[newcomer.pk] == date.today() + timedelta(days=33)
    assert due[org.learners[1].pk] == date.today() + timedelta(days=30)


def test_lesson_and_module_completion_move_the_rollups(org, make_module, committed, complete):
    module = make_module(lessons=2)
    committed(
        services.assignment_create,
        organisation=org.organisation,
        module=module,
        created_by=None,
        due_on=date.today() + timedelta(days=10),
    )
    red_nurse = org.learners[0]
    complete(red_nurse.user, module, lessons=1)
    assert _rollups(org.organisation, module)[org.red.pk]["in_progress"] == 1
    complete(red_nurse.user, module)
    rollups = _rollups(org.organisation, module)
    assert rollups[org.red.pk]["completed"] == 1 and rollups[org.red.pk]["in_progress"] == 0
    assert rollups[WHOLE_ORGANISATION]["completed"] == 1 and rollups[WHOLE_ORGANISATION]["not_started"] == 3


def test_overdue_expiring_and_renewal_after_expiry(org, make_module, committed, complete):
    module = make_module(lessons=1, validity_months=12)
    committed(
        services.assignment_create,
        organisation=org.organisation,
        module=module,
        created_by=None,
        due_on=date.today() - timedelta(days=1),
    )
    assert _rollups(org.organisation, module)[WHOLE_ORGANISATION]["overdue"] == 4
    complete(org.learners[0].user, module)
    total = _rollups(org.organisation, module)[WHOLE_ORGANISATION]
    assert (total["overdue"], total["completed"], total["expiring"]) == (3, 1, 0)
    with time_machine.travel(timezone.now() + timedelta(days=330), tick=False):
        services.coverage_refresh(organisation_id=org.organisation.pk)
        assert _rollups(org.organisation, module)[WHOLE_ORGANISATION]["expiring"] == 1
    with time_machine.travel(timezone.now() + timedelta(days=367), tick=False):
        services.coverage_refresh(organisation_id=org.organisation.pk)
        total = _rollups(org.organisation, module)[WHOLE_ORGANISATION]
        assert (total["completed"], total["overdue"]) == (
            0,
            4,
        )  # renewal was due when the certificate expired


def test_membership_changes_are_picked_up(org, make_module, committed):
    module = make_module()
    committed(
        services.assignment_create,
        organisation=org.organisation,
        module=module,
        created_by=None,
        scope=Assignment.Scope.TEAM,
        team=org.blue,
        due_on=date.today(),
    )
    mover = org.learners[0]
    committed(
        membership_upsert, user=mover.user, organisation=org.organisation, team=org.blue, job_title="Nurse"
    )
    assert _rollups(org.organisation, module)[org.blue.pk]["assigned"] == 2
    mover.refresh_from_db()
    mover.is_active = False
    committed(mover.save)
    assert _rollups(org.organisation, module)[org.blue.pk]["assigned"] == 1


def test_withdrawing_the_assignment_removes_the_rollups_and_keeps_progress(org, make_module, committed):
    module = make_module()
    assignment = committed(
        services.assignment_create,
        organisation=org.organisation,
        module=module,
        created_by=None,
        due_on=date.today(),
    )
    committed(services.assignment_delete, assignment=assignment)
    assert not CoverageRollup.objects.filter(module=module).exists()
    assert not Requirement.objects.filter(module=module).exists()
    assert Enrolment.objects.filter(module=module).count() == 4


def test_recompute_is_idempotent_and_the_nightly_repair_fixes_a_corrupted_rollup(org, make_module, committed):
    module = make_module(levels=["informed"])
    committed(
        services.assignment_create,
        organisation=org.organisation,
        module=module,
        created_by=None,
        due_on=date.today(),
    )
    before = _rollups(org.organisation, module)
    services.rollups_recompute(organisation_id=org.organisation.pk, module_id=module.pk)
    assert _rollups(org.organisation, module) == before
    CoverageRollup.objects.filter(team_key=WHOLE_ORGANISATION).update(completed=99, assigned=1)
    CoverageRollup.objects.filter(team_key=org.red.pk).delete()
    Requirement.objects.filter(membership=org.learners[1]).delete()
    FrameworkRollup.objects.all().delete()
    committed(services.coverage_nightly_queue)
    assert _rollups(org.organisation, module) == before
    assert (
        FrameworkRollup.objects.filter(organisation=org.organisation, team_key=WHOLE_ORGANISATION).get().staff
        == 4
    )
    assert CoverageSnapshot.objects.get(organisation=org.organisation, module=module).assigned == 4


def test_one_refresh_is_queued_however_many_memberships_a_transaction_saves(
    org, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        for membership in org.learners:
            membership.save()
        services.organisation_changed(organisation_id=org.organisation.pk)
    assert len(callbacks) == 1


def test_a_broker_outage_does_not_fail_the_learner_and_the_repair_catches_up(
    org, make_module, committed, complete, monkeypatch
):
    from learning.coverage import tasks

    module = make_module(lessons=1)
    committed(
        services.assignment_create,
        organisation=org.organisation,
        module=module,
        created_by=None,
        due_on=date.today(),
    )
    monkeypatch.setattr(
        tasks.progress_recount, "delay", lambda *args: (_ for _ in ()).throw(ConnectionError("broker down"))
    )
    complete(org.learners[0].user, module)  # no error reaches the learner
    assert _rollups(org.organisation, module)[WHOLE_ORGANISATION]["completed"] == 0
    monkeypatch.undo()
    services.coverage_repair(organisation_id=org.organisation.pk)
    assert _rollups(org.organisation, module)[WHOLE_ORGANISATION]["completed"] == 1

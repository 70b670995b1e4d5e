"""Attendance completes the event: at an event linked to a module, a person marked present has completed the
module (their requirement met, the rollups moved, a certificate issued) as an online completion would; a
standalone event records attendance only. The CPD log reads attended sessions."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from certificates.models import Certificate
from learning.core.errors import ServiceError
from learning.coverage.models import WHOLE_ORGANISATION, CoverageRollup, Requirement
from learning.coverage.selectors.status import status_conditions
from learning.coverage.services import assignment_create
from learning.events import services
from learning.events.models import Attendance
from learning.events.selectors import AttendedLearning, attended_learning
from learning.progress.models import ModuleCompletion


def _completed(organisation, module):
    return CoverageRollup.objects.get(
        organisation=organisation, module=module, team_key=WHOLE_ORGANISATION
    ).completed


def _met(membership, module):
    met = Requirement.objects.filter(membership=membership, module=module).filter(
        status_conditions()["completed"]
    )
    return met.exists()


def test_attendance_meets_the_requirement_moves_the_rollups_and_issues_the_certificate(
    world, make_event, committed
):
    committed(
        assignment_create,
        organisation=world.organisation,
        module=world.module,
        created_by=world.lead.user,
        due_on=date.today() + timedelta(days=30),
    )
    _event, session = make_event(capacity=4, starts_in=timedelta(days=1))
    present, absent = world.learners[:2]
    for membership in (present, absent):
        committed(services.booking_create, session=session, user=membership.user)
    assert _completed(world.organisation, world.module) == 0 and not _met(present, world.module)

    committed(
        services.attendance_mark_bulk,
        session=session,
        attended_user_ids=[present.user_id],
        marked_by=world.supervisor.user,
        note="Entered from the printed sign-in sheet",
    )
    assert _met(present, world.module) and not _met(absent, world.module)
    assert _completed(world.organisation, world.module) == 1
    completion = ModuleCompletion.objects.get(user=present.user, module=world.module)
    assert completion.source == ModuleCompletion.Source.EVENT
    assert (completion.recorded_by, completion.cpd_minutes) == (world.supervisor.user, 360)
    assert Certificate.objects.filter(completion=completion).exists()
    marks = dict(Attendance.objects.filter(session=session).values_list("user_id", "attended"))
    assert marks == {present.user_id: True, absent.user_id: False}
    assert Attendance.objects.get(user=absent.user).note == "Entered from the printed sign-in sheet"

    # Marking again (a correction) records nothing twice.
    committed(
        services.attendance_mark, session=session, user=present.user, attended=True, marked_by=world.lead.user
    )
    assert ModuleCompletion.objects.filter(user=present.user, module=world.module).count() == 1


def test_a_standalone_event_records_attendance_only(world, make_event, committed):
    _event, session = make_event(module=False)
    committed(services.booking_create, session=session, user=world.learners[0].user)
    committed(
        services.attendance_mark,
        session=session,
        user=world.learners[0].user,
        attended=True,
        marked_by=world.supervisor.user,
    )
    assert Attendance.objects.get(user=world.learners[0].user).attended
    assert not ModuleCompletion.objects.filter(user=world.learners[0].user).exists()


def test_only_people_booked_can_be_marked(world, make_event, committed):
    _event, session = make_event()
    with pytest.raises(ServiceError, match="Only people booked"):
        services.attendance_mark_bulk(
            session=session, attended_user_ids=[world.outsider.user_id], marked_by=world.supervisor.user
        )
    with pytest.raises(ServiceError, match="Only people who booked"):
        services.attendance_mark(
            session=session, user=world.outsider.user, attended=True, marked_by=world.supervisor.user
        )


def test_the_cpd_log_lists_attended_sessions_by_year(world, make_event, committed):
    _event, session = make_event(module=False, title="Trauma-skilled workshop")
    person = world.learners[0].user
    committed(services.booking_create, session=session, user=person)
    committed(services.attendance_mark, session=session, user=person, attended=True, marked_by=None)
    year = session.starts_at.year
    assert attended_learning(user=person, year=year) == [
        AttendedLearning(
            date=timezone.localdate(session.starts_at),
            title="Trauma-skilled workshop",
            provider="NHS Eventshire",
            minutes=360,
        )
    ]
    assert attended_learning(user=person, year=year - 1) == []
    assert attended_learning(user=world.learners[1].user) == []
    row = attended_learning(user=person)[0]
    assert (row.participatory, row.source) == (True, "event")

"""Property: after any sequence of events, made through the services, the stored rollups equal a naive
recomputation from first principles (memberships x assignments x completions, in plain Python)."""

import contextlib
from collections import Counter
from datetime import datetime, time, timedelta

import pytest
import time_machine
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from learning.core.errors import ServiceError
from learning.coverage import services
from learning.coverage.models import WHOLE_ORGANISATION, Assignment, CoverageRollup, FrameworkRollup
from learning.organisations.factories import MembershipFactory
from learning.organisations.models import Membership
from learning.organisations.services import membership_upsert
from learning.progress.models import Enrolment, LessonCompletion, ModuleCompletion
from learning.progress.services import lesson_complete
from modules.models import LessonPage

pytestmark = pytest.mark.django_db
NOW = timezone.make_aware(datetime(2026, 3, 10, 12, 0))
JOB_TITLES = ["Nurse", "nurse ", "Social worker"]


def _matches(assignment, membership):
    if assignment.scope == Assignment.Scope.TEAM:
        return assignment.team_id == membership.team_id
    if assignment.scope == Assignment.Scope.JOB_TITLE:
        return assignment.job_title.strip().lower() == membership.job_title.strip().lower()
    return True


def naive_rollups(organisation):
    today, midnight = NOW.date(), timezone.make_aware(datetime.combine(NOW.date(), time.min))
    completions = list(ModuleCompletion.objects.all())
    cycles = {(e.pk): e.cycle for e in Enrolment.objects.all()}
    started = {
        (c.enrolment.user_id, c.enrolment.module_id)
        for c in LessonCompletion.objects.select_related("enrolment")
        if c.cycle == cycles[c.enrolment_id]
    }
    assignments = list(Assignment.objects.filter(organisation=organisation, module__live=True))
    expected = Counter()
    for member in Membership.objects.filter(organisation=organisation, is_active=True, is_learner=True):
        for module_id in {a.module_id for a in assignments}:
            dues = [
                a.due_on
                or max(member.joined_on, timezone.localdate(a.created_at)) + timedelta(days=a.due_within_days)
                for a in assignments
                if a.module_id == module_id and _matches(a, member)
            ]
            if not dues:
                continue
            mine = [c for c in completions if c.user_id == member.user_id and c.module_id == module_id]
            valid = [c for c in mine if c.status == "active" and (c.expires_at is None or c.expires_at > NOW)]
            done, begun = bool(valid), (member.user_id, module_id) in started
            lapsed_today = any(c.expires_at and c.expires_at >= midnight for c in mine)
            state = {
                "assigned": True,
                "completed": done,
                "in_progress": not done and begun,
                "not_started": not done and not begun,
                "overdue": not done and min(dues) < today and not lapsed_today,
                "expiring": done
                and all(c.expires_at and c.expires_at <= NOW + timedelta(days=60) for c in valid),
            }
            for team_key in {WHOLE_ORGANISATION, member.team_id or WHOLE_ORGANISATION}:
                for name, on in state.items():
                    expected[team_key, module_id, name] += on
    return {key: n for key, n in expected.items() if n}


def stored_rollups(organisation):
    return {
        (row.team_key, row.module_id, name): getattr(row, name)
        for row in CoverageRollup.objects.filter(organisation=organisation)
        for name in CoverageRollup.COUNTS
        if getattr(row, name)
    }


def naive_levels(organisation, levels):
    valid = [
        c
        for c in ModuleCompletion.objects.prefetch_related("module__framework_levels")
        if c.status == "active" and (c.expires_at is None or c.expires_at > NOW)
    ]
    expected = Counter()
    for member in Membership.objects.filter(organisation=organisation, is_active=True, is_learner=True):
        trained = {
            level.pk
            for c in valid
            if c.user_id == member.user_id
            for level in c.module.framework_levels.all()
        }
        for team_key in {WHOLE_ORGANISATION, member.team_id or WHOLE_ORGANISATION}:
            for level in levels:
                expected[team_key, level.pk, "staff"] += 1
                expected[team_key, level.pk, "trained"] += level.pk in trained
    return {key: n for key, n in expected.items() if n}


def stored_levels(organisation):
    return {
        (row.team_key, row.level_id, name): getattr(row, name)
        for row in FrameworkRollup.objects.filter(organisation=organisation)
        for name in ("staff", "trained")
        if getattr(row, name)
    }


assign = st.tuples(
    st.just("assign"),
    st.sampled_from(list(Assignment.Scope)),
    st.integers(0, 1),
    st.integers(0, 2),
    st.integers(0, 1),
    st.sampled_from([-20, -1, 0, 5, 40]),
    st.booleans(),
)
events = st.lists(
    st.one_of(
        assign,
        assign,  # twice as likely: most sequences should require something of someone
        st.tuples(st.just("unassign"), st.integers(0, 5)),
        st.tuples(st.just("redate"), st.integers(0, 5), st.sampled_from([-3, 7])),
        st.tuples(
            st.just("move"),
            st.integers(0, 4),
            st.sampled_from([0, 1, None]),
            st.integers(0, 2),
            st.booleans(),
        ),
        st.tuples(st.just("lesson"), st.integers(0, 4), st.integers(0, 1), st.integers(0, 1)),
    ),
    min_size=1,
    max_size=7,
)


@pytest.fixture
def world(org, make_module, monkeypatch, django_capture_on_commit_callbacks):
    monkeypatch.setattr("certificates.services.render_certificate_pdf", lambda certificate: b"%PDF-1.4 test")
    with time_machine.travel(
        NOW - timedelta(days=400), tick=False
    ):  # the old completion below has lapsed by NOW
        modules = [
            make_module(lessons=2, levels=["informed"]),
            make_module(lessons=1, levels=["informed", "skilled"], validity_months=12),
        ]
        with django_capture_on_commit_callbacks(execute=True):
            people = [
                *org.learners,
                org.supervisor,
                MembershipFactory(organisation=org.organisation, job_title="nurse "),
            ]
            lesson_complete(user=people[1].user, lesson=LessonPage.objects.child_of(modules[1]).first())
    return org, modules, people


@settings(
    max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(sequence=events)
@example(sequence=[("lesson", 0, 1, 0)])  # a module completed by someone it is not required of
def test_rollups_equal_a_naive_recomputation(world, sequence, django_capture_on_commit_callbacks):
    org, modules, people = world
    organisation, teams = org.organisation, [org.red, org.blue]
    with time_machine.travel(NOW, tick=False), transaction.atomic():
        # The world was made 400 days ago: the clock's changes since are the nightly repair's to pick up.
        services.coverage_refresh(organisation_id=organisation.pk)
        for event in sequence:
            with django_capture_on_commit_callbacks(execute=True):
                _apply(event, organisation, teams, modules, people)
        assert stored_rollups(organisation) == naive_rollups(organisation)
        levels = list(modules[1].framework_levels.all())
        assert stored_levels(organisation) == naive_levels(organisation, levels)
        transaction.set_rollback(True)  # each example starts from the same world


def _apply(event, organisation, teams, modules, people):
    kind, *args = event
    assignments = list(Assignment.objects.filter(organisation=organisation).order_by("pk"))
    if kind == "assign":
        scope, team, title, module, days, by_date = args
        # Already assigned to that target: refused with ServiceError, nothing written.
        with contextlib.suppress(ServiceError):
            services.assignment_create(
                organisation=organisation,
                module=modules[module],
                created_by=None,
                scope=scope,
                team=teams[team] if scope == Assignment.Scope.TEAM else None,
                job_title=JOB_TITLES[title] if scope == Assignment.Scope.JOB_TITLE else "",
                due_on=NOW.date() + timedelta(days=days) if by_date else None,
                due_within_days=None if by_date else abs(days) + 1,
            )
    elif kind == "unassign" and assignments:
        services.assignment_delete(assignment=assignments[args[0] % len(assignments)])
    elif kind == "redate" and assignments:
        services.assignment_update(
            assignment=assignments[args[0] % len(assignments)],
            due_on=NOW.date() + timedelta(days=args[1]),
            due_within_days=None,
        )
    elif kind == "move":
        member, team, title, learner = args
        person = Membership.objects.get(pk=people[member].pk)
        membership_upsert(
            user=person.user,
            organisation=organisation,
            team=None if team is None else teams[team],
            job_title=JOB_TITLES[title],
            is_learner=learner or not person.is_supervisor,
            is_supervisor=person.is_supervisor,
            supervisor=person.supervisor,
        )
    elif kind == "lesson":
        member, module, lesson = args
        lessons = list(LessonPage.objects.child_of(modules[module]).live())
        lesson_complete(user=people[member].user, lesson=lessons[lesson % len(lessons)])

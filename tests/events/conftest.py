from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone

from learning.events import services
from learning.events.models import Event
from learning.organisations.factories import MembershipFactory, OrganisationFactory
from modules.factories import LessonPageFactory, ModulePageFactory
from modules.seed import site_structure_ensure
from tests.integration.conftest import real_services  # noqa: F401  (the PostgreSQL leg's, for the concurrency test)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what a service queues on commit (eager Celery: emails, certificates, recounts) as if committed."""

    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return run


@pytest.fixture
def world(db, django_capture_on_commit_callbacks):
    """An organisation with a lead, a supervisor who facilitates, and four learners they supervise; a module
    its event completes; and another organisation's learner."""
    with django_capture_on_commit_callbacks(execute=True):
        organisation = OrganisationFactory(name="NHS Eventshire")
        lead = MembershipFactory(organisation=organisation, is_learner=False, is_lead=True)
        supervisor = MembershipFactory(organisation=organisation, is_supervisor=True)
        learners = [MembershipFactory(organisation=organisation, supervisor=supervisor) for _ in range(4)]
        outsider = MembershipFactory(organisation=OrganisationFactory(name="Elsewhere"))
        module = ModulePageFactory(
            parent=site_structure_ensure(), title="Safe and Together core", require_quiz_pass=False
        )
        LessonPageFactory(parent=module)
    return SimpleNamespace(
        organisation=organisation,
        lead=lead,
        supervisor=supervisor,
        learners=learners,
        outsider=outsider,
        module=module,
    )


@pytest.fixture
def make_event(world):
    def make(*, capacity=2, module=True, approval=False, starts_in=timedelta(days=7), **fields):
        event = services.event_create(
            organisation=world.organisation,
            created_by=world.lead.user,
            title=fields.pop("title", "Safe and Together core training"),
            delivery=Event.Delivery.IN_PERSON,
            module=world.module if module else None,
            cpd_minutes=360,
            needs_supervisor_approval=approval,
        )
        starts = timezone.now() + starts_in
        session = services.session_add(
            event=event,
            starts_at=starts,
            ends_at=starts + timedelta(hours=6),
            place="Community Hall, Paisley",
            capacity=capacity,
            facilitator=world.supervisor.user,
        )
        return event, session

    return make

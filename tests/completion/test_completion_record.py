"""completion_record: a completion from an event, a verified record or a lead counts like a module's own
completion: once per cycle, in coverage, with its certificate."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from certificates.models import Certificate
from learning.completion.services import completion_record
from learning.coverage import services as coverage
from learning.coverage.selectors.people import record_requirements
from learning.organisations.factories import MembershipFactory
from learning.progress.models import ModuleCompletion
from modules.factories import LessonPageFactory, ModulePageFactory
from modules.seed import site_structure_ensure

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        module = ModulePageFactory(parent=site_structure_ensure(), validity_months=12)
        LessonPageFactory(parent=module)
        lead = MembershipFactory(is_learner=False, is_lead=True)
        learner = MembershipFactory(organisation=lead.organisation)
    with django_capture_on_commit_callbacks(execute=True):
        coverage.assignment_create(
            organisation=lead.organisation,
            module=module,
            created_by=lead.user,
            due_on=date.today() + timedelta(days=30),
        )
    return module, lead, learner


def _record(world, **kwargs):
    module, lead, learner = world
    arguments = {
        "user": learner.user,
        "module": module,
        "completed_at": timezone.now() - timedelta(days=3),
        "source": ModuleCompletion.Source.RECORDED,
        "recorded_by": lead.user,
    }
    return completion_record(**{**arguments, **kwargs})


def test_it_records_once_per_cycle(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = _record(world, cpd_minutes=90)
        again = _record(world, source=ModuleCompletion.Source.EVENT)
    assert first.pk == again.pk and ModuleCompletion.objects.count() == 1
    assert (first.source, first.recorded_by_id, first.cpd_minutes) == ("recorded", world[1].user.pk, 90)
    assert first.expires_at.date() > first.completed_at.date()  # the module's validity applies


def test_it_counts_in_coverage_and_issues_the_certificate(world, django_capture_on_commit_callbacks):
    _module, _lead, learner = world
    [before] = record_requirements(membership=learner)
    assert not before.is_completed
    with django_capture_on_commit_callbacks(execute=True):
        completion = _record(world, source=ModuleCompletion.Source.EXTERNAL)
    [after] = record_requirements(membership=learner)
    assert after.is_completed
    assert Certificate.objects.get(user=learner.user).completion_id == completion.pk


def test_it_refuses_the_module_source(world):
    with pytest.raises(ValueError):
        _record(world, source=ModuleCompletion.Source.MODULE)
    assert not ModuleCompletion.objects.exists()

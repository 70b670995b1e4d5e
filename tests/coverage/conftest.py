from types import SimpleNamespace

import pytest

from learning.organisations.factories import MembershipFactory, OrganisationFactory, TeamFactory
from modules.factories import LessonPageFactory, ModulePageFactory
from modules.models import FrameworkLevel, FrameworkMapping, LessonPage
from modules.seed import site_structure_ensure


@pytest.fixture
def make_module(db):
    index = site_structure_ensure()

    def make(lessons=2, levels=(), **kwargs):
        module = ModulePageFactory(parent=index, **kwargs)
        for _ in range(lessons):
            LessonPageFactory(parent=module)
        for i, slug in enumerate(levels):  # a module claims a level only through a justified mapping
            level, _ = FrameworkLevel.objects.get_or_create(slug=slug, defaults={"name": slug, "order": i})
            FrameworkMapping.objects.create(module=module, level=level, justification="Checked in a test.")
        return module

    return make


@pytest.fixture
def org(db, django_capture_on_commit_callbacks):
    """An organisation with two teams, a lead, a supervisor and three learners (one without a team), created
    as if committed. (Coverage queues each refresh once per transaction, so a test that leaves a queued
    refresh unrun would see later identical ones skipped: run what is queued, with `committed`.)"""
    with django_capture_on_commit_callbacks(execute=True):
        return _org()


def _org():
    organisation = OrganisationFactory(name="NHS Testshire")
    red, blue = (
        TeamFactory(organisation=organisation, name="Red"),
        TeamFactory(organisation=organisation, name="Blue"),
    )
    lead = MembershipFactory(organisation=organisation, is_learner=False, is_lead=True, job_title="Lead")
    supervisor = MembershipFactory(
        organisation=organisation, team=red, is_supervisor=True, job_title="Team leader"
    )
    learners = [
        MembershipFactory(organisation=organisation, team=red, supervisor=supervisor, job_title="Nurse"),
        MembershipFactory(organisation=organisation, team=blue, job_title="Nurse"),
        MembershipFactory(organisation=organisation, team=None, job_title="Social worker"),
    ]
    return SimpleNamespace(
        organisation=organisation, red=red, blue=blue, lead=lead, supervisor=supervisor, learners=learners
    )


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a block's on-commit work (the queued coverage tasks, eager in tests) as if it had committed."""

    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return run


@pytest.fixture
def complete(committed):
    """Complete every lesson of a module as the learner would."""
    from learning.progress.services import lesson_complete

    def run(user, module, lessons=None):
        for lesson in list(LessonPage.objects.child_of(module).live())[:lessons]:
            committed(lesson_complete, user=user, lesson=lesson)

    return run

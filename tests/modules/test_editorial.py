"""Editors work with drafts, moderation, revisions and scheduled publishing; never with learner records."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Workflow

from learning.organisations.factories import UserFactory
from learning.progress.models import LessonCompletion
from learning.progress.services import lesson_complete
from modules.factories import LessonPageFactory, ModulePageFactory
from modules.models import LessonPage
from modules.seed import site_structure_ensure
from modules.tasks import publish_scheduled_pages

pytestmark = pytest.mark.django_db


@pytest.fixture
def module():
    module = ModulePageFactory(parent=site_structure_ensure())
    LessonPageFactory(parent=module)
    return module


def test_a_draft_is_not_live_until_published(module):
    lesson = LessonPage.objects.child_of(module).first()
    lesson.title = "Draft title"
    lesson.save_revision()
    assert LessonPage.objects.get(pk=lesson.pk).title != "Draft title"
    assert lesson.get_latest_revision_as_object().title == "Draft title"


def test_moderation_workflow_applies_to_modules(module):
    editor = UserFactory(is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    workflow = module.get_workflow()
    assert isinstance(workflow, Workflow) and workflow.active
    revision = module.save_revision(user=editor)
    state = workflow.start(module, editor)
    assert state.status == "in_progress" and module.current_workflow_state == state
    assert revision.pk == module.latest_revision_id


def test_scheduled_publishing_by_the_beat_task(module):
    lesson = LessonPageFactory(parent=module, live=False, title="Coming soon")
    go_live = timezone.now() + timedelta(days=1)
    lesson.go_live_at = go_live
    lesson.save_revision().publish()  # with a future go-live date this schedules instead of publishing
    assert not LessonPage.objects.get(pk=lesson.pk).live
    with time_machine.travel(go_live + timedelta(minutes=1)):
        publish_scheduled_pages.delay()
    assert LessonPage.objects.get(pk=lesson.pk).live


def test_unpublishing_a_lesson_keeps_learner_records(module):
    learner = UserFactory()
    lesson = LessonPage.objects.child_of(module).first()
    lesson_complete(user=learner, lesson=lesson)
    lesson.unpublish()
    assert LessonCompletion.objects.filter(lesson=lesson, enrolment__user=learner).exists()

"""The nightly repair records completions whose rule is met but that no event recorded, such as the lessons of
a module all done but counted by two racing requests that each missed the other's lesson."""

import pytest

from certificates.models import Certificate
from learning.completion.services import completions_repair
from learning.progress import services
from learning.progress.models import Enrolment, LessonCompletion, ModuleCompletion

pytestmark = pytest.mark.django_db


def test_repair_records_a_completion_the_race_left_unrecorded(
    make_module, learner, django_capture_on_commit_callbacks
):
    module = make_module(lessons=2)
    lessons = list(module.get_children().specific())
    enrolment = services.enrolment_create(user=learner, module=module)
    for lesson in lessons:  # as two racing requests leave it: every lesson row, and no one noticed the last
        LessonCompletion.objects.create(enrolment=enrolment, cycle=1, lesson=lesson)
    assert Enrolment.objects.get().lessons_completed_at is None
    with django_capture_on_commit_callbacks(execute=True):
        assert completions_repair() == 1
    completion = ModuleCompletion.objects.get(user=learner, module=module)
    assert Certificate.objects.filter(completion=completion).count() == 1  # queued once the repair committed
    assert completions_repair() == 0


def test_repair_leaves_unfinished_modules_alone(make_module, learner):
    module = make_module(lessons=2)
    services.lesson_complete(user=learner, lesson=module.get_children().specific().first())
    assert completions_repair() == 0 and not ModuleCompletion.objects.exists()

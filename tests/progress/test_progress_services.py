import pytest

from learning.core.errors import ServiceError
from learning.progress import selectors, services
from learning.progress.models import Enrolment, LessonCompletion
from modules.models import LessonPage

pytestmark = pytest.mark.django_db


def _lessons(module):
    return list(LessonPage.objects.child_of(module).live().order_by("path"))


def test_complete_lessons_moves_progress_and_resume_point(learner, make_module):
    module = make_module(lessons=4)
    lessons = _lessons(module)
    services.enrolment_create(user=learner, module=module)
    progress = selectors.progress_for_modules(user=learner, modules=[module])[module.pk]
    assert (progress.percent, progress.next_lesson) == (0, lessons[0])
    services.lesson_complete(user=learner, lesson=lessons[0])
    services.lesson_complete(user=learner, lesson=lessons[1])
    progress = selectors.progress_for_modules(user=learner, modules=[module])[module.pk]
    assert (progress.done, progress.percent, progress.next_lesson) == (2, 50, lessons[2])
    assert progress.minutes_left == 20


def test_completing_again_changes_nothing(learner, make_module):
    module = make_module(lessons=2)
    lesson = _lessons(module)[0]
    first = services.lesson_complete(user=learner, lesson=lesson)
    again = services.lesson_complete(user=learner, lesson=lesson)
    assert first.pk == again.pk and first.completed_at == again.completed_at
    assert LessonCompletion.objects.count() == 1 and Enrolment.objects.count() == 1


def test_finishing_every_lesson_records_the_module_revision(learner, make_module):
    module = make_module(lessons=2)
    for lesson in _lessons(module):
        services.lesson_complete(user=learner, lesson=lesson)
    enrolment = Enrolment.objects.get(user=learner, module=module)
    assert enrolment.lessons_completed_at is not None
    assert enrolment.module_revision_id == module.live_revision_id


def test_editing_content_never_rewrites_learner_records(learner, make_module):
    module = make_module(lessons=2)
    lesson = _lessons(module)[0]
    completion = services.lesson_complete(user=learner, lesson=lesson)
    old_revision = completion.revision_id
    lesson.title = "A better title"
    lesson.save_revision().publish()
    completion.refresh_from_db()
    assert completion.revision_id == old_revision != LessonPage.objects.get(pk=lesson.pk).live_revision_id
    assert selectors.progress_for_modules(user=learner, modules=[module])[module.pk].done == 1


def test_prerequisites_enforced_with_a_clear_message(
    learner, make_module, django_capture_on_commit_callbacks
):
    basics = make_module(lessons=1, title="The basics")
    advanced = make_module(lessons=1)
    advanced.prerequisites.add(basics)
    advanced.save_revision().publish()
    with pytest.raises(ServiceError, match="Complete The basics before"):
        services.enrolment_create(user=learner, module=advanced)
    with django_capture_on_commit_callbacks(
        execute=True
    ):  # the completion is recorded once the lesson commits
        services.lesson_complete(user=learner, lesson=_lessons(basics)[0])
    assert services.enrolment_create(user=learner, module=advanced).module_id == advanced.pk


def test_assignment_does_not_wait_for_prerequisites(learner, make_module):
    basics, advanced = make_module(lessons=1), make_module(lessons=1)
    advanced.prerequisites.add(basics)
    advanced.save_revision().publish()
    enrolment = services.enrolment_create(user=learner, module=advanced, source=Enrolment.Source.ASSIGNED)
    assert enrolment.source == "assigned"

"""The completion check: progress records it as owed and sends `completion_check_due`; the completion app's
receiver only queues the evaluation once the change commits; the task records the completion (once, however
often it runs) and answers the owed check; a check whose message was lost is re-queued by the owed-work sweep,
and the completion and its certificate follow."""

from datetime import timedelta

import pytest
from django.utils import timezone

from certificates.models import Certificate
from learning.completion import tasks
from learning.core.owed import owed_requeue
from learning.organisations.factories import MembershipFactory
from learning.progress import services as progress
from learning.progress.models import Enrolment, ModuleCompletion
from modules.factories import LessonPageFactory, ModulePageFactory
from modules.seed import site_structure_ensure

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    module = ModulePageFactory(parent=site_structure_ensure())
    return MembershipFactory().user, module, [LessonPageFactory(parent=module) for _ in range(2)]


def _queued(callbacks):
    return sorted(callback.task.name.rsplit(".", 1)[-1] for callback in callbacks)


def test_lessons_only_queue_the_check_recounts_and_statements_until_the_change_commits(
    world, django_capture_on_commit_callbacks
):
    user, _module, lessons = world
    with django_capture_on_commit_callbacks() as callbacks:  # the request's transaction has not committed
        for lesson in lessons:
            progress.lesson_complete(user=user, lesson=lesson)
    queued = _queued(callbacks)
    assert [name for name in queued if name != "statements_record"] == [
        "completion_evaluate",
        "progress_recount",
    ]  # each once per transaction
    # and the xAPI statements (for an organisation with an LRS): the module launched, each lesson completed
    assert queued.count("statements_record") == 3
    assert not ModuleCompletion.objects.exists()
    assert Enrolment.objects.get(user=user).completion_check_due_at is not None  # owed meanwhile


def test_a_recorded_completion_only_queues_its_certificate_recounts_and_statements(
    world, django_capture_on_commit_callbacks
):
    user, module, _lessons = world
    Enrolment.objects.create(user=user, module=module, lessons_completed_at=timezone.now())
    with django_capture_on_commit_callbacks() as callbacks:
        completion_id = tasks.completion_evaluate.delay(user.pk, module.pk).get()
    assert ModuleCompletion.objects.get().pk == completion_id
    assert _queued(callbacks) == ["certificate_issue", "progress_recount", "statements_record"]
    assert not Certificate.objects.exists()


def test_the_check_is_answered_whether_or_not_the_rule_is_met(world, django_capture_on_commit_callbacks):
    user, module, lessons = world
    module.require_signed_reflection = True
    module.save()
    with django_capture_on_commit_callbacks(execute=True):
        for lesson in lessons:
            progress.lesson_complete(user=user, lesson=lesson)
    enrolment = Enrolment.objects.get(user=user)
    assert not ModuleCompletion.objects.exists()  # waiting for a signed-off reflection
    assert enrolment.lessons_completed_at is not None and enrolment.completion_check_due_at is None
    assert owed_requeue(older_than=timedelta(0))["completion check"] == 0


def test_a_second_run_of_the_task_records_nothing_new(world, django_capture_on_commit_callbacks):
    user, module, lessons = world
    with django_capture_on_commit_callbacks(execute=True):
        for lesson in lessons:
            progress.lesson_complete(user=user, lesson=lesson)
    first = ModuleCompletion.objects.get()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert tasks.completion_evaluate.delay(user.pk, module.pk).get() == first.pk
    assert callbacks == [] and ModuleCompletion.objects.count() == 1
    assert Certificate.objects.filter(completion=first).count() == 1
    assert Enrolment.objects.get(user=user).completion_check_due_at is None


def test_a_check_whose_message_was_lost_is_owed_and_swept_and_the_certificate_follows(
    world, django_capture_on_commit_callbacks
):
    user, module, lessons = world
    with django_capture_on_commit_callbacks():  # the broker lost the message: the callbacks never run
        for lesson in lessons:
            progress.lesson_complete(user=user, lesson=lesson)
    assert not ModuleCompletion.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        assert owed_requeue()["completion check"] == 0  # just owed: its own message may still be on its way
        Enrolment.objects.update(completion_check_due_at=timezone.now() - timedelta(minutes=6))
        assert owed_requeue()["completion check"] == 1
    completion = ModuleCompletion.objects.get(user=user, module=module)
    assert Certificate.objects.filter(completion=completion).count() == 1
    assert Enrolment.objects.get(user=user).completion_check_due_at is None
    assert owed_requeue(older_than=timedelta(0))["completion check"] == 0  # owed no more


def test_a_new_request_keeps_the_oldest_unanswered_stamp(world, django_capture_on_commit_callbacks):
    user, module, lessons = world
    long_ago = timezone.now() - timedelta(hours=1)
    with django_capture_on_commit_callbacks():
        for lesson in lessons:
            progress.lesson_complete(user=user, lesson=lesson)
        Enrolment.objects.update(completion_check_due_at=long_ago)
        assert progress.completion_check_request(user_id=user.pk, module_id=module.pk) is True
    assert Enrolment.objects.get(user=user).completion_check_due_at == long_ago


def test_no_check_is_asked_while_lessons_remain_or_once_completed(world, django_capture_on_commit_callbacks):
    user, module, lessons = world
    with django_capture_on_commit_callbacks(execute=True):
        progress.lesson_complete(user=user, lesson=lessons[0])
        assert progress.completion_check_request(user_id=user.pk, module_id=module.pk) is False
        progress.lesson_complete(user=user, lesson=lessons[1])
    assert ModuleCompletion.objects.count() == 1
    assert progress.completion_check_request(user_id=user.pk, module_id=module.pk) is False

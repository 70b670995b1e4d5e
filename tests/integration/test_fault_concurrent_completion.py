"""No write skew: the last two lessons of a module completed at the same moment, by 40 learners, each with its
own database connection on PostgreSQL (READ COMMITTED), end in 40 completions and 40 certificates (a real
worker evaluates the completion rule and issues the certificates)."""

import threading

import pytest
from django.db import connection

from certificates.models import Certificate
from learning.organisations.factories import MembershipFactory
from learning.progress import services
from learning.progress.models import ModuleCompletion
from modules.factories import LessonPageFactory, ModulePageFactory
from modules.seed import site_structure_ensure

pytestmark = pytest.mark.integration

LEARNERS = 40


def _at_once(*calls):
    """Run each call in its own thread (so on its own connection), released together by a barrier."""
    barrier, errors = threading.Barrier(len(calls)), []

    def run(call):
        try:
            barrier.wait()
            call()
        except Exception as exc:  # reported below, with the learner it happened to
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


def test_the_last_two_lessons_completed_at_once_always_complete_the_module(celery_worker_process, wait_for):
    module = ModulePageFactory(parent=site_structure_ensure(), title="Race module")
    lessons = [LessonPageFactory(parent=module) for _ in range(4)]
    learners = [MembershipFactory().user for _ in range(LEARNERS)]
    for user in learners:
        for lesson in lessons[:2]:
            services.lesson_complete(user=user, lesson=lesson)
    errors = []
    for user in learners:
        errors += _at_once(
            *(
                lambda lesson=lesson, user=user: services.lesson_complete(user=user, lesson=lesson)
                for lesson in lessons[2:]
            )
        )
    assert errors == []
    # The worker evaluates each completion rule once the last lesson commits (learning.completion).
    assert wait_for(lambda: ModuleCompletion.objects.filter(module=module).count() >= LEARNERS, timeout=120)
    assert ModuleCompletion.objects.filter(module=module).count() == LEARNERS
    assert wait_for(
        lambda: Certificate.objects.filter(completion__module=module).count() >= LEARNERS, timeout=120
    )
    assert Certificate.objects.filter(completion__module=module).count() == LEARNERS

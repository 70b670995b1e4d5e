"""After the last lesson the module page's progress panel offers the quiz until it is passed in the current
cycle (#15, finding 4: "Pass the quiz to complete the module" had no button)."""

from datetime import timedelta

import pytest
from django.urls import reverse

from assessments.models import Attempt, Quiz
from assessments.quizzes import scoring
from assessments.quizzes.services.attempts import attempt_start, attempt_submit
from assessments.quizzes.services.imports import questions_write
from learning.progress import services
from learning.progress.models import Enrolment
from modules.models import LessonPage
from tests.assessments.conftest import make_bank_question

pytestmark = pytest.mark.django_db


@pytest.fixture
def module_and_quiz(make_module):
    module = make_module(lessons=2, title="Working with families", require_signed_reflection=False)
    quiz = Quiz.objects.create(title="Families quiz", module=module, pass_mark=80, questions_per_attempt=2)
    questions_write(quiz=quiz, questions=[make_bank_question(i) for i in range(2)])
    return module, quiz


def _panel(client, module):
    html = client.get(module.url).content.decode()
    return html.split('<aside aria-label="Your progress">')[1].split("</aside>")[0]


def _pass(user, quiz):
    attempt = attempt_start(user=user, quiz=quiz)
    answers = {i.position: scoring.correct_keys(i.snapshot) for i in attempt.items.all()}
    attempt_submit(attempt=attempt, answers=answers)


def test_the_panel_offers_the_quiz_once_the_lessons_are_done_and_until_it_is_passed(
    client, learner, module_and_quiz
):
    module, quiz = module_and_quiz
    lessons = list(LessonPage.objects.child_of(module).live().order_by("path"))
    client.force_login(learner)
    services.lesson_complete(user=learner, lesson=lessons[0])
    assert "Take the quiz" not in _panel(client, module)  # lessons first: "Resume"

    services.lesson_complete(user=learner, lesson=lessons[1])
    panel = _panel(client, module)
    assert "Pass the quiz to complete the module." in panel
    assert f'<a class="button" href="{reverse("quiz_detail", args=[quiz.pk])}">Take the quiz</a>' in panel

    _pass(learner, quiz)
    panel = _panel(client, module)
    assert "You have passed the quiz." in panel and "Take the quiz" not in panel


def test_a_pass_in_an_earlier_cycle_does_not_count(client, learner, module_and_quiz):
    module, quiz = module_and_quiz
    lessons = LessonPage.objects.child_of(module).live()
    for lesson in lessons:
        services.lesson_complete(user=learner, lesson=lesson)
    _pass(learner, quiz)
    # The certificate expired: a new cycle starts after the pass, and its lessons are done again.
    passed_at = Attempt.objects.get(user=learner).started_at
    Enrolment.objects.filter(user=learner, module=module).update(
        cycle=2, cycle_started_at=passed_at + timedelta(seconds=1), lessons_completed_at=None
    )
    for lesson in lessons:
        services.lesson_complete(user=learner, lesson=lesson)
    client.force_login(learner)
    panel = _panel(client, module)
    assert "Take the quiz" in panel and "You have passed the quiz." not in panel

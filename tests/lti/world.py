"""A module to launch: one lesson and a quiz (pass mark 50, two questions an attempt)."""

from assessments.models import Quiz
from assessments.quizzes import scoring
from assessments.quizzes.services.attempts import attempt_start, attempt_submit
from assessments.quizzes.services.imports import questions_write
from learning.progress import services as progress
from modules.factories import LessonPageFactory, ModulePageFactory
from modules.models import LessonPage
from modules.seed import site_structure_ensure
from tests.assessments.conftest import make_bank_question


def module_with_quiz(title="Talking with children about a parent's drug use"):
    module = ModulePageFactory(parent=site_structure_ensure(), title=title)
    LessonPageFactory(parent=module)
    quiz = Quiz.objects.create(title=f"{title} quiz", module=module, pass_mark=50, questions_per_attempt=2)
    questions_write(quiz=quiz, questions=[make_bank_question(i) for i in range(3)])
    return module


def complete_with_half_marks(user, module):
    """Every lesson done, and the quiz passed with one of its two questions right: a score of 50."""
    for lesson in LessonPage.objects.child_of(module).live():
        progress.lesson_complete(user=user, lesson=lesson)
    attempt = attempt_start(user=user, quiz=Quiz.objects.get(module=module))
    first = attempt.items.order_by("position").first()
    return attempt_submit(attempt=attempt, answers={first.position: scoring.correct_keys(first.snapshot)})

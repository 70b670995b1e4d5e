"""Quiz submit (issue #17): one locked read of the attempt with its questions, grading in memory, one write of
the answers and marks, one of the attempt: a fixed number of statements whatever the number of questions,
and the same marks as before."""

import random
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from assessments.models import Attempt, Quiz
from assessments.quizzes import scoring
from assessments.quizzes.services.attempts import attempt_save_answers, attempt_start, attempt_submit
from assessments.quizzes.services.imports import questions_write
from learning.progress.models import Enrolment
from modules.factories import LessonPageFactory, ModulePageFactory
from modules.seed import site_structure_ensure
from tests.assessments.conftest import make_bank_question

pytestmark = pytest.mark.django_db

# Outside a transaction (a request, the benchmark): submit 4 (the attempt with its questions, locked; the
# answers and marks; the attempt; the completion check), start 7, and the caller's read of the questions 1:
# 12 in all. Each service's transaction adds a savepoint and its release inside a test's.
SUBMIT, START = 4 + 2, 7 + 2


@pytest.fixture
def module_quiz(learner):
    """A quiz of a five-lesson module, drawn by lesson, its person enrolled with every lesson done (so the
    submit asks for the completion check, as on the site)."""

    def make(questions):
        module = ModulePageFactory(parent=site_structure_ensure())
        lessons = [LessonPageFactory(parent=module) for _ in range(5)]
        quiz = Quiz.objects.create(title="Q", module=module, pass_mark=60, questions_per_attempt=questions)
        bank = []
        for n in range(questions * 2):
            question = make_bank_question(n, ("single", "multi", "truefalse")[n % 3])
            question.tags = [lessons[n % 5].slug]
            bank.append(question)
        questions_write(quiz=quiz, questions=bank)
        Enrolment.objects.create(user=learner, module=module, lessons_completed_at=timezone.now())
        return quiz

    return make


@pytest.mark.parametrize("questions", [4, 12])
def test_start_and_submit_take_the_same_statements_for_any_number_of_questions(
    module_quiz, learner, questions, django_assert_num_queries
):
    quiz = module_quiz(questions)
    with django_assert_num_queries(START):
        attempt = attempt_start(user=learner, quiz=quiz, rng=random.Random(1))
    answers = {item.position: scoring.correct_keys(item.snapshot) for item in attempt.items.all()}
    with django_assert_num_queries(SUBMIT):
        graded = attempt_submit(attempt=attempt, answers=answers)
    assert graded.score == 100 and graded.passed
    assert Enrolment.objects.get(user=learner).completion_check_due_at is not None  # the completion is asked
    assert START + SUBMIT - 4 + 1 <= 12  # outside a transaction, with the caller's read of the questions


def test_a_second_submit_reads_once_and_changes_nothing(module_quiz, learner, django_assert_num_queries):
    attempt = attempt_start(user=learner, quiz=module_quiz(4))
    first = attempt_submit(attempt=attempt, answers={1: ["o0"]})
    with django_assert_num_queries(3):  # savepoint, the locked read, release
        second = attempt_submit(attempt=attempt, answers={1: ["o1"], 2: ["o0"]})
    assert (second.score, second.submitted_at) == (first.score, first.submitted_at)
    assert list(attempt.items.values_list("selected", flat=True))[:2] == [["o0"], []]


def test_marks_are_as_moodle_gives_them(quiz, fill_bank, learner):
    """The same marks as before: a right single answer 1; one of two right options 0.5; a wrong answer 0;
    a second answer to a single-answer question is dropped (the first counts); the score is their mean."""
    fill_bank(quiz, count=4, qtypes=("single", "multi", "truefalse", "single"))
    quiz.draw, quiz.questions_per_attempt = Quiz.Draw.RANDOM, 4
    quiz.save()
    attempt = attempt_start(user=learner, quiz=quiz, rng=random.Random(3))
    items = {item.snapshot["name"]: item for item in attempt.items.all()}
    right = {name: scoring.correct_keys(item.snapshot) for name, item in items.items()}
    wrong = {
        name: [o["key"] for o in item.snapshot["options"] if Decimal(o["fraction"]) <= 0][:1]
        for name, item in items.items()
    }
    chosen = {
        "q000": right["q000"],
        "q001": right["q001"][:1],
        "q002": wrong["q002"],
        "q003": right["q003"] + wrong["q003"],
    }
    graded = attempt_submit(
        attempt=attempt, answers={items[name].position: keys for name, keys in chosen.items()}
    )
    marks = dict(attempt.items.values_list("snapshot__name", "mark"))
    assert marks == {"q000": 1, "q001": Decimal("0.5"), "q002": 0, "q003": 1}
    assert graded.score == Decimal("62.50") and graded.passed is True
    stored = Attempt.objects.get(pk=attempt.pk)
    assert (stored.status, stored.score, stored.passed) == (Attempt.Status.GRADED, Decimal("62.50"), True)
    assert attempt.items.get(snapshot__name="q003").selected == right["q003"]


def test_after_the_time_limit_only_answers_saved_in_time_are_marked(quiz, fill_bank, learner):
    fill_bank(quiz, count=4, qtypes=("single",))
    quiz.time_limit_minutes = 10
    quiz.save()
    attempt = attempt_start(user=learner, quiz=quiz)
    right = {item.position: scoring.correct_keys(item.snapshot) for item in attempt.items.all()}
    attempt_save_answers(attempt=attempt, answers={1: right[1]})
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(minutes=1))
    graded = attempt_submit(attempt=attempt, answers=right)
    assert graded.timed_out and graded.score == 25

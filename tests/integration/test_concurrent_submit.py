"""Fifty people submit their quiz attempts at the same moment, each on its own PostgreSQL connection: no
errors, every attempt graded with its own answers (no lost write), and one attempt submitted twice at once is
graded once."""

import random

import pytest

from assessments.models import Attempt, AttemptQuestion, Quiz
from assessments.quizzes import scoring
from assessments.quizzes.services.attempts import attempt_start, attempt_submit
from assessments.quizzes.services.imports import questions_write
from learning.organisations.factories import UserFactory
from tests.assessments.conftest import make_bank_question
from tests.integration.test_fault_concurrent_completion import _at_once  # each call on its own connection

pytestmark = pytest.mark.integration

PEOPLE = 50


@pytest.fixture
def quiz(real_services, transactional_db, django_db_serialized_rollback):
    quiz = Quiz.objects.create(title="At once", pass_mark=50, questions_per_attempt=6, draw=Quiz.Draw.RANDOM)
    questions_write(quiz=quiz, questions=[make_bank_question(n) for n in range(12)])
    return quiz


def test_fifty_submits_at_once_are_all_graded_with_their_own_answers(quiz):
    attempts = [attempt_start(user=UserFactory(), quiz=quiz, rng=random.Random(n)) for n in range(PEOPLE)]
    # Person n answers the first n % 7 questions right, and the rest not at all: a score of their own.
    answers = {}
    for n, attempt in enumerate(attempts):
        items = sorted(attempt.items.all(), key=lambda item: item.position)
        answers[attempt.pk] = {i.position: scoring.correct_keys(i.snapshot) for i in items[: n % 7]}
    errors = _at_once(
        *(lambda a=attempt: attempt_submit(attempt=a, answers=answers[a.pk]) for attempt in attempts)
    )
    assert errors == []
    graded = {a.pk: a for a in Attempt.objects.filter(quiz=quiz)}
    assert all(a.status == Attempt.Status.GRADED for a in graded.values()) and len(graded) == PEOPLE
    for n, attempt in enumerate(attempts):
        right = min(n % 7, 6)
        assert graded[attempt.pk].score == scoring.attempt_score([1] * right + [0] * (6 - right)), n
        assert AttemptQuestion.objects.filter(attempt=attempt, mark=1).count() == right
        assert not AttemptQuestion.objects.filter(attempt=attempt, mark__isnull=True).exists()


def test_one_attempt_submitted_twice_at_once_is_graded_once(quiz):
    attempt = attempt_start(user=UserFactory(), quiz=quiz)
    right = {i.position: scoring.correct_keys(i.snapshot) for i in attempt.items.all()}
    errors = _at_once(
        lambda: attempt_submit(attempt=attempt, answers=right),
        lambda: attempt_submit(attempt=attempt, answers={1: right[1]}),
    )
    assert errors == []
    attempt.refresh_from_db()
    # whichever came first was graded, and the second found it graded: all its marks agree with its score
    marks = list(attempt.items.values_list("mark", flat=True))
    assert attempt.score in (100, scoring.attempt_score([1, 0, 0, 0, 0, 0]))
    assert attempt.score == scoring.attempt_score(marks)
